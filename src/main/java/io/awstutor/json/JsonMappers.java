package io.awstutor.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one JSON configuration the product uses, for its files (state, progress, ledger), the
 * sandbox's JSON answers and the shell's own messages: java.time values as ISO-8601 text
 * ({@code 2026-12-06T10:15:30Z}), unknown fields ignored so an older build reads a newer
 * file, empty objects allowed. A configured mapper is safe to share between threads; nobody
 * reconfigures it after this class builds it.
 */
public final class JsonMappers {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final ObjectWriter PRETTY = MAPPER.writerWithDefaultPrettyPrinter();

    private JsonMappers() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** For files a person may open: indented. */
    public static ObjectWriter pretty() {
        return PRETTY;
    }
}
