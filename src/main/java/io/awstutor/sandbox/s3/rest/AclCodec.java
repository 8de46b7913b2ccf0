package io.awstutor.sandbox.s3.rest;

import io.awstutor.sandbox.http.SandboxRequest;
import io.awstutor.sandbox.protocol.AwsException;
import io.awstutor.sandbox.protocol.XmlWriter;
import io.awstutor.sandbox.s3.S3Errors;
import io.awstutor.sandbox.s3.access.Acl;
import io.awstutor.sandbox.s3.access.Grant;
import io.awstutor.sandbox.s3.access.Grantee;
import org.w3c.dom.Element;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** ACLs in and out: the x-amz-acl / x-amz-grant-* headers and the AccessControlPolicy document. */
final class AclCodec {
    private static final Map<String, String> GRANT_HEADERS = Map.of(
            "x-amz-grant-read", "READ", "x-amz-grant-write", "WRITE", "x-amz-grant-read-acp", "READ_ACP",
            "x-amz-grant-write-acp", "WRITE_ACP", "x-amz-grant-full-control", "FULL_CONTROL");

    private AclCodec() {
    }

    /** The canned ACL named in the request, if any. */
    static String cannedName(SandboxRequest request) {
        return request.header("x-amz-acl").map(String::trim).orElse(null);
    }

    /** The ACL a request's headers ask for, or null when they ask for none. */
    static Acl fromHeaders(SandboxRequest request, String ownerId, String bucketOwnerId) {
        String canned = cannedName(request);
        List<Grant> grants = new ArrayList<>();
        for (Map.Entry<String, String> h : GRANT_HEADERS.entrySet()) {
            request.header(h.getKey()).ifPresent(value -> {
                for (String part : value.split(",")) {
                    grants.add(new Grant(granteeFromHeader(part.trim()), h.getValue()));
                }
            });
        }
        if (canned != null && !grants.isEmpty()) {
            throw AwsException.badRequest("InvalidRequest", "Specifying both Canned ACLs and Header Grants is not allowed");
        }
        if (canned != null) {
            return Acl.canned(canned, ownerId, bucketOwnerId);
        }
        return grants.isEmpty() ? null : new Acl(ownerId, grants);
    }

    private static Grantee granteeFromHeader(String part) {
        int eq = part.indexOf('=');
        if (eq < 0) {
            throw S3Errors.invalidArgument("Invalid id", "x-amz-grant", part);
        }
        String type = part.substring(0, eq).trim();
        String value = part.substring(eq + 1).trim().replace("\"", "");
        return switch (type) {
            case "id" -> Grantee.user(value);
            case "uri" -> Grantee.group(value);
            case "emailAddress" -> Grantee.email(value);
            default -> throw S3Errors.invalidArgument("Argument format not recognized", "x-amz-grant", part);
        };
    }

    static Acl fromXml(Element root, String ownerId) {
        XmlInput.expectRoot(root, "AccessControlPolicy");
        Element list = XmlInput.child(root, "AccessControlList").orElseThrow(S3Errors::malformedXml);
        List<Grant> grants = new ArrayList<>();
        for (Element g : XmlInput.children(list, "Grant")) {
            Element who = XmlInput.child(g, "Grantee").orElseThrow(S3Errors::malformedXml);
            String permission = XmlInput.text(g, "Permission");
            String type = who.getAttributeNS("http://www.w3.org/2001/XMLSchema-instance", "type");
            if (type.isEmpty()) {
                type = who.getAttribute("xsi:type");
            }
            Grantee grantee = switch (type) {
                case "CanonicalUser" -> Grantee.user(XmlInput.text(who, "ID"));
                case "Group" -> Grantee.group(XmlInput.text(who, "URI"));
                case "AmazonCustomerByEmail" -> Grantee.email(XmlInput.text(who, "EmailAddress"));
                default -> throw S3Errors.malformedXml();
            };
            if (permission == null) {
                throw S3Errors.malformedXml();
            }
            grants.add(new Grant(grantee, permission));
        }
        return new Acl(ownerId, grants);
    }

    /** The AccessControlPolicy document (built by hand: the Grantee element carries an xsi:type attribute). */
    static String toXml(Acl acl) {
        StringBuilder out = new StringBuilder(512);
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
                .append("<AccessControlPolicy xmlns=\"").append(S3Xml.NS).append("\">")
                .append("<Owner><ID>").append(XmlWriter.escape(acl.ownerId())).append("</ID></Owner><AccessControlList>");
        for (Grant g : acl.grants()) {
            Grantee who = g.grantee();
            out.append("<Grant><Grantee xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:type=\"")
                    .append(who.type()).append("\">");
            switch (who.type()) {
                case "CanonicalUser" -> out.append("<ID>").append(XmlWriter.escape(who.id())).append("</ID>");
                case "Group" -> out.append("<URI>").append(XmlWriter.escape(who.uri())).append("</URI>");
                default -> out.append("<EmailAddress>").append(XmlWriter.escape(who.email())).append("</EmailAddress>");
            }
            out.append("</Grantee><Permission>").append(g.permission()).append("</Permission></Grant>");
        }
        return out.append("</AccessControlList></AccessControlPolicy>").toString();
    }
}
