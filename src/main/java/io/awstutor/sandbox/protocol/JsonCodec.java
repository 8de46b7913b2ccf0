package io.awstutor.sandbox.protocol;

import io.awstutor.json.JsonMappers;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.UncheckedIOException;

/**
 * The one Jackson mapper of the JSON-protocol services (Pricing, Cost Explorer, Budgets,
 * Free Tier): how their requests are read and their answers written. A JSON protocol
 * answer is a tree of objects, arrays, strings and numbers, so the services build trees
 * rather than bind classes.
 */
public final class JsonCodec {
    private static final ObjectMapper MAPPER = JsonMappers.mapper();

    private JsonCodec() {
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    /** Parses JSON text; malformed text is the protocol's SerializationException. */
    public static JsonNode read(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw AwsException.badRequest("SerializationException",
                    "The request body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Java value (records of maps, lists, strings, numbers) as a tree. */
    public static JsonNode tree(Object value) {
        return MAPPER.valueToTree(value);
    }
}
