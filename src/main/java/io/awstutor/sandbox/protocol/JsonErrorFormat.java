package io.awstutor.sandbox.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.awstutor.sandbox.http.ErrorFormat;
import io.awstutor.sandbox.http.SandboxResponse;

/**
 * The AWS JSON protocol's error document: {@code {"__type":"NotFoundException","Message":"…"}}
 * with the code repeated in {@code x-amzn-ErrorType}. Services differ in how their models
 * spell the message member ({@code Message} for Pricing, Cost Explorer and Budgets,
 * {@code message} for Free Tier), so each names its own.
 */
public record JsonErrorFormat(String contentType, String messageField) implements ErrorFormat {
    @Override
    public SandboxResponse encode(AwsException error, String requestId) {
        ObjectNode body = JsonCodec.object().put("__type", error.code()).put(messageField, error.getMessage());
        error.extraFields().forEach(body::put);
        SandboxResponse response = SandboxResponse.json(error.status(), contentType, JsonCodec.write(body))
                .withHeader("x-amzn-ErrorType", error.code());
        error.extraHeaders().forEach(response::withHeader);
        return response;
    }
}
