package io.awstutor.sandbox.secretsmanager;

import java.util.ArrayList;
import io.awstutor.sandbox.protocol.Tag;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.awstutor.sandbox.http.ServiceCall;
import io.awstutor.sandbox.protocol.JsonCodec;
import io.awstutor.sandbox.protocol.JsonInput;
import io.awstutor.sandbox.protocol.JsonServiceHandler;
import io.awstutor.sandbox.protocol.KeyedPages;
import io.awstutor.sandbox.protocol.ValidationErrors;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Secrets Manager over the AWS JSON 1.1 protocol ({@code X-Amz-Target: secretsmanager.Op}):
 * create, read, describe, put a new version, list, delete with a recovery window, restore.
 * Each call is authorized as {@code secretsmanager:Op} on the secret's ARN.
 */
public final class SecretsManagerHandler extends JsonServiceHandler {
    private static final Set<String> FILTER_KEYS = Set.of("description", "name", "tag-key", "tag-value", "primary-region",
            "owning-service", "all");

    private final SecretsManagerBackend backend;

    public SecretsManagerHandler(SecretsManagerBackend backend) {
        super("secretsmanager", "secretsmanager", "1.1", "Message", "InvalidParameterException");
        this.backend = backend;
        register("CreateSecret", this::create);
        register("GetSecretValue", this::getValue);
        register("DescribeSecret", this::describe);
        register("PutSecretValue", this::put);
        register("ListSecrets", this::list);
        register("DeleteSecret", this::delete);
        register("RestoreSecret", this::restore);
    }

    public SecretsManagerBackend backend() {
        return backend;
    }

    private String authorize(ServiceCall call, String operation, String secretId) {
        call.authorize("secretsmanager:" + operation, backend.arnOf(call.accountId(), call.region(), secretId), "AccessDeniedException");
        return secretId;
    }

    private JsonNode create(JsonInput in, ServiceCall call) {
        String name = in.requiredString("Name");
        authorize(call, "CreateSecret", name);
        List<Tag> requested = new ArrayList<>();
        for (JsonInput tag : in.list("Tags")) {
            requested.add(new Tag(tag.string("Key").orElse(null), tag.string("Value").orElse(null)));
        }
        Map<String, String> tags = SecretsTagRules.RULES.requested(requested);
        SecretsManagerBackend.Value created = backend.create(call.accountId(), call.region(), new SecretsManagerBackend.NewSecret(name,
                in.string("Description").orElse(null), in.string("KmsKeyId").orElse(null), in.string("SecretString").orElse(null),
                in.string("SecretBinary").orElse(null), in.string("ClientRequestToken").orElse(null), tags, null));
        ObjectNode out = JsonCodec.object().put("ARN", created.secret().arn()).put("Name", created.secret().name());
        if (created.version() != null) {
            out.put("VersionId", created.version().versionId());
        }
        return out;
    }

    private JsonNode getValue(JsonInput in, ServiceCall call) {
        String id = authorize(call, "GetSecretValue", in.requiredString("SecretId"));
        SecretsManagerBackend.Value value = backend.value(call.accountId(), call.region(), id, in.string("VersionId").orElse(null),
                in.string("VersionStage").orElse(null));
        ObjectNode out = JsonCodec.object().put("ARN", value.secret().arn()).put("Name", value.secret().name())
                .put("VersionId", value.version().versionId());
        if (value.version().secretString() != null) {
            out.put("SecretString", value.version().secretString());
        }
        if (value.version().secretBinary() != null) {
            out.put("SecretBinary", value.version().secretBinary());
        }
        ArrayNode stages = out.putArray("VersionStages");
        value.version().stages().forEach(stages::add);
        return out.put("CreatedDate", seconds(value.version().createdDate()));
    }

    private JsonNode describe(JsonInput in, ServiceCall call) {
        String id = authorize(call, "DescribeSecret", in.requiredString("SecretId"));
        ObjectNode out = JsonCodec.object();
        write(out, backend.describe(call.accountId(), call.region(), id), "VersionIdsToStages");
        return out;
    }

