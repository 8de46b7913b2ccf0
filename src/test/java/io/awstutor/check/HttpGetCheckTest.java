package io.awstutor.check;

import com.sun.net.httpserver.HttpServer;
import io.awstutor.jshell.agent.CallRecord;
import io.awstutor.target.ClientFactory;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The http-get check says what happened when a URL cannot be fetched, and reaches names under
 * localhost (where emulators serve websites and distributions) without the system resolver.
 */
class HttpGetCheckTest {

    private static CheckContext holding(String url) {
        return new CheckContext() {
            @Override public ClientFactory clients() { return null; }
            @Override public List<CallRecord> callsThisStep() { return List.of(); }
            @Override public Optional<String> variableType(String name) { return Optional.of("String"); }
            @Override public Optional<String> variableValue(String name) { return Optional.of("\"" + url + "\""); }
            @Override public String substitute(String text) { return text; }
            @Override public Optional<Integer> quizAnswer() { return Optional.empty(); }
        };
    }

    private static Verdict get(String url) {
        return new HttpGetCheck("url", 200, Optional.of("hello")).run(holding(url));
    }

    @Test
    void aRefusedConnectionIsNamed() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Verdict verdict = get("http://127.0.0.1:" + port + "/");
        assertFalse(verdict.passed());
        assertEquals("The URL in 'url' could not be fetched: the connection to 127.0.0.1:" + port
                + " was refused (is the server running?).", verdict.message());
    }

    @Test
    void aNameThatDoesNotResolveIsNamed() {
        Verdict verdict = get("http://no-such-site.invalid/");
        assertFalse(verdict.passed());
        assertEquals("The URL in 'url' could not be fetched: the name no-such-site.invalid could not be resolved (no DNS answer for it).",
                verdict.message());
        assertFalse(verdict.message().contains("null"));
    }

    @Test
    void namesUnderLocalhostReachLoopback() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = ("hello from " + exchange.getRequestHeaders().getFirst("Host")).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            int port = server.getAddress().getPort();
            Verdict website = get("http://site.s3-website.us-east-1.localhost:" + port + "/");
            assertTrue(website.passed(), website.message());
            Verdict edge = get("http://d111111abcdef8.cloudfront.localhost:" + port + "/");
            assertTrue(edge.passed(), edge.message());
        } finally {
            server.stop(0);
        }
    }
}
