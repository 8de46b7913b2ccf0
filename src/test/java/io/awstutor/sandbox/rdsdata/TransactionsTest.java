package io.awstutor.sandbox.rdsdata;

import io.awstutor.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Data API transaction left open is rolled back after three idle minutes without waiting for
 * another Data API call, as AWS does: its connection is rolled back and closed, and the hold
 * that kept its Serverless v2 writer awake is released.
 */
class TransactionsTest {

    @Test
    void anAbandonedTransactionIsRolledBackWithoutAnotherCall() throws Exception {
        MutableClock clock = new MutableClock();
        List<String> done = new CopyOnWriteArrayList<>();
        CountDownLatch released = new CountDownLatch(1);
        try (Transactions transactions = new Transactions(clock::instant, Duration.ofMillis(20))) {
            String abandoned = transactions.begin(connection(done), released::countDown, "arn:cluster", "arn:secret", clock.instant());
            String used = transactions.begin(connection(new CopyOnWriteArrayList<>()), () -> { }, "arn:cluster", "arn:secret", clock.instant());
            clock.advance(Duration.ofMinutes(2));
            transactions.find(used, "arn:cluster", clock.instant()); // still in use: its idle time starts again
            Thread.sleep(100);
            assertTrue(done.isEmpty(), "rolled back before three idle minutes: " + done);
            clock.advance(Duration.ofMinutes(1).plusSeconds(1));
            assertTrue(released.await(5, TimeUnit.SECONDS), "the writer's hold was not released");
            assertEquals(List.of("rollback", "close"), done);
            assertThrows(RuntimeException.class, () -> transactions.find(abandoned, "arn:cluster", clock.instant()));
            assertFalse(transactions.end(used).isEmpty(), "the transaction used a minute ago is still open");
        }
    }

    private static Connection connection(List<String> done) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "rollback", "close" -> done.add(method.getName());
                        case "hashCode" -> { return System.identityHashCode(proxy); }
                        case "equals" -> { return proxy == args[0]; }
                        default -> { }
                    }
                    return null;
                });
    }
}
