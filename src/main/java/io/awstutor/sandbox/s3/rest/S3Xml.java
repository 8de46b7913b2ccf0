package io.awstutor.sandbox.s3.rest;

import io.awstutor.sandbox.http.SandboxResponse;
import io.awstutor.sandbox.protocol.XmlWriter;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/** Shared bits of S3's success documents and headers. */
final class S3Xml {
    static final String NS = "http://s3.amazonaws.com/doc/2006-03-01/";

    private S3Xml() {
    }

    static SandboxResponse ok(XmlWriter xml) {
        return SandboxResponse.bytes(200, "application/xml", xml.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** RFC 1123 as S3 writes Last-Modified: {@code Wed, 05 Nov 2026 09:30:00 GMT}. */
    static String httpDate(Instant instant) {
        return io.awstutor.sandbox.protocol.HttpDate.format(instant);
    }

    static Instant parseHttpDate(String value) {
        if (value == null) {
            return null;
        }
        try {
            return java.time.ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            try {
                return Instant.parse(value.trim());
            } catch (java.time.format.DateTimeParseException e2) {
                return null;
            }
        }
    }

    /** EncodingType=url: keys form-encoded, slashes kept, as S3 returns them. */
    static String encode(String value, boolean url) {
        if (!url || value == null) {
            return value;
        }
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("%2F", "/");
    }
}
