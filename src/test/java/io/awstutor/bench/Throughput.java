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
        return measureWithCpu(call, threads, requests).perSecond();
    }

    /** The rate, and where the process's CPU went while it was measured (after the warm-up). */
    record Measured(double perSecond, int requests, java.util.Map<String, Double> cpuMillis) {
        /** CPU milliseconds per request of the kinds of thread whose name starts with one of {@code kinds}. */
        double perRequest(String... kinds) {
            double sum = 0;
            for (java.util.Map.Entry<String, Double> e : cpuMillis.entrySet()) {
                for (String kind : kinds) {
                    if (e.getKey().startsWith(kind)) {
                        sum += e.getValue();
                        break;
                    }
                }
            }
            return sum / requests;
        }

        double totalPerRequest() {
            return cpuMillis.values().stream().mapToDouble(Double::doubleValue).sum() / requests;
        }
    }

    static Measured measureWithCpu(Callable<?> call, int threads, int requests) throws Exception {
        int warmup = Math.max(threads * 10, requests / 10);
        run(call, threads, warmup);
        ThreadCpu before = ThreadCpu.now();
        long start = System.nanoTime();
        run(call, threads, requests);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Measured(requests / seconds, requests, ThreadCpu.now().since(before));
    }

    static void run(Callable<?> call, int threads, int requests) throws Exception {
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
