package io.awstutor.sandbox.persist;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The group commit's promises: every change written once, in order, acknowledged only once written, and a lost write failing exactly what was not saved. */
class GroupCommitTest {

    /** A service's lock, and what it staged in order: as IamBackend and Ec2Persistence use it. */
    private static final class Service {
        final Object lock = new Object();
        final List<Integer> written = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger writes = new AtomicInteger();
        final GroupCommit<Integer> commits;

        /** What a write does besides recording its batch (sleep as an fsync would, block, fail). */
        interface Step {
            void run(List<Integer> batch) throws IOException, InterruptedException;
        }

        Service(Step extra) {
            commits = new GroupCommit<>("test state", batch -> {
                try {
                    extra.run(batch);
                } catch (InterruptedException e) {
                    throw new IOException(e);
                }
                writes.incrementAndGet();
                written.addAll(batch);
            });
        }

        void change(int item) {
            long generation;
            synchronized (lock) {
                generation = commits.stage(item);
            }
            commits.awaitDurable(generation);
        }
    }

    @Test
    void fiftyWritersShareWritesAndEachIsAnsweredOnlyOnceItsChangeIsWritten() throws Exception {
        Service service = new Service(batch -> Thread.sleep(1)); // an fsync's time, so that batches form
        int threads = 50;
        int each = 20;
        Set<Integer> answeredBeforeWritten = ConcurrentHashMap.newKeySet();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> writers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int first = t * each;
            Thread writer = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = first; i < first + each; i++) {
                    service.change(i);
                    if (!service.written.contains(i)) {
                        answeredBeforeWritten.add(i);
                    }
                }
            });
            writer.start();
            writers.add(writer);
        }
        go.countDown();
        for (Thread writer : writers) {
            writer.join(30_000);
            assertTrue(!writer.isAlive(), "a writer still waits: a wake-up was lost");
        }
        assertEquals(Set.of(), answeredBeforeWritten);
        assertEquals(threads * each, service.written.size(), "every change written once");
        assertEquals(threads * each, Set.copyOf(service.written).size(), "no change written twice");
        assertTrue(service.writes.get() < threads * each / 2, "changes share writes: " + service.writes.get() + " writes");
    }

    @Test
    void aLostWriteFailsTheChangesNotSavedAndTheNextChangeIsSavedAgain() throws Exception {
        AtomicInteger failNext = new AtomicInteger();
        CountDownLatch inWrite = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Service service = new Service(batch -> {
            if (batch.contains(1)) {
                inWrite.countDown();
                release.await();
            }
            if (failNext.getAndSet(0) == 1) {
                throw new IOException("disk full");
            }
        });
        List<Integer> undone = Collections.synchronizedList(new ArrayList<>());
        service.commits.onFailure(() -> {
            synchronized (service.lock) {
                undone.addAll(service.commits.abandonUndurable());
            }
        });
        service.change(0);
        // change 1 is being written (and will fail); 2 and 3 are staged meanwhile, on top of it
        List<Throwable> later = Collections.synchronizedList(new ArrayList<>());
        Thread first = new Thread(() -> {
            try {
                service.change(1);
            } catch (UncheckedIOException e) {
                later.add(e);
            }
        });
        first.start();
        inWrite.await();
        failNext.set(1);
        List<Thread> waiting = new ArrayList<>();
        for (int item : List.of(2, 3)) {
            long generation;
            synchronized (service.lock) {
                generation = service.commits.stage(item);
            }
            Thread t = new Thread(() -> {
                try {
                    service.commits.awaitDurable(generation);
                } catch (UncheckedIOException e) {
                    later.add(e);
                }
            });
            t.start();
            waiting.add(t);
        }
        release.countDown();
        first.join(10_000);
        for (Thread t : waiting) {
            t.join(10_000);
        }
        assertEquals(3, later.size(), "the lost change fails, and so do the ones staged on top of it");
        assertEquals(List.of(1, 2, 3), undone);
        service.change(4);
        assertEquals(List.of(0, 4), service.written);
    }

    @Test
    void withoutARollbackALostWriteFailsOnlyItsOwnChanges() {
        AtomicInteger failNext = new AtomicInteger(1);
        Service service = new Service(batch -> {
            if (failNext.getAndSet(0) == 1) {
                throw new IOException("disk full");
            }
        });
        UncheckedIOException lost = assertThrows(UncheckedIOException.class, () -> service.change(1));
        assertTrue(lost.getMessage().contains("cannot save test state: disk full"), lost.getMessage());
        service.change(2);
        assertEquals(List.of(2), service.written);
    }
}
