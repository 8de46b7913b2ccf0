package io.awstutor.target;

import io.awstutor.json.JsonMappers;
import com.fasterxml.jackson.databind.JsonNode;
import software.amazon.awssdk.services.ses.SesClient;
import software.amazon.awssdk.services.ses.model.IdentityVerificationAttributes;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a target's web console is, and, on the sandbox, the SES verification links still
 * waiting to be opened (read from the sandbox's mailbox, {@code GET /_aws/ses}), so that a
 * learner in a terminal without a browser can open one with curl.
 */
public final class ConsoleLinks {
    public static final String CONSOLE_PATH = "/_console/";
    private static final String AWS_CONSOLE = "https://console.aws.amazon.com/";
    private static final String VERIFICATION_SENDER = "no-reply-aws@amazon.com";
    private static final Pattern LINK = Pattern.compile("https?://\\S+/_aws/ses/verify\\?token=[A-Za-z0-9]+");

    /** A verification link and the address (in its region) it verifies. */
    public record PendingVerification(String address, String region, String link) {
    }

    private final ClientFactory clients;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public ConsoleLinks(ClientFactory clients) {
        this.clients = clients;
    }

    /**
     * The console's address: the sandbox's own pages; an endpoint's when it serves them (it is
     * another awstutor sandbox); AWS's console on a real account; none on other emulators.
     */
    public Optional<URI> console() {
        TargetSettings settings = clients.settings();
        if (settings.kind() == TargetSettings.TargetKind.AWS && settings.endpoint().isEmpty()) {
            return Optional.of(URI.create(AWS_CONSOLE));
        }
        Optional<URI> pages = settings.endpoint().map(e -> e.resolve(CONSOLE_PATH));
        if (settings.kind() == TargetSettings.TargetKind.SANDBOX) {
            return pages;
        }
        return pages.filter(this::answers);
    }

    private boolean answers(URI uri) {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The newest link mailed to each address whose identity is still Pending; empty where there is no mailbox. */
    public List<PendingVerification> pendingVerifications() {
        Optional<URI> endpoint = clients.settings().endpoint();
        if (endpoint.isEmpty() || clients.settings().kind() == TargetSettings.TargetKind.AWS) {
            return List.of();
        }
        JsonNode messages;
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(endpoint.get().resolve("/_aws/ses"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return List.of();
            }
            messages = JsonMappers.mapper().readTree(response.body()).path("messages");
        } catch (java.io.IOException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
        Map<String, PendingVerification> newest = new LinkedHashMap<>();
        for (JsonNode message : messages) {
            Matcher link = LINK.matcher(message.path("Body").path("text_part").asText(""));
            String address = message.path("Destination").path("ToAddresses").path(0).asText("");
            if (message.path("Source").asText("").equals(VERIFICATION_SENDER) && link.find()) {
                String region = message.path("Region").asText("");
                newest.remove(region + " " + address);
                newest.put(region + " " + address, new PendingVerification(address, region, link.group()));
            }
        }
        List<PendingVerification> pending = new ArrayList<>();
        for (PendingVerification candidate : newest.values()) {
            try (SesClient ses = clients.ses(candidate.region())) {
                IdentityVerificationAttributes attributes = ses.getIdentityVerificationAttributes(
                        b -> b.identities(candidate.address())).verificationAttributes().get(candidate.address());
                if (attributes != null && "Pending".equals(attributes.verificationStatusAsString())) {
                    pending.add(candidate);
                }
            } catch (RuntimeException unreachable) {
                // an identity we cannot ask about is left out rather than failing the command
            }
        }
        return pending;
    }
}
