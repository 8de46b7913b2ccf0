package io.awstutor.cost;

import java.time.Duration;
import java.time.Instant;

/**
 * One resource the tutor created on a target: where (target, account, region), what
 * ({@link ResourceKind} and its id), when, for which lesson, and its hourly price on a real
 * account (0 when it is not billed by the hour). Never a secret.
 */
public record LedgerEntry(String target, String account, String region, ResourceKind kind, String id,
                          String detail, Instant createdAt, double hourlyUsd, String lesson) {

    public LedgerEntry {
        detail = detail == null ? "" : detail;
        lesson = lesson == null ? "" : lesson;
    }

    public boolean sameResource(LedgerEntry other) {
        return target.equals(other.target) && account.equals(other.account) && kind == other.kind && id.equals(other.id)
                && (kind.global() || region.equals(other.region));
    }

    /** What it has cost so far if it ran on a real account since it was created. */
    public double costSoFar(Instant now) {
        double hours = Math.max(0, Duration.between(createdAt, now).toSeconds()) / 3600.0;
        return hours * hourlyUsd;
    }

    public String describe() {
        return kind.label() + " " + id + (detail.isEmpty() ? "" : " (" + detail + ")") + (kind.global() ? "" : " in " + region);
    }
}
