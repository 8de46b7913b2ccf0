package io.awstutor.sandbox.billing;

import io.awstutor.sandbox.SandboxContext;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns what the services report into metered usage: spans of running and storing, and
 * counted events. Services keep only their current state (an instance knows its last
 * command, not its history), so the meter samples them — on every billing call and every
 * second — and remembers the spans it saw open and close.
 *
 * <p>Time runs at the sandbox's pace: with a time scale of 0.01 (delays a hundred times
 * shorter) a real minute of running is billed as a hundred minutes, so an instance left
 * running for a scaled day shows a day's cost. Usage is dated by the real clock.
 */
public final class UsageMeter {
    private final List<UsageSource> sources;
    private final double speed;
    private final Map<UsageKey, List<Interval>> spans = new HashMap<>();
    private final Map<UsageKey, Interval> open = new HashMap<>();
    private final List<Observation.Event> events = new ArrayList<>();
    private final Set<String> seenEvents = new HashSet<>();

    /** A span of usage in real time, at a rate per (simulated) hour; {@code end} null while open. */
    public record Interval(Instant start, Instant end, double ratePerHour) {
    }

    /** One metered piece: {@code quantity} units of a key's usage within [from, to). */
    public record Usage(UsageKey key, Instant from, Instant to, double quantity) {
    }

    public UsageMeter(SandboxContext context, List<UsageSource> sources) {
        this.sources = List.copyOf(sources);
        this.speed = context.timeScale() > 0 ? 1 / context.timeScale() : 1;
    }

    /** How many simulated hours one real hour is. */
    public double speed() {
        return speed;
    }

    /** Asks every source for its state and folds it in. */
    public synchronized void sample(Instant now) {
        Set<UsageKey> seenOpen = new HashSet<>();
        for (UsageSource source : sources) {
            for (Observation o : source.observe(now)) {
                if (o instanceof Observation.Span s) {
                    if (fold(s.until().isEmpty() ? clamped(s) : s)) {
                        seenOpen.add(s.key());
                    }
                } else if (o instanceof Observation.Event e && seenEvents.add(e.id())) {
                    events.add(e);
                }
            }
        }
        // a span the services no longer report (an expired instance, a deleted database) ended by now
        for (UsageKey key : List.copyOf(open.keySet())) {
            if (!seenOpen.contains(key)) {
                close(key, now);
            }
        }
    }

    /**
     * A span never starts before the end of the key's last closed one: a service that can
     * only say "running since it was created" must not bill the stopped hours again.
     */
    private Observation.Span clamped(Observation.Span s) {
        List<Interval> known = spans.get(s.key());
        if (known == null) {
            return s;
        }
        Instant latestEnd = known.stream().map(Interval::end).filter(e -> e != null)
                .max(Instant::compareTo).orElse(s.since());
        return latestEnd.isAfter(s.since()) ? new Observation.Span(s.key(), latestEnd, s.until(), s.ratePerHour()) : s;
    }

    /** @return whether the span is still open */
    private boolean fold(Observation.Span s) {
        Interval current = open.get(s.key());
        if (s.until().isEmpty()) {
            if (current != null && current.start().equals(s.since()) && current.ratePerHour() == s.ratePerHour()) {
                return true;
            }
            if (current != null) {
                close(s.key(), s.since().isAfter(current.start()) ? s.since() : current.start());
            }
            Interval next = new Interval(s.since(), null, s.ratePerHour());
            open.put(s.key(), next);
            spans.computeIfAbsent(s.key(), k -> new ArrayList<>()).add(next);
            return true;
        }
        Instant until = s.until().get();
        if (current != null) {
            close(s.key(), until.isBefore(current.start()) ? current.start() : until);
            return false;
        }
        // never seen open: it began and ended between two samples (unless that span is known already)
        List<Interval> known = spans.computeIfAbsent(s.key(), k -> new ArrayList<>());
        boolean overlaps = known.stream().anyMatch(i -> i.end() != null && i.end().isAfter(s.since()) && i.start().isBefore(until));
        if (!overlaps && s.since().isBefore(until)) {
            known.add(new Interval(s.since(), until, s.ratePerHour()));
        }
        return false;
    }

    private void close(UsageKey key, Instant at) {
        Interval current = open.remove(key);
        if (current == null) {
            return;
        }
        List<Interval> list = spans.get(key);
        list.set(list.indexOf(current), new Interval(current.start(), at, current.ratePerHour()));
    }

    /** The account's usage that fell within [from, to) of real time, in each key's units. */
    public synchronized List<Usage> usage(String account, Instant from, Instant to, Instant now) {
        List<Usage> out = new ArrayList<>();
        spans.forEach((key, intervals) -> {
            if (!key.account().equals(account)) {
                return;
            }
            for (Interval i : intervals) {
                Instant start = i.start().isAfter(from) ? i.start() : from;
                Instant endOfSpan = i.end() == null ? now : i.end();
                Instant end = endOfSpan.isBefore(to) ? endOfSpan : to;
                if (end.isAfter(start)) {
                    double hours = Duration.between(start, end).toNanos() / 3.6e12 * speed;
                    out.add(new Usage(key, start, end, hours * i.ratePerHour()));
                }
            }
        });
        for (Observation.Event e : events) {
            if (e.key().account().equals(account) && !e.at().isBefore(from) && e.at().isBefore(to)) {
                out.add(new Usage(e.key(), e.at(), e.at(), e.quantity()));
            }
        }
        return out;
    }

    /** What the account's running resources accrue per real hour now, in each key's units. */
    public synchronized Map<UsageKey, Double> runRates(String account) {
        Map<UsageKey, Double> rates = new HashMap<>();
        open.forEach((key, i) -> {
            if (key.account().equals(account)) {
                rates.merge(key, i.ratePerHour(), Double::sum);
            }
        });
        return rates;
    }

    /** Whether a key has ever accrued anything (for tests and the free tier's listing). */
    public synchronized Optional<List<Interval>> intervals(UsageKey key) {
        return Optional.ofNullable(spans.get(key)).map(List::copyOf);
    }
}
