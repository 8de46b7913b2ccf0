package io.awstutor.web;

import io.awstutor.sandbox.http.SandboxRequest;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A request to a page: the path's named parts, the query and (for a urlencoded form) the
 * form's fields, cookies and headers. {@link #param} looks in that order.
 */
public final class WebRequest {
    /** Forms are small; a larger body is read as a stream by the page that expects it (uploads). */
    static final int MAX_FORM = 1024 * 1024;

    private final SandboxRequest raw;
    private final String path;
    private final Map<String, String> pathParams;
    private final Map<String, List<String>> query;
    private Map<String, List<String>> form;

    WebRequest(SandboxRequest raw, String path, Map<String, String> pathParams) {
        this.raw = raw;
        this.path = path;
        this.pathParams = Map.copyOf(pathParams);
        this.query = decode(raw.rawQuery());
    }

    public String method() {
        return raw.method();
    }

    /** The path below the app's prefix, decoded ("/s3/my-bucket"). */
    public String path() {
        return path;
    }

    /** The request's path and query as sent, for links back to this page. */
    public String uri() {
        return raw.rawPath() + (raw.rawQuery().isEmpty() ? "" : "?" + raw.rawQuery());
    }

    public Optional<String> param(String name) {
        String fromPath = pathParams.get(name);
        if (fromPath != null) {
            return Optional.of(fromPath);
        }
        List<String> values = params(name);
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The value, or {@code fallback} when absent or blank. */
    public String param(String name, String fallback) {
        return param(name).filter(v -> !v.isBlank()).orElse(fallback);
    }

    public List<String> params(String name) {
        List<String> values = new ArrayList<>(query.getOrDefault(name, List.of()));
        values.addAll(form().getOrDefault(name, List.of()));
        return values;
    }

    public Optional<String> header(String name) {
        return raw.header(name);
    }

    public Optional<String> cookie(String name) {
        for (String header : raw.headers().getOrDefault("cookie", List.of())) {
            for (String pair : header.split(";")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && pair.substring(0, eq).trim().equals(name)) {
                    return Optional.of(pair.substring(eq + 1).trim());
                }
            }
        }
        return Optional.empty();
    }

    /** The body as sent, for uploads; a urlencoded form's body is read by {@link #param} instead. */
    public InputStream body() {
        return raw.body();
    }

    public InetAddress remoteAddress() {
        return raw.remoteAddress();
    }

    /** The host the browser used, with its port ("127.0.0.1:4566"), for absolute links. */
    public String host() {
        return raw.header("host").orElse("127.0.0.1");
    }

    /** Whether the page was fetched by app.js to replace a live region (answer a fragment). */
    public boolean wantsFragment() {
        return raw.header("x-awstutor-fragment").isPresent();
    }

    public SandboxRequest raw() {
        return raw;
    }

    private Map<String, List<String>> form() {
        if (form == null) {
            boolean urlencoded = raw.header("content-type").map(t -> t.toLowerCase(Locale.ROOT)
                    .startsWith("application/x-www-form-urlencoded")).orElse(false);
            if (!urlencoded) {
                form = Map.of();
            } else {
                try {
                    byte[] bytes = raw.body().readNBytes(MAX_FORM + 1);
                    if (bytes.length > MAX_FORM) {
                        throw new WebException(413, "The form is larger than " + MAX_FORM / 1024 + " KiB.");
                    }
                    form = decode(new String(bytes, StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new WebException(400, "The form could not be read: " + e.getMessage());
                }
            }
        }
        return form;
    }

    static Map<String, List<String>> decode(String encoded) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return params;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            } catch (IllegalArgumentException malformed) {
                throw new WebException(400, "Malformed percent-encoding in the request.");
            }
        }
        return params;
    }
}
