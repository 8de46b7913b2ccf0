package io.awstutor.sandbox.s3;

import java.time.Instant;

/**
 * A restore of an archived object: requested at some time, ready after the (scaled) tier
 * delay, readable until its expiry. {@link #header} is S3's {@code x-amz-restore} value.
 */
public record RestoreStatus(Instant requestedAt, Instant readyAt, int days) {

    public boolean ongoing(Instant now) {
        return now.isBefore(readyAt);
    }

    public Instant expiry() {
        return readyAt.plusSeconds(days * 86_400L);
    }

    public boolean expired(Instant now) {
        return !now.isBefore(expiry());
    }

    public boolean readable(Instant now) {
        return !ongoing(now) && !expired(now);
    }

    public String header(Instant now) {
        if (ongoing(now)) {
            return "ongoing-request=\"true\"";
        }
        return "ongoing-request=\"false\", expiry-date=\""
                + io.awstutor.sandbox.protocol.HttpDate.format(expiry()) + "\"";
    }
}
