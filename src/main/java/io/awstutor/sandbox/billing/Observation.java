package io.awstutor.sandbox.billing;

import java.time.Instant;
import java.util.Optional;

/**
 * What a service reports of its resources when the meter asks. Sealed: a resource accrues
 * usage for as long as it runs or stores ({@link Span}), or a thing happened once
 * ({@link Event}: a message sent, a request served).
 */
public sealed interface Observation {

    UsageKey key();

    /**
     * Usage at {@code ratePerHour} units (instance-hours: 1; GB-months: GB / 730; ACU-hours:
     * the ACUs) since {@code since}; {@code until} is when it stopped, if it has (a stopped
     * instance, a deleted database), empty while it goes on.
     */
    record Span(UsageKey key, Instant since, Optional<Instant> until, double ratePerHour) implements Observation {
    }

    /** {@code quantity} units at {@code at}; {@code id} makes the same event count once however often it is seen. */
    record Event(UsageKey key, String id, Instant at, double quantity) implements Observation {
    }
}
