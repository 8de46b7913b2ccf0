package io.awstutor.workshop.join;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.awstutor.workshop.Wire;
import io.awstutor.workshop.Workshop;
import io.awstutor.workshop.WorkshopEvent;
import io.awstutor.workshop.WorkshopJson;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * The learner's shell talking to the workshop server. A refusal (wrong code, unknown token)
 * is a {@link Refused} with the server's sentence; a server out of reach is an IOException,
 * which the caller rides out (events wait in the queue, the lessons come from the cache).
 */
public final class WorkshopClient {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    // HTTP/1.1: the workshop server (the JDK's HTTP server) speaks nothing else, so no h2c upgrade is tried on every request
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();

    /** The server answered, and said no. */
    public static final class Refused extends IOException {
        private final int status;

        public Refused(int status, String message) {
            super(message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    public Wire.JoinAnswer join(URI server, String code, String name) throws IOException {
        String form = "code=" + URLEncoder.encode(code, StandardCharsets.UTF_8) + "&name=" + URLEncoder.encode(name, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(server.resolve(Wire.JOIN)).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build();
        return WorkshopJson.MAPPER.readValue(send(request), Wire.JoinAnswer.class);
    }

    public Wire.LessonsAnswer lessons(Membership membership) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(membership.serverUri().resolve(Wire.LESSONS)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + membership.token()).GET().build();
        return WorkshopJson.MAPPER.readValue(send(request), Wire.LessonsAnswer.class);
    }

    public Workshop.Mail send(Membership membership, List<WorkshopEvent> events, int broadcastsSeen) throws IOException {
        byte[] body = WorkshopJson.MAPPER.writeValueAsBytes(new Wire.EventBatch(events, broadcastsSeen));
        HttpRequest request = HttpRequest.newBuilder(membership.serverUri().resolve(Wire.EVENTS)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + membership.token()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return WorkshopJson.MAPPER.readValue(send(request), Workshop.Mail.class);
    }

    private byte[] send(HttpRequest request) throws IOException {
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while talking to the workshop server", e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new Refused(response.statusCode(), refusal(response));
        }
        return response.body();
    }

    private static String refusal(HttpResponse<byte[]> response) {
        try {
            Wire.Refusal refusal = WorkshopJson.MAPPER.readValue(response.body(), Wire.Refusal.class);
            if (refusal.error() != null) {
                return refusal.error();
            }
        } catch (JsonProcessingException notOurs) {
            // not the workshop's answer (another server at that address?)
        } catch (IOException e) {
            // the same
        }
        return "the server answered " + response.statusCode() + " (is this a workshop's address?)";
    }

    /** The JDK's HTTP client refuses a connection with an exception whose message is null: "(null)" told the learner nothing. */
    public static String whyUnreachable(IOException unreachable) {
        if (unreachable instanceof java.net.ConnectException) {
            return "nothing answers at that address and port";
        }
        if (unreachable instanceof java.net.http.HttpTimeoutException) {
            return "no answer in time";
        }
        return unreachable.getMessage() == null ? unreachable.getClass().getSimpleName() : unreachable.getMessage();
    }
}
