package io.awstutor.workshop.join;

import io.awstutor.sandbox.persist.StateFile;
import io.awstutor.workshop.WorkshopEvent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The events a learner's shell has not yet delivered, on disk before anything is sent: a
 * shell that loses the server, or is closed while it is away, delivers them when it next
 * reaches it. Each event keeps its id, so one delivered twice (its answer lost) counts once.
 */
public final class EventQueue {
    /** Also remembers the last broadcast shown, so a restarted shell does not show old ones again. */
    public record State(List<WorkshopEvent> pending, int broadcastsSeen) {
    }

    private final StateFile file;
    /** Guarded by {@code this}. */
    private final List<WorkshopEvent> pending = new ArrayList<>();
    private int broadcastsSeen;

    public EventQueue(Path file) {
        this.file = new StateFile(file);
        try {
            this.file.load(State.class).ifPresent(state -> {
                pending.addAll(state.pending());
                broadcastsSeen = state.broadcastsSeen();
            });
        } catch (IOException e) {
            throw new UncheckedIOException("the workshop's event queue " + file + " could not be read: " + e.getMessage(), e);
        }
    }

    public synchronized void add(WorkshopEvent event) {
        pending.add(event);
        save();
        notifyAll();
    }

    public synchronized List<WorkshopEvent> oldest(int max) {
        return List.copyOf(pending.subList(0, Math.min(max, pending.size())));
    }

    public synchronized int size() {
        return pending.size();
    }

    public synchronized int broadcastsSeen() {
        return broadcastsSeen;
    }

    /** The server has these: they leave the queue. */
    public synchronized void delivered(List<WorkshopEvent> events, int lastBroadcastSeen) {
        Set<String> ids = new HashSet<>();
        events.forEach(e -> ids.add(e.id()));
        boolean changed = pending.removeIf(e -> ids.contains(e.id())) || lastBroadcastSeen > broadcastsSeen;
        broadcastsSeen = Math.max(broadcastsSeen, lastBroadcastSeen);
        if (changed) {
            save();
        }
    }

    /** Waits until an event is added or the time passes. */
    public synchronized void awaitEvents(long millis) throws InterruptedException {
        if (pending.isEmpty()) {
            wait(millis);
        }
    }

    private void save() {
        try {
            file.save(new State(List.copyOf(pending), broadcastsSeen));
        } catch (IOException e) {
            throw new UncheckedIOException("the workshop's event queue could not be saved to " + file.path() + ": " + e.getMessage(), e);
        }
    }
}
