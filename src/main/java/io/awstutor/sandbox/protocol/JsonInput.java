package io.awstutor.sandbox.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A JSON-protocol request's members, read with AWS's validation answers: a missing or
 * mistyped member is "1 validation error detected: …" under the code the service's model
 * declares for bad input ({@code InvalidParameterException}, {@code ValidationException}).
 */
public record JsonInput(JsonNode node, String validationCode) {

    public JsonInput {
        node = node == null || node.isNull() ? MissingNode.getInstance() : node;
    }

    public JsonInput member(String name) {
        return new JsonInput(node.path(name), validationCode);
    }

    public boolean has(String name) {
        JsonNode value = node.get(name);
        return value != null && !value.isNull();
    }

    public Optional<String> string(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw invalid("Value at '" + name + "' must be a string");
        }
        return Optional.of(value.asText());
    }

    public String requiredString(String name) {
        return string(name).orElseThrow(() -> invalid(
                ValidationErrors.message(null, name, ValidationErrors.notNull())));
    }

    public Optional<Integer> integer(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.canConvertToInt()) {
            throw invalid("Value at '" + name + "' must be an integer");
        }
        return Optional.of(value.asInt());
    }

    public Optional<Double> number(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isNumber()) {
            throw invalid("Value at '" + name + "' must be a number");
        }
        return Optional.of(value.asDouble());
    }

    /** The members of a list (empty when absent). */
    public List<JsonInput> list(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw invalid("Value at '" + name + "' must be a list");
        }
        List<JsonInput> items = new ArrayList<>();
        value.forEach(item -> items.add(new JsonInput(item, validationCode)));
        return items;
    }

    public List<String> strings(String name) {
        return list(name).stream().map(item -> item.node().asText()).toList();
    }

    public AwsException invalid(String message) {
        return AwsException.badRequest(validationCode, message);
    }
}
