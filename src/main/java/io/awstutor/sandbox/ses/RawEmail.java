package io.awstutor.sandbox.ses;

import io.awstutor.sandbox.protocol.AwsException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The parts of a MIME message SendRawEmail needs when the request leaves them out: the
 * sender from {@code From:}, the recipients from {@code To:}, {@code Cc:} and {@code Bcc:},
 * and the subject. Only the header block is read; the body is kept as it came.
 */
record RawEmail(Map<String, String> headers, String text) {

    static RawEmail parse(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        int separator = 4;
        if (end < 0 || (text.indexOf("\n\n") >= 0 && text.indexOf("\n\n") < end)) {
            end = text.indexOf("\n\n");
            separator = 2;
        }
        String head = end < 0 ? text : text.substring(0, end);
        Map<String, String> headers = new LinkedHashMap<>();
        String name = null;
        for (String line : head.split("\r?\n")) {
            if (!line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t') && name != null) {
                headers.merge(name, " " + line.strip(), String::concat);
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                if (line.isBlank()) {
                    continue;
                }
                throw AwsException.badRequest("InvalidParameterValue", "Illegal header line: " + line);
            }
            name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            headers.putIfAbsent(name, line.substring(colon + 1).strip());
        }
        return new RawEmail(headers, end < 0 ? "" : text.substring(end + separator));
    }

    Optional<String> from() {
        return Optional.ofNullable(headers.get("from")).filter(s -> !s.isBlank());
    }

    Optional<String> subject() {
        return Optional.ofNullable(headers.get("subject"));
    }

    List<String> recipients() {
        List<String> all = new ArrayList<>();
        for (String header : List.of("to", "cc", "bcc")) {
            String value = headers.get(header);
            if (value != null) {
                all.addAll(splitAddresses(value));
            }
        }
        return all;
    }

    /** Commas separate addresses, except inside a quoted display name or angle brackets. */
    static List<String> splitAddresses(String value) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        int angle = 0;
        for (char c : value.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '<' && !quoted) {
                angle++;
            } else if (c == '>' && !quoted && angle > 0) {
                angle--;
            } else if (c == ',' && !quoted && angle == 0) {
                if (!current.toString().isBlank()) {
                    out.add(current.toString().strip());
                }
                current.setLength(0);
                continue;
            }
            current.append(c);
        }
        if (!current.toString().isBlank()) {
            out.add(current.toString().strip());
        }
        return out;
    }
}
