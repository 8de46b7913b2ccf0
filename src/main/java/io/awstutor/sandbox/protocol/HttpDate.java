package io.awstutor.sandbox.protocol;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The HTTP date AWS writes (RFC 7231's IMF-fixdate: {@code Tue, 01 Dec 2026 07:01:32 GMT}).
 * Java's RFC_1123 formatter drops the day's leading zero, which AWS never does.
 */
public final class HttpDate {
    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private HttpDate() {
    }

    public static String format(Instant instant) {
        return IMF_FIXDATE.format(instant);
    }
}
