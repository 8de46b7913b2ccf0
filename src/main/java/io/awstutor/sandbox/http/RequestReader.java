package io.awstutor.sandbox.http;

import com.sun.net.httpserver.HttpExchange;
import io.awstutor.sandbox.auth.CanonicalRequest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns the JDK's exchange into a {@link SandboxRequest}: header names lower-cased, path and query raw. */
final class RequestReader {
    private RequestReader() {
    }

    /** {@code body}: how the request body is read (watched for a client that stalls). */
    static SandboxRequest read(HttpExchange exchange, java.util.function.UnaryOperator<java.io.InputStream> body) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) ->
                headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).addAll(values));
        String rawPath = exchange.getRequestURI().getRawPath();
        String rawQuery = exchange.getRequestURI().getRawQuery();
        return new SandboxRequest(exchange.getRequestMethod(), rawPath == null || rawPath.isEmpty() ? "/" : rawPath,
                rawQuery == null ? "" : rawQuery, headers, decodeQuery(rawQuery),
                body.apply(exchange.getRequestBody()), exchange.getRemoteAddress().getAddress(),
                Collections.synchronizedMap(new LinkedHashMap<>()));
    }

    /** Decoded query parameters; a name without '=' ({@code ?acl}) has the value "". */
    static Map<String, List<String>> decodeQuery(String rawQuery) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return params;
    }

    private static String decode(String text) {
        return CanonicalRequest.percentDecode(text.replace('+', ' '));
    }
}
