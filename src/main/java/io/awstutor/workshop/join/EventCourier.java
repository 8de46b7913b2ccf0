package io.awstutor.workshop.join;

import io.awstutor.workshop.Broadcast;
import io.awstutor.workshop.Workshop;
import io.awstutor.workshop.WorkshopEvent;

import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;

/**
 * Carries the queue to the server in the background: at once when there are events, every
 * couple of seconds otherwise (the answer brings the instructor's broadcasts and hold). A
 * server out of reach is retried with a growing pause; the learner's shell never waits.
 */
public final class EventCourier implements AutoCloseable {
    private static final int BATCH = 200;
    private static final long POLL_MILLIS = 2_000;
    private static final long MAX_PAUSE_MILLIS = 10_000;

    private final EventQueue queue;
    private final WorkshopClient client;
    private final Membership membership;
    private final Consumer<Workshop.Mail> onMail;
    private final Consumer<String> onTrouble;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean reachable = true;

    public EventCourier(EventQueue queue, WorkshopClient client, Membership membership, Consumer<Workshop.Mail> onMail,
                        Consumer<String> onTrouble) {
        this.queue = queue;
        this.client = client;
        this.membership = membership;
        this.onMail = onMail;
        this.onTrouble = onTrouble;
        this.thread = new Thread(this::run, "awstutor-workshop-courier");
        thread.setDaemon(true);
    }

    public EventCourier start() {
        thread.start();
        return this;
    }

    public boolean reachable() {
        return reachable;
    }

    private void run() {
        long pause = POLL_MILLIS;
        while (running) {
            try {
                if (deliverOnce()) {
                    pause = POLL_MILLIS;
                } else {
                    pause = Math.min(MAX_PAUSE_MILLIS, pause * 2);
                }
                if (queue.size() == 0 || !reachable) {
                    if (reachable) {
                        queue.awaitEvents(pause);
                    } else {
                        Thread.sleep(pause);
                    }
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException unexpected) {
                onTrouble.accept("workshop: " + unexpected.getMessage());
                try {
                    Thread.sleep(MAX_PAUSE_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /** Sends one batch (possibly empty, to hear the news); false when the server was out of reach. */
    public boolean deliverOnce() {
        List<WorkshopEvent> batch = queue.oldest(BATCH);
        try {
            Workshop.Mail mail = client.send(membership, batch, queue.broadcastsSeen());
            int lastSeen = mail.broadcasts().stream().mapToInt(Broadcast::seq).max().orElse(queue.broadcastsSeen());
            queue.delivered(batch, lastSeen);
            if (!reachable) {
                reachable = true;
                onTrouble.accept("workshop: connected again; what you did meanwhile has reached the instructor.");
            }
            onMail.accept(mail);
            return true;
        } catch (WorkshopClient.Refused refused) {
            reachable = false;
            onTrouble.accept("workshop: the server refused your events: " + refused.getMessage());
            return false;
        } catch (IOException unreachable) {
            if (reachable) {
                reachable = false;
                onTrouble.accept("workshop: the server is out of reach; keep going, your progress is sent when it is back.");
            }
            return false;
        }
    }

    /** Stops the courier after one last try to deliver what is queued (what is left waits on disk). */
    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (queue.size() > 0) {
            deliverOnce();
        }
    }
}
