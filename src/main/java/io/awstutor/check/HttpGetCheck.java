package io.awstutor.check;

import org.apache.http.client.config.RequestConfig;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpGet;
import org.apache.http.conn.ConnectTimeoutException;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.util.EntityUtils;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A URL kept in a learner's variable answers a plain, unsigned GET (as curl or a browser
 * would send it) with a status and optionally a text: for a presigned URL or a public
 * object. {@code http-get: {variable: url, status: 200, contains: hello}}.
 */
public record HttpGetCheck(String variable, int status, Optional<String> contains) implements Check {
    private static final int CONNECT_SECONDS = 10;
    private static final int ANSWER_SECONDS = 20;

    /** The answer as the check reads it. */
    private record Answer(int status, String body) {
    }

    static HttpGetCheck parse(Object value) {
        Spec spec = Spec.of("http-get", value, "variable", "status", "contains");
        return new HttpGetCheck(spec.required("variable"), spec.integer("status").orElse(200), spec.optional("contains"));
    }

    @Override
    public Verdict run(CheckContext context) {
        Optional<String> printed = context.variableValue(variable);
        if (printed.isEmpty()) {
            return Verdict.fail("Keep the URL in a variable named '" + variable + "'.");
        }
        String text = printed.get().strip();
        if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
            text = text.substring(1, text.length() - 1);
        }
        URI uri;
        try {
            uri = URI.create(text);
        } catch (IllegalArgumentException e) {
            return Verdict.fail("'" + variable + "' does not hold a URL (it is " + abbreviate(text) + ").");
        }
        if (uri.getScheme() == null || !uri.getScheme().startsWith("http")) {
            return Verdict.fail("'" + variable + "' does not hold an http(s) URL (it is " + abbreviate(text) + ").");
        }
        Answer response;
        try {
            response = fetch(uri);
        } catch (IOException e) {
            return Verdict.fail("The URL in '" + variable + "' could not be fetched: " + whatHappened(e, uri) + ".");
        }
        if (response.status() != status) {
            return Verdict.fail("Opening the URL in '" + variable + "' answers HTTP " + response.status() + ", not " + status
                    + errorCode(response.body()) + ".");
        }
        if (contains.isPresent() && !response.body().contains(context.substitute(contains.get()))) {
            return Verdict.fail("The URL in '" + variable + "' answers, but its content does not contain "
                    + context.substitute(contains.get()) + ".");
        }
        return Verdict.pass("the URL in '" + variable + "' answers HTTP " + status);
    }

    /**
     * One plain GET, no redirects followed, no retries. Names under localhost reach loopback
     * without the system resolver (see {@link LocalhostResolver}).
     */
    private static Answer fetch(URI uri) throws IOException {
        RequestConfig timeouts = RequestConfig.custom().setConnectTimeout(CONNECT_SECONDS * 1000)
                .setSocketTimeout(ANSWER_SECONDS * 1000).setRedirectsEnabled(false).build();
        try (CloseableHttpClient http = HttpClients.custom().setDnsResolver(new LocalhostResolver())
                .setDefaultRequestConfig(timeouts).disableAutomaticRetries().disableRedirectHandling().build();
             CloseableHttpResponse response = http.execute(new HttpGet(uri))) {
            String body = response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
            return new Answer(response.getStatusLine().getStatusCode(), body);
        }
    }

    /** What went wrong, in words: never a bare exception class or "null". */
    static String whatHappened(IOException e, URI uri) {
        String host = uri.getHost();
        int port = uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        if (e instanceof UnknownHostException) {
            return "the name " + host + " could not be resolved (no DNS answer for it)";
        }
        if (e instanceof ConnectTimeoutException) {
            return "connecting to " + host + ":" + port + " timed out after " + CONNECT_SECONDS + " s";
        }
        if (e instanceof ConnectException) {
            return "the connection to " + host + ":" + port + " was refused (is the server running?)";
        }
        if (e instanceof SocketTimeoutException) {
            return "no answer from " + host + ":" + port + " within " + ANSWER_SECONDS + " s (timed out)";
        }
        if (e instanceof javax.net.ssl.SSLException) {
            return "the TLS handshake with " + host + " failed (" + describe(e) + ")";
        }
        if (e instanceof org.apache.http.NoHttpResponseException) {
            return host + ":" + port + " closed the connection without answering";
        }
        return describe(e);
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    /** S3's XML error code, when the body is one, so the learner sees why. */
    private static String errorCode(String body) {
        int start = body.indexOf("<Code>");
        int end = body.indexOf("</Code>");
        return start >= 0 && end > start ? " (" + body.substring(start + 6, end) + ")" : "";
    }

    private static String abbreviate(String text) {
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }

    @Override
    public String describe() {
        return "GET " + variable + " answers " + status;
    }
}
