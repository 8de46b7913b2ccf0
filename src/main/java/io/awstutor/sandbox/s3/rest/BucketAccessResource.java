package io.awstutor.sandbox.s3.rest;

import io.awstutor.sandbox.http.SandboxResponse;
import io.awstutor.sandbox.http.ServiceCall;
import io.awstutor.sandbox.protocol.AwsException;
import io.awstutor.sandbox.protocol.XmlWriter;
import io.awstutor.sandbox.s3.Bucket;
import io.awstutor.sandbox.s3.S3Errors;
import io.awstutor.sandbox.s3.access.Acl;
import io.awstutor.sandbox.s3.access.BucketPolicyValidator;
import io.awstutor.sandbox.s3.access.ObjectOwnership;
import io.awstutor.sandbox.s3.access.PolicyPublicness;
import io.awstutor.sandbox.s3.access.PublicAccessBlock;
import io.awstutor.sandbox.s3.access.S3AccessControl;
import org.w3c.dom.Element;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/** A bucket's access settings: ACL, bucket policy, Public Access Block, Object Ownership. */
final class BucketAccessResource {
    private final S3Context s3;

    BucketAccessResource(S3Context s3) {
        this.s3 = s3;
    }

    SandboxResponse getAcl(ServiceCall call, Bucket bucket) {
        s3.check(call, bucket, "s3:GetBucketAcl", "READ_ACP", Map.of());
        return xml(AclCodec.toXml(bucket.config().acl()));
    }

    SandboxResponse putAcl(ServiceCall call, Bucket bucket) throws IOException {
        s3.check(call, bucket, "s3:PutBucketAcl", "WRITE_ACP", Map.of());
        String ownerId = s3.canonicalId(bucket.owner());
        Acl acl = AclCodec.fromHeaders(call.request(), ownerId, ownerId);
        Optional<Element> body = XmlInput.parseOptional(XmlInput.readBody(call.request().body()));
        if (acl != null && body.isPresent()) {
            throw AwsException.badRequest("UnexpectedContent", "This request does not support content");
        }
        if (acl == null) {
            acl = AclCodec.fromXml(body.orElseThrow(() -> AwsException.badRequest("MissingSecurityHeader",
                    "Your request was missing a required header").with("MissingHeaderName", "x-amz-acl")), ownerId);
        }
        S3AccessControl.checkAclWrite(bucket.config(), acl, true, AclCodec.cannedName(call.request()));
        Acl finalAcl = acl;
        s3.backend.buckets().update(bucket, c -> c.withAcl(finalAcl));
        return SandboxResponse.empty(200);
    }

    SandboxResponse getPolicy(ServiceCall call, Bucket bucket) {
        s3.check(call, bucket, "s3:GetBucketPolicy");
        String policy = bucket.config().policy();
        if (policy == null) {
            throw AwsException.notFound("NoSuchBucketPolicy", "The bucket policy does not exist").with("BucketName", bucket.name());
        }
        return SandboxResponse.bytes(200, "application/json", policy.getBytes(StandardCharsets.UTF_8));
    }

    SandboxResponse putPolicy(ServiceCall call, Bucket bucket) throws IOException {
        s3.check(call, bucket, "s3:PutBucketPolicy");
        byte[] bytes = call.request().body().readNBytes(20 * 1024 + 1);
        if (bytes.length > 20 * 1024) {
            throw AwsException.badRequest("PolicyTooLarge", "Policy exceeds the maximum allowed document size.");
        }
        String policy = new String(bytes, StandardCharsets.UTF_8);
        BucketPolicies.validate(policy, bucket.name());
        S3AccessControl.checkPolicyWrite(bucket.config(), policy, call.caller());
        s3.backend.buckets().update(bucket, c -> c.withPolicy(policy));
        return SandboxResponse.empty(204);
    }

    SandboxResponse deletePolicy(ServiceCall call, Bucket bucket) {
        s3.check(call, bucket, "s3:DeleteBucketPolicy");
        s3.backend.buckets().update(bucket, c -> c.withPolicy(null));
        return SandboxResponse.empty(204);
    }

    SandboxResponse policyStatus(ServiceCall call, Bucket bucket) {
        s3.check(call, bucket, "s3:GetBucketPolicyStatus");
        if (bucket.config().policy() == null) {
            throw AwsException.notFound("NoSuchBucketPolicy", "The bucket policy does not exist").with("BucketName", bucket.name());
        }
        boolean isPublic = PolicyPublicness.isPublic(bucket.config().policy());
        return S3Xml.ok(new XmlWriter().start("PolicyStatus", S3Xml.NS).element("IsPublic", isPublic).end());
    }

