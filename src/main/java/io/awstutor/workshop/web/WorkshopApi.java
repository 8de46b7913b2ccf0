package io.awstutor.workshop.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.awstutor.sandbox.accounts.AccountKeys;
import io.awstutor.web.WebApp;
import io.awstutor.web.WebRequest;
import io.awstutor.web.WebResponse;
import io.awstutor.workshop.Learner;
import io.awstutor.workshop.Wire;
import io.awstutor.workshop.Workshop;
import io.awstutor.workshop.WorkshopJson;
import io.awstutor.workshop.WorkshopReport;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * The learners' side of the server (JSON): join with the code, fetch the lessons, send
 * events (the answer brings new broadcasts and the hold). Every refusal is a status and one
 * sentence, never data.
 */
public final class WorkshopApi {
    private static final int MAX_BATCH_BYTES = 2 * 1024 * 1024;

    private final Workshop workshop;
    private final String region;

    public WorkshopApi(Workshop workshop, String region) {
        this.workshop = workshop;
        this.region = region;
    }

    public void routes(WebApp app) {
        app.post("/api/join", this::join);
        app.get("/api/lessons", this::lessons);
        app.post("/api/events", this::events);
        app.get("/api/report", this::report);
    }

    private WebResponse join(WebRequest request) throws JsonProcessingException {
        String code = request.param("code", "");
        String name = request.param("name", "");
        Optional<Workshop.Joined> joined = workshop.join(code, name);
        if (joined.isEmpty()) {
            return refuse(403, "That join code is not this workshop's. Check the code the instructor shows.");
        }
        Workshop.Joined j = joined.get();
        AccountKeys keys = j.account();
        return json(200, new Wire.JoinAnswer(workshop.name(), j.learner().id(), j.learner().name(), j.token(),
                keys.accountId(), keys.accessKeyId(), keys.secretAccessKey(), region));
    }

    private WebResponse lessons(WebRequest request) throws JsonProcessingException {
        if (learner(request).isEmpty()) {
            return unknownLearner();
        }
        return json(200, new Wire.LessonsAnswer(workshop.name(), workshop.lessonFiles()));
    }

    private WebResponse events(WebRequest request) throws IOException {
        Optional<Learner> learner = learner(request);
        if (learner.isEmpty()) {
            return unknownLearner();
        }
        Wire.EventBatch batch;
        try (InputStream body = request.body()) {
            byte[] bytes = body.readNBytes(MAX_BATCH_BYTES + 1);
            if (bytes.length > MAX_BATCH_BYTES) {
                return refuse(413, "A batch of events is at most 2 MiB; send fewer at a time.");
            }
            batch = WorkshopJson.MAPPER.readValue(bytes, Wire.EventBatch.class);
        } catch (JsonProcessingException malformed) {
            return refuse(400, "The events are not the JSON this server reads.");
        }
        if (batch == null || batch.events() == null) {
            return refuse(400, "The batch has no events list.");
        }
        return json(200, workshop.record(learner.get(), batch.events(), batch.broadcastsSeen()));
    }

    private WebResponse report(WebRequest request) throws JsonProcessingException {
        if (!workshop.isInstructor(bearer(request).orElse(null))) {
            return refuse(401, "The report needs the instructor token (Authorization: Bearer TOKEN).");
        }
        return WebResponse.json(200, WorkshopReport.of(workshop).json());
    }

    private Optional<Learner> learner(WebRequest request) {
        return bearer(request).flatMap(workshop::learnerByToken);
    }

    static Optional<String> bearer(WebRequest request) {
        return request.header("authorization").filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(h -> h.substring(7).trim());
    }

    private static WebResponse unknownLearner() throws JsonProcessingException {
        return refuse(401, "This workshop does not know that learner token. Join again with the workshop's code.");
    }

    private static WebResponse refuse(int status, String message) throws JsonProcessingException {
        return json(status, new Wire.Refusal(message));
    }

    private static WebResponse json(int status, Object value) throws JsonProcessingException {
        return WebResponse.json(status, WorkshopJson.MAPPER.writeValueAsString(value));
    }
}
