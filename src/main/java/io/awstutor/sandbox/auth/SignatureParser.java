package io.awstutor.sandbox.auth;

import io.awstutor.sandbox.http.SandboxRequest;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Reads {@link SignatureParts} from a request's Authorization header or presigned query. */
public final class SignatureParser {
    public static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT);

    private SignatureParser() {
    }

    /** Empty when the request carries no signature at all (anonymous). */
    public static Optional<SignatureParts> parse(SandboxRequest request) {
        Optional<String> authorization = request.header("authorization");
        if (authorization.isPresent()) {
            return Optional.of(fromHeader(authorization.get(), request));
        }
        if (request.hasQuery("X-Amz-Credential") || request.hasQuery("X-Amz-Signature")) {
            return Optional.of(fromQuery(request));
        }
        return Optional.empty();
    }

    /**
     * The service named by the credential scope, read leniently (even from a request whose
     * signature is otherwise malformed) so that its error can be answered in that service's
     * protocol.
     */
    public static Optional<String> scopeService(SandboxRequest request) {
        return scopePart(request, 3);
    }

    /** The region of the credential scope, when there is one. */
    public static Optional<String> scopeRegion(SandboxRequest request) {
        return scopePart(request, 2);
    }

    /** One part of {@code AKID/date/region/service/aws4_request}, from the query or the header. */
    private static Optional<String> scopePart(SandboxRequest request, int index) {
        String credential = request.query("X-Amz-Credential").orElse(null);
        if (credential == null) {
            String header = request.header("authorization").orElse("");
            int at = header.indexOf("Credential=");
            if (at < 0) {
                return Optional.empty();
            }
            int end = header.indexOf(',', at);
            credential = header.substring(at + "Credential=".length(), end < 0 ? header.length() : end).trim();
        }
        String[] scope = credential.split("/");
        return scope.length == 5 ? Optional.of(scope[index]) : Optional.empty();
    }

    private static SignatureParts fromHeader(String header, SandboxRequest request) {
        String trimmed = header.trim();
        if (!trimmed.startsWith(SigV4.ALGORITHM + " ")) {
            String algorithm = trimmed.split(" ", 2)[0];
            throw malformed("Unsupported Authorization Type: '" + algorithm
                    + "'. The sandbox accepts AWS Signature Version 4 (AWS4-HMAC-SHA256) only.");
        }
        String credential = null;
        String signedHeaders = null;
        String signature = null;
        for (String part : trimmed.substring(SigV4.ALGORITHM.length()).split(",")) {
            String kv = part.trim();
            int eq = kv.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String key = kv.substring(0, eq);
            String value = kv.substring(eq + 1).trim();
            switch (key) {
                case "Credential" -> credential = value;
                case "SignedHeaders" -> signedHeaders = value;
                case "Signature" -> signature = value;
                default -> { }
            }
        }
        StringBuilder missing = new StringBuilder();
        if (credential == null) {
            missing.append("Authorization header requires 'Credential' parameter. ");
        }
        if (signature == null) {
            missing.append("Authorization header requires 'Signature' parameter. ");
        }
        if (signedHeaders == null) {
            missing.append("Authorization header requires 'SignedHeaders' parameter. ");
        }
        String amzDate = request.header("x-amz-date").orElse(null);
        if (amzDate == null && request.header("date").isEmpty()) {
            missing.append("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. ");
        }
        if (missing.length() > 0) {
            throw malformed(missing.toString().trim() + " Authorization=" + trimmed.split(" ", 2)[0]);
        }
        if (amzDate == null) {
            amzDate = AMZ_DATE.format(parseHttpDate(request.header("date").get()).atZone(ZoneOffset.UTC));
        }
        String[] scope = scope(credential);
        return new SignatureParts(scope[0], scope[1], scope[2], scope[3],
                List.of(signedHeaders.toLowerCase(Locale.ROOT).split(";")), signature, amzDate,
                false, Optional.empty(), request.header("x-amz-security-token"));
    }

    private static SignatureParts fromQuery(SandboxRequest request) {
        String algorithm = request.query("X-Amz-Algorithm").orElse("");
        if (!SigV4.ALGORITHM.equals(algorithm)) {
            throw malformed("X-Amz-Algorithm only supports \"AWS4-HMAC-SHA256\"");
        }
        String credential = required(request, "X-Amz-Credential");
        String signedHeaders = required(request, "X-Amz-SignedHeaders");
        String signature = required(request, "X-Amz-Signature");
        String amzDate = required(request, "X-Amz-Date");
        Optional<Long> expires = Optional.empty();
        Optional<String> expiresText = request.query("X-Amz-Expires");
        if (expiresText.isPresent()) {
            try {
                long seconds = Long.parseLong(expiresText.get());
                if (seconds < 0) {
                    throw malformed("X-Amz-Expires must be non-negative");
                }
                if (seconds > 604800) {
                    throw malformed("X-Amz-Expires must be less than a week (in seconds) that is 604800");
                }
                expires = Optional.of(seconds);
            } catch (NumberFormatException e) {
                throw malformed("X-Amz-Expires should be a number");
            }
        }
        String[] scope = scope(credential);
        return new SignatureParts(scope[0], scope[1], scope[2], scope[3],
                List.of(signedHeaders.toLowerCase(Locale.ROOT).split(";")), signature, amzDate,
                true, expires, request.query("X-Amz-Security-Token"));
    }

    private static String required(SandboxRequest request, String name) {
        return request.query(name).filter(v -> !v.isEmpty())
                .orElseThrow(() -> malformed("Query-string authentication requires the " + name + " parameter."));
    }

    private static String[] scope(String credential) {
        String[] parts = credential.split("/");
        if (parts.length != 5 || !"aws4_request".equals(parts[4]) || parts[1].length() != 8) {
            throw malformed("Credential should be scoped to a valid region, service and date, in the form "
                    + "'<access key>/<yyyyMMdd>/<region>/<service>/aws4_request'; got: '"
                    + redactKey(credential) + "'.");
        }
        return Arrays.copyOf(parts, 4);
    }

    private static String redactKey(String credential) {
        int slash = credential.indexOf('/');
        return slash < 0 ? "…" : credential.substring(0, Math.min(slash, 4)) + "…" + credential.substring(slash);
    }

    /** The request time of a signature: X-Amz-Date (or the Date header it was built from). */
    public static Instant requestTime(String amzDate) {
        try {
            // read by hand when it has the one shape it may have: the formatter cost more than
            // the rest of the time check on every signed request
            if (amzDate.length() == 16 && amzDate.charAt(8) == 'T' && amzDate.charAt(15) == 'Z') {
                return LocalDateTime.of(digits(amzDate, 0, 4), digits(amzDate, 4, 6), digits(amzDate, 6, 8),
                        digits(amzDate, 9, 11), digits(amzDate, 11, 13), digits(amzDate, 13, 15)).toInstant(ZoneOffset.UTC);
            }
            return LocalDateTime.parse(amzDate, AMZ_DATE).toInstant(ZoneOffset.UTC);
        } catch (java.time.DateTimeException | NumberFormatException e) {
            throw malformed("X-Amz-Date must be in the ISO8601 Long Format \"yyyyMMdd'T'HHmmss'Z'\"; got: " + amzDate);
        }
    }

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new NumberFormatException(text);
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static Instant parseHttpDate(String date) {
        try {
            return ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw malformed("Date header is not an RFC 1123 date: " + date);
        }
    }

    private static AuthFailure malformed(String message) {
        return new AuthFailure(AuthFailure.Problem.MALFORMED, message);
    }
}