    SandboxResponse getPublicAccessBlock(ServiceCall call, Bucket bucket) {
        s3.check(call, bucket, "s3:GetBucketPublicAccessBlock");
        PublicAccessBlock block = bucket.config().publicAccessBlock();
        if (block == null) {
            throw AwsException.notFound("NoSuchPublicAccessBlockConfiguration",
                    "The public access block configuration was not found").with("BucketName", bucket.name());
        }
        return S3Xml.ok(new XmlWriter().start("PublicAccessBlockConfiguration", S3Xml.NS)
                .element("BlockPublicAcls", block.blockPublicAcls())
                .element("IgnorePublicAcls", block.ignorePublicAcls())
                .element("BlockPublicPolicy", block.blockPublicPolicy())
                .element("RestrictPublicBuckets", block.restrictPublicBuckets()).end());
    }

    SandboxResponse putPublicAccessBlock(ServiceCall call, Bucket bucket) throws IOException {
        s3.check(call, bucket, "s3:PutBucketPublicAccessBlock");
        Element root = XmlInput.parse(XmlInput.readBody(call.request().body()));
        XmlInput.expectRoot(root, "PublicAccessBlockConfiguration");
        PublicAccessBlock block = new PublicAccessBlock(flag(root, "BlockPublicAcls"), flag(root, "IgnorePublicAcls"),
                flag(root, "BlockPublicPolicy"), flag(root, "RestrictPublicBuckets"));
        s3.backend.buckets().update(bucket, c -> c.withPublicAccessBlock(block));
        return SandboxResponse.empty(200);
    }

    private static boolean flag(Element root, String name) {
        String value = XmlInput.text(root, name);
        if (value == null) {
            return false;
        }
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw S3Errors.malformedXml();
        }
        return Boolean.parseBoolean(value);
    }

    SandboxResponse deletePublicAccessBlock(ServiceCall call, Bucket bucket) {
        s3.check(call, bucket, "s3:PutBucketPublicAccessBlock");
        s3.backend.buckets().update(bucket, c -> c.withPublicAccessBlock(null));
        return SandboxResponse.empty(204);
    }

    SandboxResponse getOwnership(ServiceCall call, Bucket bucket) {
        s3.check(call, bucket, "s3:GetBucketOwnershipControls");
        ObjectOwnership ownership = bucket.config().ownership();
        if (ownership == null) {
            throw AwsException.notFound("OwnershipControlsNotFoundError", "The bucket ownership controls were not found")
                    .with("BucketName", bucket.name());
        }
        return S3Xml.ok(new XmlWriter().start("OwnershipControls", S3Xml.NS).start("Rule")
                .element("ObjectOwnership", ownership.name()).end().end());
    }

    SandboxResponse putOwnership(ServiceCall call, Bucket bucket) throws IOException {
        s3.check(call, bucket, "s3:PutBucketOwnershipControls");
        Element root = XmlInput.parse(XmlInput.readBody(call.request().body()));
        XmlInput.expectRoot(root, "OwnershipControls");
        Element rule = XmlInput.child(root, "Rule").orElseThrow(S3Errors::malformedXml);
        ObjectOwnership ownership = ObjectOwnership.parse(XmlInput.text(rule, "ObjectOwnership"));
        if (ownership.aclsDisabled() && !bucket.config().acl().isOwnerOnly()) {
            throw AwsException.badRequest("InvalidBucketAclWithObjectOwnership",
                    "Bucket cannot have ACLs set with ObjectOwnership's BucketOwnerEnforced setting");
        }
        s3.backend.buckets().update(bucket, c -> c.withOwnership(ownership));
        return SandboxResponse.empty(200);
    }

    SandboxResponse deleteOwnership(ServiceCall call, Bucket bucket) {
        s3.check(call, bucket, "s3:PutBucketOwnershipControls");
        s3.backend.buckets().update(bucket, c -> c.withOwnership(null));
        return SandboxResponse.empty(204);
    }

    private static SandboxResponse xml(String document) {
        return SandboxResponse.bytes(200, "application/xml", document.getBytes(StandardCharsets.UTF_8));
    }
}
