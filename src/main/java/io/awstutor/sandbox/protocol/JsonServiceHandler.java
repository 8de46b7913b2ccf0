package io.awstutor.sandbox.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import io.awstutor.sandbox.http.ErrorFormat;
import io.awstutor.sandbox.http.SandboxResponse;
import io.awstutor.sandbox.http.ServiceCall;
import io.awstutor.sandbox.http.ServiceHandler;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The AWS JSON protocol (1.0 and 1.1), shared by Pricing, Cost Explorer, Budgets and Free
 * Tier: a POST to "/" whose {@code X-Amz-Target: Prefix.Operation} header names the
 * operation and whose body is the input as JSON; the answer is the output as JSON, an
 * error {@code {"__type":…}} (see {@link JsonErrorFormat}). A service supplies its actions.
 */
public abstract class JsonServiceHandler implements ServiceHandler {
    /** JSON requests are small; a larger body is refused rather than buffered. */
    private static final int MAX_BODY_BYTES = 2 * 1024 * 1024;

    /** One operation: reads the input, calls the backend, returns the output's tree. */
    @FunctionalInterface
    public interface JsonAction {
        JsonNode run(JsonInput input, ServiceCall call);
    }

    private final String signingName;
    private final String targetPrefix;
    private final String contentType;
    private final String validationCode;
    private final JsonErrorFormat errorFormat;
    private final Map<String, JsonAction> actions = new java.util.LinkedHashMap<>();
    private final AwsOperations awsOperations;

    /**
     * @param jsonVersion    "1.0" or "1.1", from the model's metadata
     * @param messageField   how the model spells the error message member
     * @param validationCode the model's error code for bad input
     */
    protected JsonServiceHandler(String signingName, String targetPrefix, String jsonVersion, String messageField,
                                 String validationCode) {
        this.signingName = signingName;
        this.targetPrefix = targetPrefix;
        this.contentType = "application/x-amz-json-" + jsonVersion;
        this.validationCode = validationCode;
        this.errorFormat = new JsonErrorFormat(contentType, messageField);
        // every operation the service has on AWS (botocore's model, next to the subclass), to name the ones the sandbox lacks
        this.awsOperations = AwsOperations.load(getClass(), "aws-operations.txt");
    }

    /** Adds an operation; subclasses register theirs in their constructor. */
    protected final void register(String operation, JsonAction action) {
        actions.put(operation, action);
    }

    @Override
    public String signingName() {
        return signingName;
    }

    @Override
    public ErrorFormat errorFormat() {
        return errorFormat;
    }

    @Override
    public SandboxResponse handle(ServiceCall call) throws IOException {
        String target = call.request().header("x-amz-target").orElse("");
        String operation = target.startsWith(targetPrefix + ".") ? target.substring(targetPrefix.length() + 1) : "";
        JsonAction action = actions.get(operation);
        if (!"POST".equals(call.request().method()) || action == null) {
            String name = target.isEmpty() ? "(no X-Amz-Target header)" : target;
            throw AwsException.badRequest("UnknownOperationException", awsOperations.contains(operation)
                    ? operation + " is an operation of AWS that the awstutor sandbox does not implement"
                    : "Unknown operation " + name);
        }
        JsonNode output = action.run(input(call, validationCode), call);
        return SandboxResponse.json(200, contentType, JsonCodec.write(output == null ? JsonCodec.object() : output));
    }

    /**
     * A JSON request body as input, for the JSON protocol and for REST-JSON services (the Data
     * API): an empty body is {}, anything but an object a SerializationException.
     */
    public static JsonInput input(ServiceCall call, String validationCode) throws IOException {
        byte[] bytes = call.request().body().readNBytes(MAX_BODY_BYTES + 1);
        if (bytes.length > MAX_BODY_BYTES) {
            throw AwsException.badRequest("SerializationException", "The request body is larger than the JSON protocol allows.");
        }
        String text = new String(bytes, StandardCharsets.UTF_8).strip();
        JsonNode input = JsonCodec.read(text.isEmpty() ? "{}" : text);
        if (!input.isObject()) {
            throw AwsException.badRequest("SerializationException", "The request body must be a JSON object.");
        }
        return new JsonInput(input, validationCode);
    }
}
