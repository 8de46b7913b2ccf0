package io.awstutor.bench;

import io.awstutor.sandbox.Sandbox;
import io.awstutor.sandbox.SandboxOptions;
import software.amazon.awssdk.services.iam.IamClient;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;

/**
 * Slow clients and write load, against a sandbox with a data folder (so every IAM change is
 * fsync'd): (1) ListBuckets latency with N connections open that never finish their headers;
 * (2) IAM CreateUser latency with 50 concurrent clients. Targets (issue 16): both p99 under
 * 100 ms, the second once the JIT has settled (after {@code --warmup-per-client} calls per client, default
 * 200; the first 20 per client are printed as the cold figure). {@code scripts/bench-slow-clients
 * [--stalled N] [--clients N] [--users-per-client N]}.
 */
public final class SlowClientBench {

    public static void main(String[] args) throws Exception {
        int stalledCount = 200;
        int clientsCount = 50;
        // 5,000 measured calls, after 10,000 unmeasured ones: the target is the latency a workshop's
        // server keeps under load, not the JIT's first seconds (that round is printed too, as "cold")
        int perClient = 100;
        boolean inMemory = false;
        int warmup = 200;
        boolean ownClients = false;
        boolean sandboxProcess = false;
        List<String> sandboxJvm = SandboxProcess.SANDBOX_JVM_ARGS;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--stalled" -> stalledCount = Integer.parseInt(args[++i]);
                case "--clients" -> clientsCount = Integer.parseInt(args[++i]);
                case "--users-per-client" -> perClient = Integer.parseInt(args[++i]);
                case "--in-memory" -> inMemory = true;
                case "--warmup-per-client" -> warmup = Integer.parseInt(args[++i]);
                case "--own-clients" -> ownClients = true;
                case "--sandbox-process" -> sandboxProcess = true;
                case "--sandbox-jvm" -> {
                    sandboxProcess = true;
                    sandboxJvm = List.of(args[++i].trim().split("\\s+"));
                }
                default -> {
                    System.err.println("usage: bench-slow-clients [--stalled N] [--clients N] [--users-per-client N] [--warmup-per-client N] [--in-memory] [--own-clients] [--sandbox-process] [--sandbox-jvm 'OPTIONS']");
                    System.exit(2);
                }
            }
        }
        Path data = Files.createTempDirectory("awstutor-bench-slow-");
        boolean met = true;
        // in this JVM beside the clients (the earlier figures' way), or alone in its own, as `awstutor sandbox` runs
        try (AutoCloseable sandbox = sandboxProcess
                ? SandboxProcess.start(data.resolve("data"), data.resolve("sandbox.log"), sandboxJvm)
                : Sandbox.start(SandboxOptions.inMemory().withDataDir(inMemory ? null : data).withPort(0));
             SoakClients clients = new SoakClients(endpointOf(sandbox), Math.max(64, clientsCount + 8))) {
            URI endpoint = endpointOf(sandbox);
            long sandboxPid = sandbox instanceof SandboxProcess p ? p.pid() : -1;
            for (int i = 0; i < 50; i++) {
                clients.s3.listBuckets();
                clients.iam.listUsers();
            }
            List<Long> alone = time(100, () -> clients.s3.listBuckets());
            List<Socket> stalled = stall(endpoint.getPort(), stalledCount);
            List<Long> beside;
            try {
                Thread.sleep(500);
                beside = time(100, () -> clients.s3.listBuckets());
            } finally {
                for (Socket s : stalled) {
                    s.close();
                }
            }
            System.out.println("ListBuckets, alone:                       " + summary(alone));
            System.out.println("ListBuckets, " + stalledCount + " stalled connections open: " + summary(beside));
            met &= percentile(beside, 99) < 100_000;

            List<Long> single = time(50, new Runnable() {
                int n;

                public void run() {
                    String name = "single-" + n++;
                    clients.iam.createUser(b -> b.userName(name));
                }
            });
            System.out.println("IAM CreateUser, 1 client:                 " + summary(single));
            // the same load first, unmeasured: what is measured is the sandbox, not the JIT compiling it.
            // Measured on 2 cores, the JIT was still taking about 1 ms of CPU per call after 250
            // calls (p99 185 ms) and about 0.4 ms after 10,000 (p99 50-67 ms). The first round is
            // printed, so the cold figure is not hidden.
            List<IamClient> iams = new ArrayList<>();
            for (int c = 0; c < clientsCount; c++) {
                iams.add(ownClients ? SoakClients.ownIam(endpoint) : clients.iam);
            }
            int coldRound = Math.min(warmup, 20);
            if (coldRound > 0) {
                long coldStarted = System.nanoTime();
                List<Long> cold = concurrentCreates(iams, coldRound, "cold-");
                long coldElapsed = Math.max(1, (System.nanoTime() - coldStarted) / 1_000_000);
                System.out.println("IAM CreateUser, " + clientsCount + " clients, cold:  " + summary(cold)
                        + String.format("  (the first %d calls, %.0f/s, not measured against the target)",
                        cold.size(), cold.size() * 1000.0 / coldElapsed));
            }
            if (warmup > coldRound) {
                concurrentCreates(iams, warmup - coldRound, "warm-");
            }
            long started = System.nanoTime();
            long cpuBefore = processCpuNanos();
            ThreadCpu threadsBefore = ThreadCpu.now();
            double sandboxBefore = ThreadCpu.processMillis(sandboxPid);
            ThreadCpu sandboxThreadsBefore = sandboxPid > 0 ? ThreadCpu.ofProcess(sandboxPid) : null;
            List<Long> all = concurrentCreates(iams, perClient, "c");
            long cpu = processCpuNanos() - cpuBefore;
            java.util.Map<String, Double> split = ThreadCpu.now().since(threadsBefore);
            double sandboxCpu = ThreadCpu.processMillis(sandboxPid) - sandboxBefore;
            java.util.Map<String, Double> sandboxSplit = sandboxPid > 0
                    ? ThreadCpu.ofProcess(sandboxPid).since(sandboxThreadsBefore) : java.util.Map.of();
            long elapsed = (System.nanoTime() - started) / 1_000_000;
            System.out.println("IAM CreateUser, " + clientsCount + (ownClients ? " own" : " shared") + " clients, warm: " + summary(all)
                    + String.format("  (%d users in %d ms, %.0f/s; %d users there before)", all.size(), elapsed,
                    all.size() * 1000.0 / elapsed, 50 + clientsCount * warmup));
            // on a shared machine the latencies follow its load; the CPU a call costs does not
            int calls = all.size();
            if (sandboxPid > 0) {
                System.out.printf("  CPU per CreateUser: sandbox process %.2f ms, SDK clients' process %.2f ms%n",
                        sandboxCpu / calls, cpu / 1e6 / calls);
            } else {
                System.out.printf("  CPU per CreateUser (SDK clients and sandbox, one process): %.2f ms%n", cpu / 1e6 / calls);
            }
            sandboxSplit.forEach((kind, millis) -> printShare("sandbox process: " + kind, millis / calls));
            split.forEach((kind, millis) -> printShare((sandboxPid > 0 ? "clients' process: " : "") + kind, millis / calls));
            met &= percentile(all, 99) < 100_000;
            // one client again, now that IAM holds every user made above: a write that rewrote the
            // whole state would have grown slower with them
            List<Long> later = time(50, new Runnable() {
                int n;

                public void run() {
                    String name = "later-" + n++;
                    clients.iam.createUser(b -> b.userName(name));
                }
            });
            System.out.println("IAM CreateUser, 1 client, " + (50 + clientsCount * (warmup + perClient)) + " users there: " + summary(later));
            if (ownClients) {
                iams.forEach(IamClient::close);
            }
            System.out.println(met ? "targets (p99 < 100 ms): met" : "targets (p99 < 100 ms): NOT met");
        } finally {
            try (var files = Files.walk(data)) {
                files.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        System.exit(met ? 0 : 1);
    }

    private static void printShare(String kind, double millis) {
        if (millis >= 0.005) {
            System.out.printf("    %-50s %.2f ms%n", kind, millis);
        }
    }

    private static URI endpointOf(AutoCloseable sandbox) {
        return sandbox instanceof SandboxProcess p ? p.endpoint() : ((Sandbox) sandbox).endpoint();
    }

    /**
     * A thread per client in {@code iams} (the same client many times: threads of one program),
     * creating {@code perClient} users each at once; their latencies in microseconds.
     */
    static List<Long> concurrentCreates(List<IamClient> iams, int perClient, String prefix) throws InterruptedException {
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < iams.size(); c++) {
            int client = c;
            IamClient iam = iams.get(c);
            Thread thread = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < perClient; i++) {
                    String name = prefix + client + "-u" + i;
                    long t0 = System.nanoTime();
                    iam.createUser(b -> b.userName(name));
                    latencies.add((System.nanoTime() - t0) / 1000);
                }
            });
            thread.start();
            threads.add(thread);
        }
        go.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        return new ArrayList<>(latencies);
    }

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Connections that send the start of a request and then nothing more. */
    static List<Socket> stall(int port, int count) throws IOException {
        List<Socket> sockets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Socket socket = new Socket("127.0.0.1", port);
            socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Never-Ending: ".getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            sockets.add(socket);
        }
        return sockets;
    }

    /** Latencies in microseconds. */
    static List<Long> time(int times, Runnable call) {
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            long t0 = System.nanoTime();
            call.run();
            out.add((System.nanoTime() - t0) / 1000);
        }
        return out;
    }

    static long percentile(List<Long> micros, int p) {
        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    static String summary(List<Long> micros) {
        return String.format("p50 %6.1f ms  p99 %6.1f ms  max %6.1f ms  (n=%d)", percentile(micros, 50) / 1000.0,
                percentile(micros, 99) / 1000.0, Collections.max(micros) / 1000.0, micros.size());
    }
}
