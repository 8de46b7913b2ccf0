package io.awstutor.sandbox.rdsdata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.awstutor.sandbox.http.ErrorFormat;
import io.awstutor.sandbox.http.RestRoutes;
import io.awstutor.sandbox.http.SandboxRequest;
import io.awstutor.sandbox.http.SandboxResponse;
import io.awstutor.sandbox.http.ServiceCall;
import io.awstutor.sandbox.http.ServiceHandler;
import io.awstutor.sandbox.protocol.AwsException;
import io.awstutor.sandbox.protocol.AwsOperations;
import io.awstutor.sandbox.protocol.JsonCodec;
import io.awstutor.sandbox.protocol.JsonErrorFormat;
import io.awstutor.sandbox.protocol.JsonInput;
import io.awstutor.sandbox.protocol.JsonServiceHandler;
import io.awstutor.sandbox.protocol.ValidationErrors;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The RDS Data API over REST-JSON (POST /Execute, /BatchExecute, /BeginTransaction,
 * /CommitTransaction, /RollbackTransaction; signing name {@code rds-data}). Each call is
 * authorized as {@code rds-data:Op} on the cluster and {@code secretsmanager:GetSecretValue}
 * on the secret, as AWS requires of the caller.
 */
public final class RdsDataHandler implements ServiceHandler, AutoCloseable {
    private static final String CONTENT_TYPE = "application/json";
    private static final Set<String> TYPE_HINTS = Set.of("JSON", "UUID", "TIMESTAMP", "DATE", "TIME", "DECIMAL");

    private final RdsDataBackend backend;
    private final ErrorFormat errors = new JsonErrorFormat(CONTENT_TYPE, "message");
    private final AwsOperations awsOperations = AwsOperations.load(getClass(), "aws-operations.txt");
    private final RestRoutes routes = new RestRoutes()
            .add("POST", "/Execute", "ExecuteStatement", (call, p) -> answer(call, this::execute))
            .add("POST", "/BatchExecute", "BatchExecuteStatement", (call, p) -> answer(call, this::batch))
            .add("POST", "/BeginTransaction", "BeginTransaction", (call, p) -> answer(call, this::begin))
            .add("POST", "/CommitTransaction", "CommitTransaction", (call, p) -> answer(call, this::commit))
            .add("POST", "/RollbackTransaction", "RollbackTransaction", (call, p) -> answer(call, this::rollback));

    public RdsDataHandler(RdsDataBackend backend) {
        this.backend = backend;
    }

    @FunctionalInterface
    private interface Action {
        JsonNode run(JsonInput in, ServiceCall call);
    }

    @Override
    public String signingName() {
        return "rds-data";
    }

    @Override
    public ErrorFormat errorFormat() {
        return errors;
    }

    @Override
    public boolean recognizesUnsigned(SandboxRequest request) {
        return routes.operationOf(request).isPresent();
    }

    @Override
    public Optional<String> operationName(SandboxRequest request) {
        return routes.operationOf(request);
    }

    @Override
    public SandboxResponse handle(ServiceCall call) throws IOException {
        String method = call.request().method();
        String path = call.request().rawPath();
        Optional<RestRoutes.Match> match = routes.find(method, path);
        if (match.isEmpty()) {
            String operation = path.startsWith("/") ? path.substring(1) : path;
            throw AwsException.badRequest("UnknownOperationException", awsOperations.contains(operation) || "ExecuteSql".equals(operation)
                    ? operation + " is an operation of AWS that the awstutor sandbox does not implement"
                    : "Unknown operation " + method + " " + path);
        }
        return match.get().answer(call);
    }

    private SandboxResponse answer(ServiceCall call, Action action) throws IOException {
        JsonNode out = action.run(JsonServiceHandler.input(call, "BadRequestException"), call);
        return SandboxResponse.json(200, CONTENT_TYPE, JsonCodec.write(out));
    }

    private RdsDataBackend.Target target(JsonInput in, ServiceCall call, String operation) {
        String resourceArn = in.requiredString("resourceArn");
        String secretArn = in.requiredString("secretArn");
        call.authorize("rds-data:" + operation, resourceArn, "AccessDeniedException");
        call.authorize("secretsmanager:GetSecretValue", secretArn, "AccessDeniedException");
        return new RdsDataBackend.Target(call.accountId(), call.region(), resourceArn, secretArn, in.string("database").orElse(null));
    }

