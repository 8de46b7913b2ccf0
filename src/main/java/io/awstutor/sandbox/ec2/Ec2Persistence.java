package io.awstutor.sandbox.ec2;

import io.awstutor.sandbox.persist.StateFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Saves EC2's state to {@code ec2/ec2.json} in the data folder and restores it on start.
 * Saves are coalesced: a burst of changes (a script creating a thousand groups) writes the
 * file once shortly after, not a thousand times; closing the sandbox writes what is pending.
 * Without a data folder nothing is written and no thread is started.
 */
final class Ec2Persistence implements AutoCloseable {
    private static final long COALESCE_MILLIS = 100;

    private final Optional<StateFile> file;
    private final Map<String, RegionState> states;
    private final AtomicBoolean pending = new AtomicBoolean();
    private final ScheduledExecutorService writer;

    Ec2Persistence(Optional<Path> dir, Map<String, RegionState> states) {
        this.file = dir.map(d -> new StateFile(d.resolve("ec2.json")));
        this.states = states;
        this.writer = file.isEmpty() ? null : Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "awstutor-ec2-state-writer");
            thread.setDaemon(true);
            return thread;
        });
    }

    void load() {
        if (file.isEmpty()) {
            return;
        }
        try {
            file.get().load(Ec2Snapshot.class).ifPresent(snapshot -> {
                for (Ec2Snapshot.RegionSnapshot region : snapshot.regions()) {
                    states.put(region.accountId() + "/" + region.region(), Ec2Snapshot.restore(region));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asks for a save soon; many calls in a row give one write. */
    void save() {
        if (writer != null && pending.compareAndSet(false, true)) {
            writer.schedule(this::writeNow, COALESCE_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private synchronized void writeNow() {
        if (!pending.getAndSet(false) || file.isEmpty()) {
            return;
        }
        List<Ec2Snapshot.RegionSnapshot> regions = new ArrayList<>();
        for (RegionState state : states.values()) {
            synchronized (state) {
                regions.add(Ec2Snapshot.of(state));
            }
        }
        try {
            file.get().save(new Ec2Snapshot(regions));
        } catch (IOException e) {
            System.err.println("awstutor sandbox: could not save EC2 state: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        if (writer == null) {
            return;
        }
        writer.shutdown();
        try {
            writer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        writeNow();
    }
}