    private JsonNode put(JsonInput in, ServiceCall call) {
        String id = authorize(call, "PutSecretValue", in.requiredString("SecretId"));
        SecretsManagerBackend.Value value = backend.put(call.accountId(), call.region(), id, in.string("ClientRequestToken").orElse(null),
                in.string("SecretString").orElse(null), in.string("SecretBinary").orElse(null), in.strings("VersionStages"));
        ObjectNode out = JsonCodec.object().put("ARN", value.secret().arn()).put("Name", value.secret().name())
                .put("VersionId", value.version().versionId());
        ArrayNode stages = out.putArray("VersionStages");
        value.version().stages().forEach(stages::add);
        return out;
    }

    private JsonNode list(JsonInput in, ServiceCall call) {
        authorize(call, "ListSecrets", null);
        Integer max = in.integer("MaxResults").orElse(null);
        if (max != null && (max < 1 || max > 100)) {
            throw in.invalid(ValidationErrors.message(max, "maxResults", max < 1 ? ValidationErrors.minValue(1) : ValidationErrors.maxValue(100)));
        }
        List<SecretsManagerBackend.Filter> filters = in.list("Filters").stream().map(f -> {
            String key = f.requiredString("Key");
            if (!FILTER_KEYS.contains(key)) {
                throw in.invalid(ValidationErrors.message(key, "filters.member.key", ValidationErrors.oneOf(new java.util.TreeSet<>(FILTER_KEYS))));
            }
            return new SecretsManagerBackend.Filter(key, f.strings("Values"));
        }).toList();
        boolean planned = in.node().path("IncludePlannedDeletion").asBoolean(false);
        KeyedPages.Page<Secret> page = backend.list(call.accountId(), call.region(), planned, filters, in.string("NextToken"), max);
        ObjectNode out = JsonCodec.object();
        ArrayNode list = out.putArray("SecretList");
        page.items().forEach(s -> write(list.addObject(), s, "SecretVersionsToStages"));
        page.next().ifPresent(t -> out.put("NextToken", t));
        return out;
    }

    private JsonNode delete(JsonInput in, ServiceCall call) {
        String id = authorize(call, "DeleteSecret", in.requiredString("SecretId"));
        JsonNode window = in.node().get("RecoveryWindowInDays");
        Long days = window == null || window.isNull() ? null : window.asLong();
        Secret secret = backend.delete(call.accountId(), call.region(), id, days,
                in.node().path("ForceDeleteWithoutRecovery").asBoolean(false));
        return JsonCodec.object().put("ARN", secret.arn()).put("Name", secret.name()).put("DeletionDate", seconds(secret.deletionDate()));
    }

    private JsonNode restore(JsonInput in, ServiceCall call) {
        String id = authorize(call, "RestoreSecret", in.requiredString("SecretId"));
        Secret secret = backend.restore(call.accountId(), call.region(), id);
        return JsonCodec.object().put("ARN", secret.arn()).put("Name", secret.name());
    }

    /** DescribeSecret's and ListSecrets' view of a secret (they name the version map differently). */
    private static void write(ObjectNode out, Secret s, String versionsMember) {
        out.put("ARN", s.arn()).put("Name", s.name());
        if (s.description() != null) {
            out.put("Description", s.description());
        }
        if (s.kmsKeyId() != null) {
            out.put("KmsKeyId", s.kmsKeyId());
        }
        out.put("RotationEnabled", false);
        out.put("LastChangedDate", seconds(s.lastChangedDate()));
        if (s.lastAccessedDate() != null) {
            out.put("LastAccessedDate", seconds(s.lastAccessedDate()));
        }
        if (s.deletionDate() != null) {
            out.put("DeletedDate", seconds(s.deletionDate()));
        }
        if (!s.tags().isEmpty()) {
            ArrayNode tags = out.putArray("Tags");
            s.tags().forEach((k, v) -> tags.addObject().put("Key", k).put("Value", v));
        }
        ObjectNode versions = out.putObject(versionsMember);
        s.versionStages().forEach((id, stages) -> stages.forEach(versions.putArray(id)::add));
        if (s.owningService() != null) {
            out.put("OwningService", s.owningService());
        }
        out.put("CreatedDate", seconds(s.createdDate()));
    }

    /** The JSON protocol's timestamps: epoch seconds, with milliseconds as a fraction. */
    private static double seconds(Instant at) {
        return at.toEpochMilli() / 1000.0;
    }
}
