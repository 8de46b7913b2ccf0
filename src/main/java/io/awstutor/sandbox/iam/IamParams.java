package io.awstutor.sandbox.iam;

import io.awstutor.sandbox.protocol.Tag;
import io.awstutor.sandbox.protocol.QueryParams;

import java.util.List;

/** Reading IAM's common request members: tag lists and optional path prefixes. */
final class IamParams {
    private IamParams() {
    }

    /**
     * The iam:PermissionsBoundary condition key of CreateUser, CreateRole and Put*PermissionsBoundary:
     * the boundary the request sets, so a policy can require one ("create users only with this boundary").
     */
    static java.util.Map<String, List<String>> boundaryContext(QueryParams params) {
        String boundary = params.get("PermissionsBoundary");
        return boundary == null ? java.util.Map.of() : java.util.Map.of("iam:PermissionsBoundary", List.of(boundary));
    }

    static List<Tag> tags(QueryParams params) {
        return params.structs("Tags").stream().map(t -> new Tag(t.get("Key"), t.get("Value"))).toList();
    }

    static String pathPrefix(QueryParams params) {
        return params.getOrDefault("PathPrefix", "/");
    }
}
