package io.awstutor.sandbox.cloudfront;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the edge has kept of its origins' answers, per distribution and path, until their TTL
 * runs out or an invalidation drops them: the reason a changed page still shows the old
 * version. Bounded (least recently used go first), small objects only.
 */
final class EdgeCache {
    static final int MAX_OBJECT = 8 * 1024 * 1024;
    private static final long MAX_TOTAL = 128L * 1024 * 1024;

    record Entry(int status, Map<String, List<String>> headers, byte[] body, Instant storedAt, Instant expiresAt) {
    }

    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long bytes;

    synchronized Optional<Entry> get(String distributionId, String path, Instant now) {
        Entry entry = entries.get(key(distributionId, path));
        if (entry == null || !now.isBefore(entry.expiresAt())) {
            return Optional.empty();
        }
        return Optional.of(entry);
    }

    synchronized void put(String distributionId, String path, Entry entry) {
        Entry old = entries.put(key(distributionId, path), entry);
        bytes += entry.body().length - (old == null ? 0 : old.body().length);
        for (Iterator<Entry> it = entries.values().iterator(); bytes > MAX_TOTAL && it.hasNext(); ) {
            bytes -= it.next().body().length;
            it.remove();
        }
    }

    /** Drops the paths an invalidation names: exact ones, and everything under a trailing {@code *}. */
    synchronized void invalidate(String distributionId, List<String> paths) {
        String prefix = distributionId + " ";
        for (Iterator<Map.Entry<String, Entry>> it = entries.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Entry> e = it.next();
            if (!e.getKey().startsWith(prefix)) {
                continue;
            }
            String path = e.getKey().substring(prefix.length());
            boolean hit = paths.stream().anyMatch(p -> p.endsWith("*") ? path.startsWith(p.substring(0, p.length() - 1)) : path.equals(p));
            if (hit) {
                bytes -= e.getValue().body().length;
                it.remove();
            }
        }
    }

    static Duration ttl(DistributionConfig.Behavior behavior, Optional<Long> originMaxAge) {
        long seconds = originMaxAge.map(age -> Math.max(behavior.minTtl(), Math.min(age, behavior.maxTtl())))
                .orElse(behavior.defaultTtl());
        return Duration.ofSeconds(seconds);
    }

    private static String key(String distributionId, String path) {
        return distributionId + " " + path;
    }
}
