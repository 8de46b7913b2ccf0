package io.awstutor.sandbox.iam;

import io.awstutor.sandbox.protocol.XmlWriter;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** How IAM writes its shapes in responses: users, tags, pages, policy documents. */
final class IamXml {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private IamXml() {
    }

    static void user(XmlWriter xml, String element, IamUser user, String accountId, boolean withTags) {
        xml.start(element)
                .element("Path", user.path())
                .element("UserName", user.name())
                .element("UserId", user.id())
                .element("Arn", user.arn(accountId))
                .element("CreateDate", user.created());
        boundary(xml, user.permissionsBoundary());
        if (withTags && !user.tags().isEmpty()) {
            tags(xml, "Tags", user.tags());
        }
        xml.end();
    }

    static void boundary(XmlWriter xml, String boundaryArn) {
        if (boundaryArn != null) {
            xml.start("PermissionsBoundary")
                    .element("PermissionsBoundaryType", "PermissionsBoundaryPolicy")
                    .element("PermissionsBoundaryArn", boundaryArn)
                    .end();
        }
    }

    static void tags(XmlWriter xml, String element, List<Tag> tags) {
        xml.start(element);
        for (Tag tag : tags) {
            xml.start("member").element("Key", tag.key()).element("Value", tag.value()).end();
        }
        xml.end();
    }

    /** The paging trailer every IAM list carries: IsTruncated always, Marker when there is more. */
    static void paging(XmlWriter xml, Page<?> page) {
        xml.element("IsTruncated", page.truncated());
        if (page.truncated()) {
            xml.element("Marker", page.nextMarker());
        }
    }

    /**
     * IAM returns policy documents URL-encoded per RFC 3986 (spaces as %20, not '+'): the
     * SDK for Java hands that text to the caller as is, boto3 and the CLI decode it.
     */
    static String policyDocument(String document) {
        byte[] bytes = document.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length + 32);
        for (byte b : bytes) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return out.toString();
    }
}
