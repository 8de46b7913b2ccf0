package io.awstutor.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Server-sent events to every open page: {@link #publish} hands an event to each subscriber's
 * own bounded queue and returns at once, so a slow or stalled browser never slows the call
 * that caused the event. A subscriber whose queue overflows is dropped; its browser's
 * EventSource reconnects by itself and app.js then refreshes every live region, so it misses
 * nothing it shows.
 */
public final class EventHub implements AutoCloseable {
    private static final int QUEUE = 512;
    /** A comment line this often tells a vanished browser from a quiet one (the write fails). */
    private static final long HEARTBEAT_MILLIS = 15_000;
    private static final Event CLOSED = new Event("", "");

    private final Set<BlockingQueue<Event>> subscribers = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private record Event(String topic, String data) {
    }

    /** {@code topic} names the event type (letters, digits, '-', '.'); {@code data} any text. */
    public void publish(String topic, String data) {
        if (!topic.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("event topic must be a plain word: " + topic);
        }
        Event event = new Event(topic, data == null ? "" : data);
        for (BlockingQueue<Event> queue : subscribers) {
            if (!queue.offer(event)) {
                subscribers.remove(queue);
                queue.clear();
                queue.offer(CLOSED);
            }
        }
    }

    public int subscribers() {
        return subscribers.size();
    }

    /** Writes events to one browser until it goes away or the hub closes. */
    void stream(OutputStream out) throws IOException {
        BlockingQueue<Event> queue = new ArrayBlockingQueue<>(QUEUE);
        subscribers.add(queue);
        try {
            out.write("retry: 2000\n: connected\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            while (!closed) {
                Event event = queue.poll(HEARTBEAT_MILLIS, TimeUnit.MILLISECONDS);
                if (event == CLOSED) {
                    return;
                }
                out.write((event == null ? ": heartbeat\n\n" : format(event)).getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            subscribers.remove(queue);
        }
    }

    private static String format(Event event) {
        StringBuilder out = new StringBuilder("event: ").append(event.topic()).append('\n');
        for (String line : event.data().split("\r\n|\r|\n", -1)) {
            out.append("data: ").append(line).append('\n');
        }
        return out.append('\n').toString();
    }

    @Override
    public void close() {
        closed = true;
        for (BlockingQueue<Event> queue : subscribers) {
            queue.clear();
            queue.offer(CLOSED);
        }
        subscribers.clear();
    }
}
