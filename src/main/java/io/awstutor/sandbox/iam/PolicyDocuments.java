package io.awstutor.sandbox.iam;

import io.awstutor.sandbox.iam.policy.PolicyDocument;
import io.awstutor.sandbox.iam.policy.PolicyKind;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks the policy documents IAM is given with the policy language's parser (AWS's
 * MalformedPolicyDocument messages), applies IAM's size quotas (which count characters other
 * than whitespace), and keeps the compiled form of stored documents so that evaluating a
 * request never parses JSON.
 */
final class PolicyDocuments {
    /** Enough for every document a sandbox holds; past it the cache starts over rather than grow. */
    private static final int CACHE_LIMIT = 10_000;

    private final ConcurrentHashMap<String, PolicyDocument> identity = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, PolicyDocument> trust = new ConcurrentHashMap<>();

    static PolicyDocument validate(String document, PolicyKind kind) {
        IamValidation.length("policyDocument", document, 1, 131072);
        return PolicyDocument.parse(document, kind);
    }

    /** The compiled form of a document already stored as an identity policy. */
    PolicyDocument identity(String document) {
        return cached(identity, document, PolicyKind.IDENTITY);
    }

    /** The compiled form of a role's stored trust policy. */
    PolicyDocument trust(String document) {
        return cached(trust, document, PolicyKind.TRUST);
    }

    private static PolicyDocument cached(ConcurrentHashMap<String, PolicyDocument> cache, String document, PolicyKind kind) {
        PolicyDocument parsed = cache.get(document);
        if (parsed == null) {
            if (cache.size() >= CACHE_LIMIT) {
                cache.clear();
            }
            parsed = PolicyDocument.parse(document, kind);
            cache.put(document, parsed);
        }
        return parsed;
    }

    /** IAM's quota on a document's size: characters other than whitespace. */
    static int size(String document) {
        int count = 0;
        for (int i = 0; i < document.length(); i++) {
            if (!Character.isWhitespace(document.charAt(i))) {
                count++;
            }
        }
        return count;
    }
}