    private JsonNode execute(JsonInput in, ServiceCall call) {
        RdsDataBackend.Target target = target(in, call, "ExecuteStatement");
        JsonInput options = in.member("resultSetOptions");
        SqlFields.Options resultOptions = new SqlFields.Options(
                "DOUBLE_OR_LONG".equals(options.string("decimalReturnType").orElse("STRING")),
                "STRING".equals(options.string("longReturnType").orElse("LONG")));
        String format = in.string("formatRecordsAs").orElse("NONE");
        if (!format.equals("NONE") && !format.equals("JSON")) {
            throw in.invalid(ValidationErrors.message(format, "formatRecordsAs", ValidationErrors.oneOf(List.of("NONE", "JSON"))));
        }
        StatementResult result = backend.execute(target, in.requiredString("sql"), parameters(in.list("parameters")),
                in.string("transactionId").orElse(null), resultOptions);
        ObjectNode out = JsonCodec.object();
        if (result.records() != null && format.equals("JSON")) {
            out.put("formattedRecords", JsonCodec.write(formatted(result)));
        } else if (result.records() != null) {
            out.set("records", result.records());
            if (in.node().path("includeResultMetadata").asBoolean(false)) {
                out.set("columnMetadata", result.columnMetadata());
            }
        }
        out.put("numberOfRecordsUpdated", result.numberOfRecordsUpdated());
        out.set("generatedFields", result.generatedFields());
        return out;
    }

    /** formatRecordsAs JSON: one object per row, keyed by the columns' labels. */
    private static ArrayNode formatted(StatementResult result) {
        ArrayNode rows = JsonCodec.array();
        for (JsonNode record : result.records()) {
            ObjectNode row = rows.addObject();
            for (int i = 0; i < record.size(); i++) {
                row.set(result.columnMetadata().get(i).path("label").asText(), SqlFields.plain((ObjectNode) record.get(i)));
            }
        }
        return rows;
    }

    private JsonNode batch(JsonInput in, ServiceCall call) {
        RdsDataBackend.Target target = target(in, call, "BatchExecuteStatement");
        List<List<RdsDataBackend.Parameter>> sets = in.node().path("parameterSets").isArray()
                ? in.list("parameterSets").stream().map(RdsDataHandler::members).map(RdsDataHandler::parameters).toList() : List.of();
        ObjectNode out = JsonCodec.object();
        ArrayNode results = out.putArray("updateResults");
        for (ArrayNode generated : backend.batch(target, in.requiredString("sql"), sets, in.string("transactionId").orElse(null))) {
            results.addObject().set("generatedFields", generated);
        }
        return out;
    }

    private JsonNode begin(JsonInput in, ServiceCall call) {
        return JsonCodec.object().put("transactionId", backend.begin(target(in, call, "BeginTransaction")));
    }

    private JsonNode commit(JsonInput in, ServiceCall call) {
        RdsDataBackend.Target target = target(in, call, "CommitTransaction");
        return JsonCodec.object().put("transactionStatus", backend.end(target, in.requiredString("transactionId"), true));
    }

    private JsonNode rollback(JsonInput in, ServiceCall call) {
        RdsDataBackend.Target target = target(in, call, "RollbackTransaction");
        return JsonCodec.object().put("transactionStatus", backend.end(target, in.requiredString("transactionId"), false));
    }

    /** A parameter set: a list within parameterSets. */
    private static List<JsonInput> members(JsonInput list) {
        List<JsonInput> items = new java.util.ArrayList<>();
        list.node().forEach(item -> items.add(new JsonInput(item, list.validationCode())));
        return items;
    }

    private static List<RdsDataBackend.Parameter> parameters(List<JsonInput> given) {
        return given.stream().map(p -> {
            String hint = p.string("typeHint").orElse(null);
            if (hint != null && !TYPE_HINTS.contains(hint)) {
                throw p.invalid(ValidationErrors.message(hint, "typeHint", ValidationErrors.oneOf(new java.util.TreeSet<>(TYPE_HINTS))));
            }
            return new RdsDataBackend.Parameter(p.requiredString("name"), p.node().path("value"), hint);
        }).toList();
    }

    @Override
    public void close() {
        backend.close();
    }
}
