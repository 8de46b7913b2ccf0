package io.awstutor.bench;

import io.awstutor.sandbox.DispatchCost;
import io.awstutor.sandbox.Sandbox;
import io.awstutor.sandbox.TestSandbox;
import io.awstutor.testing.ExternalTools;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * S3: 1 KiB PutObject and GetObject per second (one SDK client, the bench's threads), and a
 * large multipart upload (1 GiB by default; env {@code AWSTUTOR_BENCH_S3_MIB}) with the async
 * client: MB/s and the server process's peak RSS. For the upload the sandbox runs as its own
 * process ({@code awstutor sandbox --data DIR}, heap capped at 256 MiB to show that bodies are
 * streamed), and so does moto_server, so both RSS figures are the server's alone.
 *
 * <p>The small objects are also measured, with the same client and threads, against servers
 * that only answer ({@link CannedS3Server}): the ceiling any emulator could reach with this
 * client on this machine. Each row's note splits the process's CPU per request by kind of
 * thread (the SDK clients, the server's threads, the JDK server's dispatcher, the JIT, GC).
 */
final class S3Bench implements BenchSection {
    /** As {@code scripts/awstutor sandbox} starts its JVM. */
    private static final List<String> SANDBOX_ALONE_FLAGS = SandboxProcess.SANDBOX_JVM_ARGS;

    @Override
    public String title() {
        return "s3";
    }

    @Override
    public void run(BenchContext context, BenchTable table) throws Exception {
        // the sandbox (in this JVM, and alone in its own as `awstutor sandbox` runs it) and two
        // servers that only answer (the ceiling), in alternating rounds
        Throughput.Measured[] ours;
        Throughput.Measured[] raw;
        Throughput.Measured[] jdk;
        Throughput.Measured[] cold;
        Throughput.Measured[] alone;
        Path aloneLog = Files.createTempFile("awstutor-s3-bench-alone", ".log");
        try (CannedS3Server rawServer = CannedS3Server.rawSockets();
             CannedS3Server jdkServer = CannedS3Server.jdkHttpServer();
             SandboxProcess process = SandboxProcess.start(null, aloneLog, SANDBOX_ALONE_FLAGS);
             SmallObjects sandbox = new SmallObjects(context, context.sandbox().endpoint());
             SmallObjects sandboxAlone = new SmallObjects(context, process.endpoint(), process.pid());
             SmallObjects rawCanned = new SmallObjects(context, rawServer.endpoint());
             SmallObjects jdkCanned = new SmallObjects(context, jdkServer.endpoint())) {
            SmallObjects.rounds(List.of(sandbox, sandboxAlone, rawCanned, jdkCanned), SmallObjects.WARMUP);
            ours = new Throughput.Measured[] {sandbox.put(), sandbox.get()};
            cold = new Throughput.Measured[] {sandbox.coldPut(), sandbox.coldGet()};
            alone = new Throughput.Measured[] {sandboxAlone.put(), sandboxAlone.get(), sandboxAlone.coldPut(), sandboxAlone.coldGet()};
            raw = new Throughput.Measured[] {rawCanned.put(), rawCanned.get()};
            jdk = new Throughput.Measured[] {jdkCanned.put(), jdkCanned.get()};
        } finally {
            Files.deleteIfExists(aloneLog);
        }
        String[] peerNote = {"", ""};
        OptionalDouble[] motoRates = {OptionalDouble.empty(), OptionalDouble.empty()};
        if (context.moto().isPresent()) {
            try (SmallObjects theirs = new SmallObjects(context, context.moto().get().endpoint())) {
                SmallObjects.rounds(List.of(theirs), 0); // Python: no JIT to warm, and 40,000 calls would take minutes
                motoRates = new OptionalDouble[] {OptionalDouble.of(theirs.put().perSecond()), OptionalDouble.of(theirs.get().perSecond())};
            }
        }
        if (context.peer().isPresent()) {
            try (SmallObjects peer = new SmallObjects(context, context.peer().get())) {
                SmallObjects.rounds(List.of(peer), SmallObjects.WARMUP);
                Throughput.Measured[] p = {peer.put(), peer.get()};
                Throughput.Measured[] pCold = {peer.coldPut(), peer.coldGet()};
                for (int i = 0; i < 2; i++) {
                    peerNote[i] = String.format(Locale.ROOT, "%s %.0f req/s (sandbox %.2fx; first round %.0f req/s, sandbox %.2fx); ",
                            context.peer().get(), p[i].perSecond(), ours[i].perSecond() / p[i].perSecond(),
                            pCold[i].perSecond(), cold[i].perSecond() / pCold[i].perSecond());
                }
            }
        }
        String[] names = {"PutObject", "GetObject"};
        for (int i = 0; i < 2; i++) {
            table.add(title(), names[i] + " 1 KiB", ours[i].perSecond(), motoRates[i], peerNote[i]
                    + String.format(Locale.ROOT, "after %,d unmeasured calls (first round, JIT cold: %.0f req/s); ",
                            SmallObjects.WARMUP, cold[i].perSecond())
                    + SmallObjects.cpuNote(ours[i]));
        }
        for (int i = 0; i < 2; i++) {
            table.add(title(), names[i] + " 1 KiB, awstutor sandbox process", alone[i].perSecond(), OptionalDouble.empty(),
                    String.format(Locale.ROOT, "`awstutor sandbox` in its own JVM, in memory, as the CLI, boto3, Terraform and the shell's clients meet it;"
                            + " after %,d unmeasured calls (first round: %.0f req/s); ", SmallObjects.WARMUP, alone[i + 2].perSecond())
                            + SmallObjects.cpuNote(alone[i]));
        }
        for (int i = 0; i < 2; i++) {
            ceilingRow(table, names[i], "raw sockets", raw[i], ours[i]);
            ceilingRow(table, names[i], "JDK HttpServer", jdk[i], ours[i]);
        }
        ownWork(context, table, ours);

        long mib = Long.parseLong(System.getenv().getOrDefault("AWSTUTOR_BENCH_S3_MIB", "1024"));
        if (mib <= 0) {
            return; // AWSTUTOR_BENCH_S3_MIB=0: the small objects only
        }
        Path work = Files.createTempDirectory("awstutor-s3-bench");
        try {
            Path file = work.resolve("upload.bin");
            writeRandom(file, mib * 1024 * 1024);
            Upload sandboxUpload = uploadToSandbox(file, work.resolve("data"));
            OptionalDouble motoRate = OptionalDouble.empty();
            String motoRss = "";
            if (context.moto().isPresent()) {
                try {
                    Upload moto = uploadToMoto(file, true);
                    motoRate = OptionalDouble.of(moto.mbPerSecond());
                    motoRss = ", moto peak RSS " + moto.peakRssMib() + " MiB";
                } catch (RuntimeException e) {
                    // moto answers the async client's checksummed aws-chunked parts with 400; retry without checksums
                    try {
                        Upload moto = uploadToMoto(file, false);
                        motoRate = OptionalDouble.of(moto.mbPerSecond());
                        motoRss = ", moto peak RSS " + moto.peakRssMib() + " MiB (moto only without checksums: with"
                                + " them it fails, " + rootMessage(e) + ")";
                    } catch (RuntimeException again) {
                        motoRss = "; moto FAILED the same upload (" + rootMessage(e) + ")";
                    }
                }
            }
            table.add(title(), mib + " MiB multipart upload (MB/s)", sandboxUpload.mbPerSecond(), motoRate,
                    "sandbox peak RSS " + sandboxUpload.peakRssMib() + " MiB (-Xmx256m; " + sandboxUpload.idleRssMib()
                            + " MiB before)" + motoRss);
        } finally {
            deleteTree(work);
        }
    }

    /**
     * The sandbox's own CPU per PutObject and GetObject, without HTTP ({@link DispatchCost}):
     * how much of the CPU per request above is the sandbox's to cut at all.
     */
    private void ownWork(BenchContext context, BenchTable table, Throughput.Measured[] ours) throws Exception {
        List<DispatchCost.Recorded> recorded = DispatchCost.record(endpoint -> {
            try (S3Client s3 = context.client(S3Client.builder().forcePathStyle(true), endpoint, TestSandbox.root(),
                    Sandbox.DEFAULT_REGION)) {
                s3.createBucket(b -> b.bucket("bench-own-work"));
                s3.putObject(b -> b.bucket("bench-own-work").key("k1"), RequestBody.fromBytes(new byte[1024]));
                s3.getObjectAsBytes(b -> b.bucket("bench-own-work").key("k1"));
            }
        });
        Sandbox sandbox = context.sandbox().sandbox();
        DispatchCost.cpuMicros(sandbox, recorded.subList(0, 1), 1);
        String[] names = {"PutObject", "GetObject"};
        for (int i = 0; i < 2; i++) {
            double micros = DispatchCost.cpuMicros(sandbox, Collections.nCopies(2000, recorded.get(i + 1)), 10);
            table.addFigure(title(), names[i] + " 1 KiB: the sandbox's own work", String.format(Locale.ROOT, "%.0f us", micros),
                    String.format(Locale.ROOT, "CPU per request on one thread without HTTP (the dispatcher, SigV4, S3): %.0f%% of"
                            + " the CPU per request above", 100 * micros / 1000 / ours[i].totalPerRequest()));
        }
    }

    /** A row of the ceiling: the same client and threads against a server that only answers ({@link CannedS3Server}). */
    private void ceilingRow(BenchTable table, String operation, String how, Throughput.Measured canned, Throughput.Measured ours) {
        table.add(title(), operation + " 1 KiB, canned answers (" + how + ")", canned.perSecond(), OptionalDouble.empty(),
                String.format(Locale.ROOT, "ceiling: sandbox at %.0f%%; ", 100 * ours.perSecond() / canned.perSecond())
                        + SmallObjects.cpuNote(canned));
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        String m = String.valueOf(t.getMessage());
        return m.length() > 80 ? m.substring(0, 80) : m;
    }

    record Upload(double mbPerSecond, long peakRssMib, long idleRssMib) {
    }

    static Upload uploadToSandbox(Path file, Path data) throws Exception {
        int port = ExternalTools.freePort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", SandboxProcess.OPEN_JDK_SERVER, "-cp", System.getProperty("java.class.path"),
                "io.awstutor.cli.Main", "sandbox", "--port", String.valueOf(port), "--data", data.toString());
        return measureUpload(builder, port, file, true);
    }

    private static Upload uploadToMoto(Path file, boolean checksums) throws Exception {
        int port = ExternalTools.freePort();
        Path moto = ExternalTools.find("moto_server").orElseThrow();
        ProcessBuilder builder = new ProcessBuilder(moto.toString(), "-H", "127.0.0.1", "-p", String.valueOf(port));
        builder.environment().keySet().removeIf(k -> k.startsWith("AWS_"));
        return measureUpload(builder, port, file, checksums);
    }

    /** Starts the server process (ours to stop), uploads, and samples its RSS while it works. */
    private static Upload measureUpload(ProcessBuilder builder, int port, Path file, boolean checksums) throws Exception {
        Path log = Files.createTempFile("awstutor-s3-bench-server", ".log");
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        Process process = builder.start();
        try {
            waitForPort(process, port);
            long idle = rssKib(process.pid());
            AtomicLong peak = new AtomicLong(idle);
            Thread sampler = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    peak.accumulateAndGet(rssKib(process.pid()), Math::max);
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            sampler.setDaemon(true);
            sampler.start();
            URI endpoint = URI.create("http://127.0.0.1:" + port);
            long size = Files.size(file);
            double seconds;
            try (S3AsyncClient s3 = S3AsyncClient.builder().multipartEnabled(true)
                    .multipartConfiguration(c -> c.minimumPartSizeInBytes(16L * 1024 * 1024).thresholdInBytes(16L * 1024 * 1024))
                    .endpointOverride(endpoint).forcePathStyle(true).region(Region.US_EAST_1)
                    .requestChecksumCalculation(checksums ? RequestChecksumCalculation.WHEN_SUPPORTED
                            : RequestChecksumCalculation.WHEN_REQUIRED)
                    .credentialsProvider(StaticCredentialsProvider.create(TestSandbox.root())).build()) {
                s3.createBucket(b -> b.bucket("bench-large")).join();
                long start = System.nanoTime();
                s3.putObject(b -> b.bucket("bench-large").key("large.bin"), AsyncRequestBody.fromFile(file)).join();
                seconds = (System.nanoTime() - start) / 1e9;
                long stored = s3.headObject(b -> b.bucket("bench-large").key("large.bin")).join().contentLength();
                if (stored != size) {
                    throw new IllegalStateException("stored " + stored + " bytes of " + size);
                }
            }
            sampler.interrupt();
            sampler.join();
            return new Upload(size / 1e6 / seconds, peak.get() / 1024, idle / 1024);
        } catch (RuntimeException e) {
            System.err.println("the server's output (" + log + "):\n" + Files.readString(log));
            throw e;
        } finally {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            Files.deleteIfExists(log);
        }
    }

    /** Resident set of the process and its children (moto_server may fork), from /proc. */
    private static long rssKib(long pid) {
        List<Long> pids = new ArrayList<>();
        pids.add(pid);
        ProcessHandle.of(pid).ifPresent(h -> h.descendants().forEach(d -> pids.add(d.pid())));
        long total = 0;
        for (long p : pids) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(p), "status"))) {
                    if (line.startsWith("VmRSS:")) {
                        total += Long.parseLong(line.replaceAll("[^0-9]", ""));
                    }
                }
            } catch (IOException | NumberFormatException gone) {
                // the process ended between listing and reading
            }
        }
        return total;
    }

    private static void waitForPort(Process process, int port) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("server exited with " + process.exitValue());
            }
            try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("server did not listen on " + port);
    }

    static void writeRandom(Path file, long size) throws IOException {
        byte[] chunk = new byte[8 * 1024 * 1024];
        new Random(42).nextBytes(chunk);
        try (OutputStream out = Files.newOutputStream(file)) {
            long left = size;
            while (left > 0) {
                int n = (int) Math.min(chunk.length, left);
                chunk[0]++;
                out.write(chunk, 0, n);
                left -= n;
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
