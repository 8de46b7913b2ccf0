package io.awstutor.workshop;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The JSON of the workshop's wire (the learner's shell and the server) and its report. */
public final class WorkshopJson {
    /** Unknown fields are ignored, so a shell one version apart still talks to the server. */
    public static final ObjectMapper MAPPER = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private WorkshopJson() {
    }
}
