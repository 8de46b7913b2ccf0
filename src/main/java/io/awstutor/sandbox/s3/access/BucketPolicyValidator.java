package io.awstutor.sandbox.s3.access;

import io.awstutor.sandbox.protocol.Arns;
import io.awstutor.json.JsonMappers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.awstutor.sandbox.protocol.AwsException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * S3's own checks of a bucket policy, after IAM's grammar: every statement names a
 * principal, S3 actions only, and resources inside this bucket. Errors are S3's
 * {@code MalformedPolicy} with its messages.
 */
public final class BucketPolicyValidator {
    private static final ObjectMapper JSON = JsonMappers.mapper();

    private BucketPolicyValidator() {
    }

    /** Only that the document is a JSON object, with S3's message when it isn't. */
    public static void checkJson(String policy) {
        try {
            if (policy != null && !policy.isBlank() && JSON.readTree(policy).isObject()) {
                return;
            }
        } catch (IOException e) {
            // falls through to S3's error
        }
        throw malformed("Policies must be valid JSON and the first byte must be '{'");
    }

    public static void validate(String policy, String bucket) {
        if (policy == null || policy.isBlank()) {
            throw malformed("Policies must be valid JSON and the first byte must be '{'");
        }
        JsonNode root;
        try {
            root = JSON.readTree(policy);
        } catch (IOException e) {
            throw malformed("Policies must be valid JSON and the first byte must be '{'");
        }
        if (root == null || !root.isObject()) {
            throw malformed("Policies must be valid JSON and the first byte must be '{'");
        }
        JsonNode statements = root.path("Statement");
        if (statements.isMissingNode() || (statements.isArray() && statements.isEmpty())) {
            throw malformed("Missing required field Statement");
        }
        List<JsonNode> list = new ArrayList<>();
        if (statements.isArray()) {
            statements.forEach(list::add);
        } else {
            list.add(statements);
        }
        for (JsonNode s : list) {
            String effect = s.path("Effect").asText("");
            if (!effect.equals("Allow") && !effect.equals("Deny")) {
                throw malformed(s.has("Effect") ? "Invalid effect: " + effect : "Missing required field Effect");
            }
            if (!s.has("Principal") && !s.has("NotPrincipal")) {
                throw malformed("Missing required field Principal");
            }
            if (!s.has("Action") && !s.has("NotAction")) {
                throw malformed("Missing required field Action");
            }
            for (String action : texts(s.has("Action") ? s.path("Action") : s.path("NotAction"))) {
                if (!action.equals("*") && !action.toLowerCase(java.util.Locale.ROOT).startsWith("s3:")) {
                    throw malformed("Policy has invalid action");
                }
            }
            if (!s.has("Resource") && !s.has("NotResource")) {
                throw malformed("Missing required field Resource");
            }
            List<String> resources = texts(s.has("Resource") ? s.path("Resource") : s.path("NotResource"));
            String arn = Arns.s3(bucket);
            for (String resource : resources) {
                if (!resource.equals(arn) && !resource.startsWith(arn + "/")) {
                    throw malformed("Policy has invalid resource");
                }
            }
            if (s.has("Action") && s.has("Resource")) {
                boolean bucketResource = resources.contains(arn);
                boolean objectResource = resources.stream().anyMatch(r -> r.startsWith(arn + "/"));
                for (String action : texts(s.path("Action"))) {
                    Applies applies = appliesTo(action);
                    if ((applies == Applies.OBJECT && !objectResource) || (applies == Applies.BUCKET && !bucketResource)) {
                        throw malformed("Action does not apply to any resource(s) in statement");
                    }
                }
            }
        }
    }

    private enum Applies { BUCKET, OBJECT, EITHER }

    /**
     * Whether an S3 action acts on the bucket ({@code arn:aws:s3:::bucket}) or on objects
     * ({@code arn:aws:s3:::bucket/key}): s3:GetObject granted on the bucket alone grants
     * nothing, and S3 refuses such a statement. Wildcards and names not known here may
     * match either, so they are let through.
     */
    private static Applies appliesTo(String action) {
        String name = action.toLowerCase(java.util.Locale.ROOT);
        if (name.contains("*") || !name.startsWith("s3:")) {
            return Applies.EITHER;
        }
        name = name.substring(3);
        if (name.contains("bucket") || name.endsWith("configuration")) {
            return Applies.BUCKET;
        }
        if (name.contains("object") || name.equals("abortmultipartupload") || name.equals("listmultipartuploadparts")) {
            return Applies.OBJECT;
        }
        return Applies.EITHER;
    }

    private static List<String> texts(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isTextual()) {
            out.add(node.asText());
        } else {
            node.forEach(n -> out.add(n.asText()));
        }
        return out;
    }

    public static AwsException malformed(String message) {
        return AwsException.badRequest("MalformedPolicy", message);
    }
}
