package io.awstutor.sandbox.rdsdata;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Data API's open transactions, each a connection held by its id. As on AWS, one left
 * unused for three minutes is rolled back: looked at whenever a call comes, and every few
 * seconds while any is open, so that an abandoned one does not hold its Serverless v2 writer
 * awake until somebody happens to call the Data API again.
 */
final class Transactions implements AutoCloseable {
    static final Duration IDLE_LIMIT = Duration.ofMinutes(3);
    static final Duration SWEEP_EVERY = Duration.ofSeconds(10);

    private final java.util.function.Supplier<Instant> clock;
    private final Duration sweepEvery;
    /** Started with the first transaction; one daemon thread, stopped at close. */
    private java.util.concurrent.ScheduledExecutorService sweeper;

    Transactions(java.util.function.Supplier<Instant> clock) {
        this(clock, SWEEP_EVERY);
    }

    Transactions(java.util.function.Supplier<Instant> clock, Duration sweepEvery) {
        this.clock = clock;
        this.sweepEvery = sweepEvery;
    }

    /**
     * One transaction: its connection, which cluster and secret opened it, when it was last
     * used, and the hold that keeps the writer awake while it is open.
     */
    static final class Open {
        final String id;
        final Connection connection;
        final Runnable release;
        final String resourceArn;
        final String secretArn;
        volatile Instant lastUsed;

        Open(String id, Connection connection, Runnable release, String resourceArn, String secretArn, Instant lastUsed) {
            this.id = id;
            this.connection = connection;
            this.release = release;
            this.resourceArn = resourceArn;
            this.secretArn = secretArn;
            this.lastUsed = lastUsed;
        }
    }

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Open> open = new ConcurrentHashMap<>();

    String begin(Connection connection, Runnable release, String resourceArn, String secretArn, Instant now) {
        byte[] bytes = new byte[48];
        random.nextBytes(bytes);
        String id = Base64.getEncoder().encodeToString(bytes);
        open.put(id, new Open(id, connection, release, resourceArn, secretArn, now));
        startSweeping();
        return id;
    }

    private synchronized void startSweeping() {
        if (sweeper == null) {
            sweeper = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "awstutor-data-api-transactions");
                thread.setDaemon(true);
                return thread;
            });
            long every = sweepEvery.toMillis();
            sweeper.scheduleWithFixedDelay(() -> {
                try {
                    expire(clock.get());
                } catch (RuntimeException e) {
                    // the next sweep, or the next call, tries again
                }
            }, every, every, java.util.concurrent.TimeUnit.MILLISECONDS);
        }
    }

    /** The transaction {@code id} of this cluster, not yet ended. */
    Open find(String id, String resourceArn, Instant now) {
        expire(now);
        Open tx = open.get(id);
        if (tx == null || !tx.resourceArn.equals(resourceArn)) {
            throw DataApiErrors.transactionNotFound(id);
        }
        tx.lastUsed = now;
        return tx;
    }

    /** Ends the transaction: committed or rolled back, and its connection closed. */
    Optional<Open> end(String id) {
        return Optional.ofNullable(open.remove(id));
    }

    void expire(Instant now) {
        for (Open tx : open.values()) {
            if (tx.lastUsed.plus(IDLE_LIMIT).isBefore(now) && open.remove(tx.id, tx)) {
                rollBackQuietly(tx);
            }
        }
    }

    static void rollBackQuietly(Open tx) {
        try (Connection c = tx.connection) {
            c.rollback();
        } catch (SQLException ignored) {
            // the engine may be gone already: the transaction ends with it
        } finally {
            tx.release.run();
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            if (sweeper != null) {
                sweeper.shutdownNow();
            }
        }
        open.values().forEach(Transactions::rollBackQuietly);
        open.clear();
    }
}
