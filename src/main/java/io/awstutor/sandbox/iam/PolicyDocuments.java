package io.awstutor.sandbox.iam;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Checks the policy documents IAM is given (identity policies, trust policies) before they
 * are stored, and applies IAM's size quotas, which count characters other than whitespace.
 */
final class PolicyDocuments {
    private static final ObjectMapper JSON = new ObjectMapper();

    enum Kind { IDENTITY, TRUST }

    private PolicyDocuments() {
    }

    static String validate(String document, Kind kind) {
        IamValidation.length("policyDocument", document, 1, 131072);
        JsonNode root;
        try {
            root = JSON.readTree(document);
        } catch (JsonProcessingException e) {
            throw IamErrors.malformedPolicy("Syntax errors in policy.");
        }
        if (root == null || !root.isObject()) {
            throw IamErrors.malformedPolicy("Syntax errors in policy.");
        }
        if (!root.has("Statement")) {
            throw IamErrors.malformedPolicy("Syntax errors in policy.");
        }
        return document;
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
