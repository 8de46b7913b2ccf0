package io.awstutor.sandbox.iam;

import io.awstutor.sandbox.protocol.Tag;
import io.awstutor.sandbox.protocol.XmlWriter;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** How IAM writes its shapes in responses: users, tags, pages, policy documents. */
final class IamXml {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private IamXml() {
    }

    /** A user; the listings (ListUsers, GetGroup) leave out the boundary and tags, as AWS's do. */
    static void user(XmlWriter xml, String element, IamUser user, String accountId, boolean full) {
        xml.start(element)
                .element("Path", user.path())
                .element("UserName", user.name())
                .element("UserId", user.id())
                .element("Arn", user.arn(accountId))
                .element("CreateDate", user.created());
        if (full) {
            boundary(xml, user.permissionsBoundary());
            if (!user.tags().isEmpty()) {
                tags(xml, "Tags", user.tags());
            }
        }
        xml.end();
    }

    static void group(XmlWriter xml, String element, IamGroup group, String accountId) {
        xml.start(element)
                .element("Path", group.path())
                .element("GroupName", group.name())
                .element("GroupId", group.id())
                .element("Arn", group.arn(accountId))
                .element("CreateDate", group.created())
                .end();
    }

    /** A role; ListRoles leaves out the boundary and tags, as AWS does; every form carries the trust policy URL-encoded. */
    static void role(XmlWriter xml, String element, IamRole role, String accountId, boolean full) {
        xml.start(element)
                .element("Path", role.path())
                .element("RoleName", role.name())
                .element("RoleId", role.id())
                .element("Arn", role.arn(accountId))
                .element("CreateDate", role.created())
                .element("AssumeRolePolicyDocument", policyDocument(role.trustPolicy()))
                .element("Description", role.description())
                .element("MaxSessionDuration", role.maxSessionDuration());
        if (full) {
            boundary(xml, role.permissionsBoundary());
            if (!role.tags().isEmpty()) {
                tags(xml, "Tags", role.tags());
            }
        }
        xml.end();
    }

    static void policy(XmlWriter xml, String element, ManagedPolicies.PolicyView view, boolean withTags) {
        ManagedPolicy policy = view.policy();
        xml.start(element)
                .element("PolicyName", policy.name())
                .element("PolicyId", policy.id())
                .element("Arn", policy.arn())
                .element("Path", policy.path())
                .element("DefaultVersionId", policy.defaultVersionId())
                .element("AttachmentCount", view.attachmentCount())
                .element("PermissionsBoundaryUsageCount", view.boundaryUsageCount())
                .element("IsAttachable", true)
                .element("Description", policy.description())
                .element("CreateDate", policy.created())
                .element("UpdateDate", policy.updated());
        if (withTags && !policy.tags().isEmpty()) {
            tags(xml, "Tags", policy.tags());
        }
        xml.end();
    }

    static void policyVersion(XmlWriter xml, String element, ManagedPolicies.VersionView view, boolean withDocument) {
        xml.start(element);
        if (withDocument) {
            xml.element("Document", policyDocument(view.version().document()));
        }
        xml.element("VersionId", view.version().versionId())
                .element("IsDefaultVersion", view.isDefault())
                .element("CreateDate", view.version().created())
                .end();
    }

    static void instanceProfile(XmlWriter xml, String element, InstanceProfiles.ProfileView view, String accountId) {
        InstanceProfile profile = view.profile();
        xml.start(element)
                .element("Path", profile.path())
                .element("InstanceProfileName", profile.name())
                .element("InstanceProfileId", profile.id())
                .element("Arn", profile.arn(accountId))
                .element("CreateDate", profile.created())
                .start("Roles");
        view.roles().forEach(r -> role(xml, "member", r, accountId, false));
        xml.end();
        if (!profile.tags().isEmpty()) {
            tags(xml, "Tags", profile.tags());
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
