package io.awstutor.bench;

import io.awstutor.workshop.EventKind;
import io.awstutor.workshop.Wire;
import io.awstutor.workshop.WorkshopEvent;
import io.awstutor.workshop.join.Membership;
import io.awstutor.workshop.join.WorkshopClient;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code scripts/bench-workshop}: one workshop server (its own process, so its memory and CPU
 * are its own) and N simulated learners, each every second or so sending two events and
 * making one S3 call with their own account's keys. Measured: event-to-dashboard latency, from
 * a learner sending an event to the dashboard's board fragment fetched after the server-sent
 * event announced it, p50/p99, refreshing as app.js does (a region's refresh waits 150 ms for
 * more events, then fetches; events during a fetch start the next wait at once); where that time
 * goes (the learner's POST answered, the event on the dashboard's stream, the board's fetch);
 * the server's RSS and CPU. Arguments: {@code [--learners N] [--seconds S] [--data] [--bundled]}
 * ({@code --data}: the server keeps everything in a data folder, as a class would run, each batch
 * on disk before it is acknowledged; {@code --bundled}: the bundled lessons, a board of 78 steps,
 * instead of the bench's one-lesson set).
 */
public final class WorkshopBench {
    private static final long DEBOUNCE_MILLIS = 150;

    private WorkshopBench() {
    }

    public static void main(String[] args) throws Exception {
        int learners = 100;
        int seconds = 30;
        boolean data = false;
        boolean bundled = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data" -> data = true;
                case "--bundled" -> bundled = true;
                case "--learners" -> learners = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Math.min(300, Integer.parseInt(args[++i]));
                default -> {
                    System.err.println("usage: bench-workshop [--learners N] [--seconds S] [--data] [--bundled]");
                    System.exit(2);
                }
            }
        }
        Path home = Files.createTempDirectory("bench-workshop");
        Process server = startServer(home, data, bundled);
        // the steps the simulated learners report on: the bench lesson's, or the first bundled ones
        List<io.awstutor.workshop.StepRef> steps = bundled ? io.awstutor.workshop.ClassBoard.columnsOf(io.awstutor.lesson.LessonCatalog.bundled()).stream()
                .map(io.awstutor.workshop.ClassBoard.Column::ref).limit(12).toList() : List.of(new io.awstutor.workshop.StepRef("warm-up", "a-bucket-of-your-own"));
        try {
            Map<String, String> printed = readBanner(server.getInputStream());
            String base = printed.get("url");
            String token = printed.get("token");
            System.err.printf("server pid %d at %s; %d learners for %d s%n", server.pid(), base, learners, seconds);
            run(server.pid(), URI.create(base), printed.get("code"), token, learners, seconds, steps);
        } finally {
            server.destroy();
            server.waitFor(10, TimeUnit.SECONDS);
            server.destroyForcibly();
            server.waitFor(10, TimeUnit.SECONDS);
            removeAll(home);
        }
    }

    /** The server's home and data folder go when the bench ends: each run writes its own. */
    private static void removeAll(Path folder) {
        try (var paths = Files.walk(folder)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (java.io.IOException e) {
            System.err.println("bench-workshop: could not remove " + folder + ": " + e.getMessage());
        }
    }

    private static Process startServer(Path home, boolean data, boolean bundled) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), SandboxProcess.OPEN_JDK_SERVER, "-cp",
                System.getProperty("java.class.path"), "io.awstutor.cli.Main", "workshop", "serve", "--name", "bench"));
        if (!bundled) {
            command.addAll(List.of("--lessons", "src/test/resources/workshop-lessons"));
        }
        if (data) {
            command.addAll(List.of("--data", home.resolve("class").toString()));
        }
        System.err.println("server data: " + (data ? home.resolve("class") : "in memory"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("AWSTUTOR_HOME", home.toString());
        return builder.start();
    }

    private static Map<String, String> readBanner(InputStream out) throws Exception {
        BufferedReader reader = new BufferedReader(new InputStreamReader(out, StandardCharsets.UTF_8));
        Map<String, String> found = new ConcurrentHashMap<>();
        for (String line; (line = reader.readLine()) != null && found.size() < 3; ) {
            String trimmed = line.strip();
            if (trimmed.startsWith("Join code:")) {
                found.put("code", trimmed.substring("Join code:".length()).strip());
            } else if (trimmed.startsWith("Learners run:")) {
                String url = trimmed.substring(trimmed.indexOf("--join ") + 7).strip();
                found.put("url", url.substring(0, url.lastIndexOf('/')));
            } else if (trimmed.startsWith("Instructor token:")) {
                found.put("token", trimmed.split("\\s+")[2]);
            }
        }
        Thread drain = new Thread(() -> {
            try {
                reader.transferTo(java.io.Writer.nullWriter());
            } catch (Exception ignored) {
                // the server ended
            }
        });
        drain.setDaemon(true);
        drain.start();
        return found;
    }

    private static void run(long pid, URI base, String code, String token, int learners, int seconds,
                            List<io.awstutor.workshop.StepRef> steps) throws Exception {
        WorkshopClient client = new WorkshopClient();
        List<Membership> members = new ArrayList<>();
        for (int i = 0; i < learners; i++) {
            Wire.JoinAnswer a = client.join(base, code, "learner " + i);
            members.add(new Membership(base.toString(), code, a.workshop(), a.learnerId(), a.learnerName(), a.token(), a.accountId(),
                    a.accessKeyId(), a.secretAccessKey(), a.region()));
        }
        Map<String, Long> lastSent = new ConcurrentHashMap<>();
        Timings timings = new Timings();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long deadline = System.currentTimeMillis() + seconds * 1000L;
        LiveRegion board = new LiveRegion(http, base.resolve(Wire.PREFIX + "/board"), token, timings);

        Thread sse = new Thread(() -> readEvents(http, base, token, lastSent, board, timings), "bench-sse");
        sse.setDaemon(true);
        sse.start();

        long cpuBefore = cpuMillis(pid);
        long wallBefore = System.currentTimeMillis();
        AtomicLong events = new AtomicLong();
        AtomicLong calls = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long peakRss = 0;
        SdkHttpClient sdkHttp = ApacheHttpClient.builder().maxConnections(learners + 8).build();
        List<Thread> threads = new ArrayList<>();
        for (Membership member : members) {
            Thread t = new Thread(() -> learn(member, steps, client, sdkHttp, base, deadline, lastSent, timings, events, calls, errors), "learner");
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        while (System.currentTimeMillis() < deadline) {
            Thread.sleep(500);
            peakRss = Math.max(peakRss, rssKib(pid));
        }
        for (Thread t : threads) {
            t.join(10_000);
        }
        long wall = System.currentTimeMillis() - wallBefore;
        long cpu = cpuMillis(pid) - cpuBefore;
        Thread.sleep(2000); // the last refreshes
        board.close();
        sdkHttp.close();

        List<Long> sorted = Timings.sorted(timings.latency);
        System.out.printf("learners                  %d%n", learners);
        System.out.printf("events accepted           %d (%.0f/s)%n", events.get(), events.get() * 1000.0 / wall);
        System.out.printf("sandbox calls (S3)        %d (%.0f/s), %d failed%n", calls.get(), calls.get() * 1000.0 / wall, errors.get());
        System.out.printf("event-to-dashboard p50    %d ms%n", percentile(sorted, 50));
        System.out.printf("event-to-dashboard p99    %d ms   (goal: under 1000 ms; %d samples; includes app.js's %d ms debounce)%n",
                percentile(sorted, 99), sorted.size(), DEBOUNCE_MILLIS);
        System.out.println("where the time goes (p50 / p99):");
        timings.print("  learner's POST answered ", timings.ingest);
        timings.print("  sent to dashboard stream", timings.toStream);
        timings.print("  board fetched (render)  ", timings.fetch);
        System.out.printf("server RSS (peak)         %d MiB%n", peakRss / 1024);
        System.out.printf("server CPU                %.0f%% of one core (%d ms CPU over %d ms)%n", cpu * 100.0 / wall, cpu, wall);
    }

    private static void learn(Membership member, List<io.awstutor.workshop.StepRef> steps, WorkshopClient client, SdkHttpClient sdkHttp, URI base, long deadline,
                              Map<String, Long> lastSent, Timings timings, AtomicLong events, AtomicLong calls, AtomicLong errors) {
        try (S3Client s3 = S3Client.builder().endpointOverride(base).region(Region.US_EAST_1).forcePathStyle(true).httpClient(sdkHttp)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(member.accessKeyId(), member.secretAccessKey())))
                .build()) {
            String bucket = "bench-" + member.accountId();
            s3.createBucket(b -> b.bucket(bucket));
            ThreadLocalRandom random = ThreadLocalRandom.current();
            Thread.sleep(random.nextLong(1000));
            int n = 0;
            while (System.currentTimeMillis() < deadline) {
                io.awstutor.workshop.StepRef step = steps.get(Math.min(steps.size() - 1, n / 3));
                List<WorkshopEvent> batch = List.of(
                        WorkshopEvent.of(n % 3 == 0 ? EventKind.STEP_ENTERED : EventKind.CHECK_FAILED, System.currentTimeMillis(),
                                step.lesson(), step.step()).withMessage("There is no bucket named x yet."),
                        WorkshopEvent.of(n % 3 == 2 ? EventKind.CHECK_PASSED : EventKind.AWS_ERROR, System.currentTimeMillis(),
                                step.lesson(), step.step()).withError("S3", "GetObject", "NoSuchKey"));
                long sent = System.currentTimeMillis();
                lastSent.putIfAbsent(member.learnerId(), sent);
                events.addAndGet(client.send(member, batch, 0).accepted());
                timings.ingest.add(System.currentTimeMillis() - sent);
                try {
                    int k = n++;
                    s3.putObject(b -> b.bucket(bucket).key("k" + k), RequestBody.fromString("x"));
                    calls.incrementAndGet();
                } catch (RuntimeException e) {
                    errors.incrementAndGet();
                }
                Thread.sleep(800 + random.nextLong(400));
            }
        } catch (Exception e) {
            errors.incrementAndGet();
        }
    }

    /** Each "learner" event names whose events arrived: that learner's oldest unannounced send is now on its way to the page. */
    private static void readEvents(HttpClient http, URI base, String token, Map<String, Long> lastSent, LiveRegion board,
                                   Timings timings) {
        try {
            HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(base.resolve(Wire.PREFIX + "/events"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofInputStream());
            BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
            String event = null;
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.startsWith("event: ")) {
                    event = line.substring(7);
                } else if (line.startsWith("data: ") && "learner".equals(event)) {
                    Long sent = lastSent.remove(line.substring(6));
                    if (sent != null) {
                        timings.toStream.add(System.currentTimeMillis() - sent);
                        board.refresh(sent);
                    }
                }
            }
        } catch (Exception e) {
            // the bench ended
        }
    }

    /** Latencies in milliseconds, by stage. */
    private static final class Timings {
        final List<Long> ingest = Collections.synchronizedList(new ArrayList<>());
        final List<Long> toStream = Collections.synchronizedList(new ArrayList<>());
        final List<Long> fetch = Collections.synchronizedList(new ArrayList<>());
        final List<Long> latency = Collections.synchronizedList(new ArrayList<>());

        static List<Long> sorted(List<Long> values) {
            List<Long> sorted;
            synchronized (values) {
                sorted = new ArrayList<>(values);
            }
            Collections.sort(sorted);
            return sorted;
        }

        void print(String label, List<Long> values) {
            List<Long> sorted = sorted(values);
            System.out.printf("%s %5d / %5d ms%n", label, percentile(sorted, 50), percentile(sorted, 99));
        }
    }

    /**
     * The dashboard's board as app.js keeps it: an event starts a 150 ms wait unless one is
     * already running; when it ends, the board is fetched, and an event arriving during that
     * fetch starts the next wait at once (fetches may overlap, as in the browser). An event is on
     * the page when the first fetch started after it arrived is back.
     */
    private static final class LiveRegion implements AutoCloseable {
        private final HttpClient http;
        private final URI url;
        private final String token;
        private final Timings timings;
        private final java.util.concurrent.ScheduledExecutorService timer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        private final java.util.concurrent.ExecutorService fetches = java.util.concurrent.Executors.newCachedThreadPool();
        /** Guarded by {@code this}: the send times of events announced and not yet in a fetch. */
        private final List<Long> waiting = new ArrayList<>();
        private boolean timerPending;

        LiveRegion(HttpClient http, URI url, String token, Timings timings) {
            this.http = http;
            this.url = url;
            this.token = token;
            this.timings = timings;
        }

        synchronized void refresh(long sent) {
            waiting.add(sent);
            if (!timerPending) {
                timerPending = true;
                timer.schedule(this::fire, DEBOUNCE_MILLIS, TimeUnit.MILLISECONDS);
            }
        }

        private void fire() {
            List<Long> batch;
            synchronized (this) {
                timerPending = false;
                batch = new ArrayList<>(waiting);
                waiting.clear();
            }
            fetches.execute(() -> {
                long start = System.currentTimeMillis();
                try {
                    http.send(HttpRequest.newBuilder(url).header("Authorization", "Bearer " + token).build(),
                            HttpResponse.BodyHandlers.discarding());
                } catch (Exception e) {
                    return;
                }
                long end = System.currentTimeMillis();
                timings.fetch.add(end - start);
                batch.forEach(sent -> timings.latency.add(end - sent));
            });
        }

        @Override
        public void close() {
            timer.shutdownNow();
            fetches.shutdownNow();
        }
    }

    private static long percentile(List<Long> sorted, int p) {
        return sorted.isEmpty() ? -1 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static long cpuMillis(long pid) throws Exception {
        String[] stat = Files.readString(Path.of("/proc/" + pid + "/stat")).replaceAll("^.*\\) ", "").split(" ");
        long ticks = Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
        return ticks * 10; // USER_HZ is 100 on Linux
    }

    private static long rssKib(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream().filter(l -> l.startsWith("VmRSS:"))
                    .map(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(0L);
        } catch (Exception e) {
            return 0;
        }
    }
}
