package io.awstutor.sandbox.iam;

import io.awstutor.sandbox.protocol.Arns;
import io.awstutor.json.JsonMappers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The AWS managed policies (account "aws") the sandbox knows, read from
 * {@code aws-managed-policies.json}: real names, ARNs, ids and documents. They are shared
 * by every account and never change.
 */
final class AwsManagedPolicies {
    static final String ARN_PREFIX = Arns.global("iam", "aws", "policy");

    private final Map<String, ManagedPolicy> byArn;

    private AwsManagedPolicies(Map<String, ManagedPolicy> byArn) {
        this.byArn = byArn;
    }

    /** Read on first use, not when the sandbox starts (their JSON is a visible part of a start). */
    private static final class Bundled {
        static final AwsManagedPolicies POLICIES = load();
    }

    static AwsManagedPolicies bundled() {
        return Bundled.POLICIES;
    }

    private static AwsManagedPolicies load() {
        ObjectMapper json = JsonMappers.mapper();
        try (InputStream in = AwsManagedPolicies.class.getResourceAsStream("aws-managed-policies.json")) {
            if (in == null) {
                throw new IllegalStateException("aws-managed-policies.json is missing from the class path");
            }
            Map<String, ManagedPolicy> policies = new LinkedHashMap<>();
            for (JsonNode p : json.readTree(in).get("policies")) {
                String name = p.get("name").asText();
                String path = p.get("path").asText();
                String arn = ARN_PREFIX + path + name;
                Instant created = Instant.parse(p.get("created").asText());
                Instant updated = Instant.parse(p.get("updated").asText());
                String versionId = p.get("defaultVersionId").asText();
                String document = json.writerWithDefaultPrettyPrinter().writeValueAsString(p.get("document"));
                int next = Integer.parseInt(versionId.substring(1)) + 1;
                policies.put(arn, new ManagedPolicy(name, path, p.get("id").asText(), arn, p.get("description").asText(),
                        created, updated, versionId, List.of(new PolicyVersion(versionId, document, updated)), next, List.of()));
            }
            return new AwsManagedPolicies(policies);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Optional<ManagedPolicy> find(String arn) {
        return Optional.ofNullable(byArn.get(arn));
    }

    Collection<ManagedPolicy> all() {
        return new ArrayList<>(byArn.values());
    }
}
