package io.awstutor.check;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * A URL kept in a learner's variable answers a plain, unsigned GET (as curl or a browser
 * would send it) with a status and optionally a text: for a presigned URL or a public
 * object. {@code http-get: {variable: url, status: 200, contains: hello}}.
 */
public record HttpGetCheck(String variable, int status, Optional<String> contains) implements Check {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

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
        HttpResponse<String> response;
        try {
            response = HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return Verdict.fail("The URL in '" + variable + "' could not be fetched: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Verdict.fail("Fetching the URL was interrupted.");
        }
        if (response.statusCode() != status) {
            return Verdict.fail("Opening the URL in '" + variable + "' answers HTTP " + response.statusCode() + ", not " + status
                    + errorCode(response.body()) + ".");
        }
        if (contains.isPresent() && !response.body().contains(context.substitute(contains.get()))) {
            return Verdict.fail("The URL in '" + variable + "' answers, but its content does not contain "
                    + context.substitute(contains.get()) + ".");
        }
        return Verdict.pass("the URL in '" + variable + "' answers HTTP " + status);
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
