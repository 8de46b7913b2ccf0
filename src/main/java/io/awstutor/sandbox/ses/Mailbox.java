package io.awstutor.sandbox.ses;

import io.awstutor.json.JsonMappers;
import io.awstutor.sandbox.http.Frontend;
import io.awstutor.sandbox.http.SandboxRequest;
import io.awstutor.sandbox.http.SandboxResponse;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Where the messages SES accepted can be read, since the sandbox delivers to no real inbox:
 * {@code GET /_aws/ses} (optionally {@code ?email=SENDER}), in the JSON shape LocalStack
 * uses for the same path, so tools written for it work here too. A learner's
 * {@code curl http://127.0.0.1:PORT/_aws/ses} shows what their code sent.
 *
 * <p>The verification links SES mails point here too ({@value SesBackend#VERIFY_PATH}): a GET
 * of one, from a browser or curl, verifies the address it was mailed for.
 */
public final class Mailbox implements Frontend {
    public static final String PATH = "/_aws/ses";

    private final SesBackend backend;

    Mailbox(SesBackend backend) {
        this.backend = backend;
    }

    @Override
    public String service() {
        return "ses";
    }

    @Override
    public boolean claims(SandboxRequest request) {
        return request.rawPath().equals(PATH) || request.rawPath().equals(PATH + "/")
                || request.rawPath().equals(SesBackend.VERIFY_PATH);
    }

    @Override
    public SandboxResponse serve(SandboxRequest request, Function<SandboxRequest, SandboxResponse> origin) throws IOException {
        if (!request.method().equals("GET")) {
            return SandboxResponse.json(405, "application/json", "{\"error\":\"only GET reads the mailbox\"}");
        }
        if (request.rawPath().equals(SesBackend.VERIFY_PATH)) {
            return followLink(request.query("token").orElse(""));
        }
        String sender = request.query("email").orElse(null);
        List<Map<String, Object>> messages = new ArrayList<>();
        backend.messagesByRegion().forEach((region, sent) -> {
            for (SentMessage m : sent) {
                if (sender != null && !sender.equalsIgnoreCase(m.source())) {
                    continue;
                }
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("Id", m.messageId());
                json.put("Region", region);
                json.put("Source", m.source());
                json.put("Destination", Map.of("ToAddresses", m.destinations()));
                json.put("Subject", m.subject());
                Map<String, String> body = new LinkedHashMap<>();
                body.put("text_part", m.text());
                body.put("html_part", m.html());
                json.put("Body", body);
                json.put("Timestamp", m.sentAt().toString());
                messages.add(json);
            }
        });
        return SandboxResponse.json(200, "application/json", JsonMappers.mapper().writeValueAsString(Map.of("messages", messages)));
    }

    /** Plain text, so that curl shows it as well as a browser. */
    private SandboxResponse followLink(String token) {
        return backend.confirm(token)
                .map(c -> SandboxResponse.json(200, "text/plain; charset=utf-8", "Congratulations! " + c.identity()
                        + " is now verified in " + c.region() + ": SES will send email from it.\n"))
                .orElseGet(() -> SandboxResponse.json(404, "text/plain; charset=utf-8",
                        "This verification link is not valid: it was replaced by a newer one, has expired (links last 24 hours),"
                                + " or the address is already verified.\n"));
    }
}
