package io.awstutor.workshop;

import io.awstutor.workshop.join.EventCourier;
import io.awstutor.workshop.join.EventQueue;
import io.awstutor.workshop.join.Membership;
import io.awstutor.workshop.join.WorkshopClient;
import io.awstutor.workshop.web.WorkshopServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A learner's events reach the instructor exactly once: queued on disk while the server is
 * away (even across the learner's own restart), delivered when it is back, and a batch sent
 * twice (its answer lost) counted once.
 */
class EventDeliveryTest {
    private static final Path LESSONS = Path.of("src/test/resources/workshop-lessons");

    @Test
    void aLearnerCutOffLosesNoEventAndDuplicatesNone(@TempDir Path data, @TempDir Path home) throws Exception {
        WorkshopServer.Options options = WorkshopServer.Options.defaults().withLessons(LESSONS).withData(data).withTimeScale(0);
        WorkshopClient client = new WorkshopClient();
        List<WorkshopEvent> sent = new ArrayList<>();
        Path queueFile = home.resolve("queue.json");
        Membership member;
        int port;
        try (WorkshopServer server = WorkshopServer.start(options, Clock.systemUTC())) {
            port = server.port();
            var answer = client.join(server.learnerUrl(), server.workshop().code(), "Dee");
            member = new Membership(server.learnerUrl().toString(), server.workshop().code(), answer.workshop(), answer.learnerId(),
                    answer.learnerName(), answer.token(), answer.accountId(), answer.accessKeyId(), answer.secretAccessKey(), answer.region());
            EventQueue queue = new EventQueue(queueFile);
            EventCourier courier = new EventCourier(queue, client, member, mail -> { }, notice -> { });
            for (int i = 0; i < 3; i++) {
                sent.add(event(EventKind.CHECK_FAILED, "attempt " + i));
                queue.add(sent.get(sent.size() - 1));
            }
            assertTrue(courier.deliverOnce());
            assertEquals(0, queue.size());
            assertEquals(3, events(server, "Dee").size());

            // the same batch again (as after a lost answer): accepted 0, stored once
            Workshop.Mail again = client.send(member, sent, 0);
            assertEquals(0, again.accepted());
            assertEquals(3, events(server, "Dee").size());
        }

        // the server is gone: the learner keeps working, events wait on disk, even across a restart of the shell
        EventQueue offline = new EventQueue(queueFile);
        EventCourier cutOff = new EventCourier(offline, client, member, mail -> { }, notice -> { });
        for (int i = 3; i < 6; i++) {
            sent.add(event(EventKind.HINT_SHOWN, null).withNumber(i));
            offline.add(sent.get(sent.size() - 1));
        }
        assertFalse(cutOff.deliverOnce(), "nothing answers");
        assertEquals(3, new EventQueue(queueFile).size(), "the queue is on disk");

        try (WorkshopServer back = WorkshopServer.start(options.withPort(port), Clock.systemUTC())) {
            EventQueue reopened = new EventQueue(queueFile);
            try (EventCourier courier = new EventCourier(reopened, client, member, mail -> { }, notice -> { }).start()) {
                long deadline = System.currentTimeMillis() + 15_000;
                while (reopened.size() > 0 && System.currentTimeMillis() < deadline) {
                    Thread.sleep(100);
                }
            }
            assertEquals(0, reopened.size(), "delivered once the server is back");
            List<WorkshopEvent> stored = events(back, "Dee");
            assertEquals(sent.stream().map(WorkshopEvent::id).toList(), stored.stream().map(WorkshopEvent::id).toList(),
                    "every event once, in order");
        }
    }

    @Test
    void malformedOrHugeEventsAreRefusedWithoutLosingTheRest(@TempDir Path home) throws Exception {
        try (WorkshopServer server = WorkshopServer.start(WorkshopServer.Options.defaults().withLessons(LESSONS).withTimeScale(0),
                Clock.systemUTC())) {
            WorkshopClient client = new WorkshopClient();
            var answer = client.join(server.learnerUrl(), server.workshop().code().toLowerCase().replace("-", ""), "Eli");
            Membership member = new Membership(server.learnerUrl().toString(), server.workshop().code(), answer.workshop(),
                    answer.learnerId(), answer.learnerName(), answer.token(), answer.accountId(), answer.accessKeyId(),
                    answer.secretAccessKey(), answer.region());
            WorkshopEvent fine = event(EventKind.CHECK_PASSED, null);
            WorkshopEvent tooLong = event(EventKind.CHECK_FAILED, "x".repeat(5000));
            assertEquals(1, client.send(member, List.of(fine, tooLong), 0).accepted());
            Optional<Learner> learner = server.workshop().learner(answer.learnerId());
            assertTrue(learner.isPresent());
        }
    }

    private static WorkshopEvent event(EventKind kind, String message) {
        return WorkshopEvent.of(kind, System.currentTimeMillis(), "warm-up", "a-bucket-of-your-own").withMessage(message);
    }

    private static List<WorkshopEvent> events(WorkshopServer server, String name) {
        return server.workshop().snapshot().stream().filter(l -> l.learner().name().equals(name)).findFirst().orElseThrow().events();
    }
}
