package io.awstutor.sandbox.iam;

import io.awstutor.sandbox.protocol.QueryParams;

import java.util.List;

/** Reading IAM's common request members: tag lists and optional path prefixes. */
final class IamParams {
    private IamParams() {
    }

    static List<Tag> tags(QueryParams params) {
        return params.structs("Tags").stream().map(t -> new Tag(t.get("Key"), t.get("Value"))).toList();
    }

    static String pathPrefix(QueryParams params) {
        return params.getOrDefault("PathPrefix", "/");
    }
}
