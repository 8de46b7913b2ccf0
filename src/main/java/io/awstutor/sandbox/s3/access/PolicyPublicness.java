package io.awstutor.sandbox.s3.access;

import io.awstutor.json.JsonMappers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;

/**
 * Whether a bucket policy is "public" in Block Public Access's sense: some Allow statement
 * names every principal ({@code "*"} or {@code {"AWS":"*"}}) without a condition that pins it
 * to fixed sources or principals (aws:SourceIp, aws:SourceVpc, aws:PrincipalAccount, ...).
 */
public final class PolicyPublicness {
    private static final ObjectMapper JSON = JsonMappers.mapper();
    private static final Set<String> RESTRICTING_KEYS = Set.of("aws:sourceip", "aws:sourcevpc", "aws:sourcevpce",
            "aws:sourcearn", "aws:sourceaccount", "aws:sourceowner", "aws:principalaccount", "aws:principalarn",
            "aws:principalorgid", "aws:principalorgpaths", "aws:userid", "aws:principalservicename",
            "s3:dataaccesspointaccount", "s3:dataaccesspointarn");

    private PolicyPublicness() {
    }

    public static boolean isPublic(String policy) {
        if (policy == null) {
            return false;
        }
        try {
            JsonNode root = JSON.readTree(policy);
            JsonNode statements = root.path("Statement");
            if (statements.isObject()) {
                return statementIsPublic(statements);
            }
            for (JsonNode s : statements) {
                if (statementIsPublic(s)) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean statementIsPublic(JsonNode s) {
        if (!"Allow".equals(s.path("Effect").asText())) {
            return false;
        }
        if (!namesEveryone(s.path("Principal"))) {
            return false;
        }
        JsonNode condition = s.path("Condition");
        if (condition.isMissingNode()) {
            return true;
        }
        for (JsonNode operator : condition) {
            Iterator<String> keys = operator.fieldNames();
            while (keys.hasNext()) {
                if (RESTRICTING_KEYS.contains(keys.next().toLowerCase(Locale.ROOT))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean namesEveryone(JsonNode principal) {
        if (principal.isTextual()) {
            return "*".equals(principal.asText());
        }
        JsonNode aws = principal.path("AWS");
        if (aws.isTextual()) {
            return "*".equals(aws.asText());
        }
        for (JsonNode a : aws) {
            if ("*".equals(a.asText())) {
                return true;
            }
        }
        return false;
    }
}
