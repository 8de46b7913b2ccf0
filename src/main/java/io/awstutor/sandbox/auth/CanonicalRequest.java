package io.awstutor.sandbox.auth;

import io.awstutor.sandbox.http.SandboxRequest;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * SigV4's canonical request and string to sign, built from the request exactly as it was
 * sent (raw path and query), per the AWS specification. S3 signs its path as sent; every
 * other service signs the path URI-encoded once more ("double encoding").
 */
public record CanonicalRequest(String text, String stringToSign) {

    public static CanonicalRequest of(SandboxRequest request, SignatureParts parts, String payloadHash) {
        boolean s3 = "s3".equals(parts.service());
        StringBuilder canonical = new StringBuilder(256);
        canonical.append(request.method()).append('\n');
        canonical.append(canonicalUri(request.rawPath(), s3)).append('\n');
        canonical.append(canonicalQuery(request.rawQuery(), parts.presigned())).append('\n');
        for (String name : parts.signedHeaders()) {
            canonical.append(name).append(':').append(headerValue(request, name)).append('\n');
        }
        canonical.append('\n');
        canonical.append(String.join(";", parts.signedHeaders())).append('\n');
        canonical.append(payloadHash);
        String text = canonical.toString();
        String stringToSign = SigV4.ALGORITHM + "\n" + parts.amzDate() + "\n" + parts.scope() + "\n" + SigV4.sha256Hex(text);
        return new CanonicalRequest(text, stringToSign);
    }

    static String canonicalUri(String rawPath, boolean s3) {
        String path = rawPath == null || rawPath.isEmpty() ? "/" : rawPath;
        return s3 ? path : SigV4.uriEncode(path, true);
    }

    static String canonicalQuery(String rawQuery, boolean presigned) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String[]> pairs = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = percentDecode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : percentDecode(pair.substring(eq + 1));
            if (presigned && "X-Amz-Signature".equals(key)) {
                continue;
            }
            pairs.add(new String[] {SigV4.uriEncode(key, false), SigV4.uriEncode(value, false)});
        }
        pairs.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
        StringBuilder out = new StringBuilder();
        for (String[] p : pairs) {
            if (out.length() > 0) {
                out.append('&');
            }
            out.append(p[0]).append('=').append(p[1]);
        }
        return out.toString();
    }

    /** All values of a header joined by commas, trimmed, inner runs of spaces collapsed. */
    static String headerValue(SandboxRequest request, String name) {
        List<String> values = request.headers().get(name);
        if (values == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (String v : values) {
            if (out.length() > 0) {
                out.append(',');
            }
            appendCollapsed(out, v.trim());
        }
        return out.toString();
    }

    /** Appends {@code text} with each run of spaces as one (a loop: a regular expression here cost a compile per header). */
    private static void appendCollapsed(StringBuilder out, String text) {
        if (text.indexOf("  ") < 0) {
            out.append(text);
            return;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != ' ' || i == 0 || text.charAt(i - 1) != ' ') {
                out.append(c);
            }
        }
    }

    /** Percent-decoding only: a '+' stays a '+', as SigV4 clients encode a space as %20. */
    public static String percentDecode(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < text.length()) {
                int hi = Character.digit(text.charAt(i + 1), 16);
                int lo = Character.digit(text.charAt(i + 2), 16);
                if (hi >= 0 && lo >= 0) {
                    out.write((hi << 4) | lo);
                    i += 3;
                    continue;
                }
            }
            int codePoint = text.codePointAt(i);
            byte[] bytes = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8);
            out.write(bytes, 0, bytes.length);
            i += Character.charCount(codePoint);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
