package io.awstutor.web;

import io.awstutor.sandbox.http.SandboxResponse;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A page's answer. HTML answers carry a Content-Security-Policy that allows only this
 * server's own scripts and styles, so markup that escaped escaping still could not run.
 */
public final class WebResponse {
    /** Scripts and styles from this origin only; no inline script, no plugins, no framing by others. */
    public static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "frame-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'";

    private final int status;
    private final Map<String, List<String>> headers = new LinkedHashMap<>();
    private final long length;
    private final SandboxResponse.Body body;

    private WebResponse(int status, String contentType, long length, SandboxResponse.Body body) {
        this.status = status;
        this.length = length;
        this.body = body;
        if (contentType != null) {
            withHeader("Content-Type", contentType);
        }
        withHeader("X-Content-Type-Options", "nosniff");
        withHeader("Referrer-Policy", "same-origin");
    }

    public static WebResponse html(int status, Html markup) {
        return bytes(status, "text/html; charset=utf-8", markup.toString().getBytes(StandardCharsets.UTF_8))
                .withHeader("Content-Security-Policy", CSP)
                .withHeader("Cache-Control", "no-store");
    }

    /** A whole document in the shared layout. */
    public static WebResponse page(String title, Html body) {
        return html(200, Layout.document(title, body));
    }

    /** A piece of a page, for a live region that app.js replaces. */
    public static WebResponse fragment(Html markup) {
        return html(200, markup);
    }

    /** After a form's POST: the browser GETs {@code location} (303, so a reload does not post again). */
    public static WebResponse redirect(String location) {
        return new WebResponse(303, null, 0, out -> { }).withHeader("Location", location);
    }

    public static WebResponse json(int status, String json) {
        return bytes(status, "application/json", json.getBytes(StandardCharsets.UTF_8)).withHeader("Cache-Control", "no-store");
    }

    public static WebResponse text(int status, String text) {
        return bytes(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }

    public static WebResponse bytes(int status, String contentType, byte[] content) {
        return new WebResponse(status, contentType, content.length, out -> out.write(content));
    }

    /** A body written as it goes ({@code length} -1 when unknown: sent chunked). */
    public static WebResponse stream(int status, String contentType, long length, SandboxResponse.Body body) {
        return new WebResponse(status, contentType, length, body);
    }

    public static WebResponse events(EventHub hub) {
        return stream(200, "text/event-stream; charset=utf-8", -1, hub::stream)
                .withHeader("Cache-Control", "no-store");
    }

    public WebResponse withHeader(String name, String value) {
        headers.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        return this;
    }

    /** A cookie for this server's pages; SameSite=Strict so no other site's page sends it. */
    public WebResponse withCookie(String name, String value, boolean httpOnly) {
        return withHeader("Set-Cookie", name + "=" + value + "; Path=/; SameSite=Strict" + (httpOnly ? "; HttpOnly" : ""));
    }

    public WebResponse clearingCookie(String name) {
        return withHeader("Set-Cookie", name + "=; Path=/; Max-Age=0; SameSite=Strict; HttpOnly");
    }

    public int status() {
        return status;
    }

    SandboxResponse toSandboxResponse() {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        headers.forEach((k, v) -> copy.put(k, new ArrayList<>(v)));
        return new SandboxResponse(status, copy, length, body);
    }
}
