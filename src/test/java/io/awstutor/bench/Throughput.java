package io.awstutor.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/** A fixed number of calls shared by a fixed number of threads; the rate over the wall-clock time. */
final class Throughput {
    private Throughput() {
    }

    static double measure(Callable<?> call, int threads, int requests) throws Exception {
        int warmup = Math.max(threads * 10, requests / 10);
        run(call, threads, warmup);
        long start = System.nanoTime();
        run(call, threads, requests);
        double seconds = (System.nanoTime() - start) / 1e9;
        return requests / seconds;
    }

    private static void run(Callable<?> call, int threads, int requests) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            AtomicInteger left = new AtomicInteger(requests);
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    while (left.getAndDecrement() > 0) {
                        call.call();
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
