package io.awstutor.sandbox.s3.rest;

import io.awstutor.sandbox.http.SandboxResponse;
import io.awstutor.sandbox.http.ServiceCall;
import io.awstutor.sandbox.protocol.AwsException;
import io.awstutor.sandbox.s3.Bucket;
import io.awstutor.sandbox.s3.S3Errors;
import org.w3c.dom.Element;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Put/Get/DeleteBucketLifecycleConfiguration: the rules are checked as S3 checks them and
 * kept as put. The sandbox never runs them: AWS applies lifecycle rules once a day, so
 * within a session nothing would have expired or moved on AWS either.
 */
final class LifecycleResource {
    private static final List<String> ACTIONS = List.of("Expiration", "Transition", "NoncurrentVersionExpiration",
            "NoncurrentVersionTransition", "AbortIncompleteMultipartUpload");
    private static final int MAX_RULES = 1000;

    private final S3Context s3;

    LifecycleResource(S3Context s3) {
        this.s3 = s3;
    }

    SandboxResponse get(ServiceCall call, Bucket bucket) {
        s3.check(call, bucket, "s3:GetLifecycleConfiguration");
        String document = bucket.config().lifecycle();
        if (document == null) {
            throw AwsException.notFound("NoSuchLifecycleConfiguration", "The lifecycle configuration does not exist")
                    .with("BucketName", bucket.name());
        }
        return SandboxResponse.bytes(200, "application/xml", document.getBytes(StandardCharsets.UTF_8));
    }

    SandboxResponse put(ServiceCall call, Bucket bucket) throws IOException {
        s3.check(call, bucket, "s3:PutLifecycleConfiguration");
        byte[] body = XmlInput.readBody(call.request().body());
        Element root = XmlInput.parse(body);
        XmlInput.expectRoot(root, "LifecycleConfiguration");
        List<Element> rules = XmlInput.children(root, "Rule");
        if (rules.isEmpty() || rules.size() > MAX_RULES) {
            throw S3Errors.malformedXml();
        }
        for (Element rule : rules) {
            String status = XmlInput.text(rule, "Status");
            if (!"Enabled".equals(status) && !"Disabled".equals(status)) {
                throw S3Errors.malformedXml();
            }
            String id = XmlInput.text(rule, "ID");
            if (id != null && id.length() > 255) {
                throw AwsException.badRequest("InvalidArgument", "ID length should not exceed allowed limit of 255");
            }
            if (ACTIONS.stream().noneMatch(a -> XmlInput.child(rule, a).isPresent())) {
                throw AwsException.badRequest("InvalidRequest", "At least one action needs to be specified in a rule");
            }
            XmlInput.child(rule, "Expiration").map(e -> XmlInput.text(e, "Days")).ifPresent(days -> {
                if (!days.trim().matches("[1-9]\\d*")) {
                    throw AwsException.badRequest("InvalidArgument", "'Days' for Expiration action must be a positive integer");
                }
            });
        }
        String document = new String(body, StandardCharsets.UTF_8);
        s3.backend.buckets().update(bucket, c -> c.withLifecycle(document));
        return SandboxResponse.empty(200);
    }

    SandboxResponse delete(ServiceCall call, Bucket bucket) {
        s3.check(call, bucket, "s3:PutLifecycleConfiguration");
        s3.backend.buckets().update(bucket, c -> c.withLifecycle(null));
        return SandboxResponse.empty(204);
    }
}
