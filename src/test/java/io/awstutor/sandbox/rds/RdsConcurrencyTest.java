package io.awstutor.sandbox.rds;

import io.awstutor.sandbox.SandboxContext;
import io.awstutor.sandbox.protocol.AwsException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Many callers at once: every creation lands once, a contested name is won by exactly one, EC2's view never fails. */
class RdsConcurrencyTest {

    @Test
    void parallelCreatesAndAContestedIdentifier() throws Exception {
        RdsBackend rds = new RdsBackend(new SandboxContext(new MovableClock(), 1.0, Optional.empty()), new FakeNetwork());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        AtomicInteger contestedWins = new AtomicInteger();
        AtomicInteger contestedLosses = new AtomicInteger();
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            work.add(pool.submit(() -> {
                for (int i = 0; i < 25; i++) {
                    rds.createInstance("000000000000", "us-east-1", RdsBackendTest.mysql("t" + thread + "-db" + i));
                    rds.endpoints("000000000000", "us-east-1");
                }
                try {
                    rds.createInstance("000000000000", "us-east-1", RdsBackendTest.mysql("contested"));
                    contestedWins.incrementAndGet();
                } catch (AwsException e) {
                    assertEquals("DBInstanceAlreadyExists", e.code());
                    contestedLosses.incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> f : work) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        assertEquals(1, contestedWins.get());
        assertEquals(7, contestedLosses.get());
        int listed = 0;
        String marker = null;
        do {
            Page<DbInstance> page = rds.describeInstances("000000000000", "us-east-1", null, Map.of(), marker, 100);
            listed += page.items().size();
            marker = page.nextMarker();
        } while (marker != null);
        assertEquals(201, listed);
        assertEquals(201, rds.endpoints("000000000000", "us-east-1").size());
    }
}
