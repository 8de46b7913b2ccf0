package io.awstutor.bench;

import io.awstutor.sandbox.Sandbox;
import io.awstutor.sandbox.TestSandbox;
import io.awstutor.testing.ExternalTools;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.regions.Region;
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
import java.util.List;
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
 */
final class S3Bench implements BenchSection {
    private static final byte[] ONE_KIB = new byte[1024];

    @Override
    public String title() {
        return "s3";
    }

    @Override
    public void run(BenchContext context, BenchTable table) throws Exception {
        URI sandbox = context.sandbox().endpoint();
        double[] ours = smallObjects(context, sandbox);
        OptionalDouble motoPut = OptionalDouble.empty();
        OptionalDouble motoGet = OptionalDouble.empty();
        if (context.moto().isPresent()) {
            double[] theirs = smallObjects(context, context.moto().get().endpoint());
            motoPut = OptionalDouble.of(theirs[0]);
            motoGet = OptionalDouble.of(theirs[1]);
        }
        String peerPut = "";
        String peerGet = "";
        if (context.peer().isPresent()) {
            double[] peer = smallObjects(context, context.peer().get());
            peerPut = String.format(java.util.Locale.ROOT, "%s %.0f req/s (sandbox %.2fx)", context.peer().get(), peer[0], ours[0] / peer[0]);
            peerGet = String.format(java.util.Locale.ROOT, "%s %.0f req/s (sandbox %.2fx)", context.peer().get(), peer[1], ours[1] / peer[1]);
        }
        table.add(title(), "PutObject 1 KiB", ours[0], motoPut, peerPut);
        table.add(title(), "GetObject 1 KiB", ours[1], motoGet, peerGet);

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

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        String m = String.valueOf(t.getMessage());
        return m.length() > 80 ? m.substring(0, 80) : m;
    }

    private static double[] smallObjects(BenchContext context, URI endpoint) throws Exception {
        try (S3Client s3 = context.client(S3Client.builder().forcePathStyle(true), endpoint, TestSandbox.root(),
                Sandbox.DEFAULT_REGION)) {
            String bucket = "bench-small-" + Long.toHexString(System.nanoTime());
            s3.createBucket(b -> b.bucket(bucket));
            AtomicLong counter = new AtomicLong();
            double put = 0;
            double get = 0;
            for (int round = 0; round < 2; round++) { // two rounds: no endpoint meets a cold client; the second counts
                put = context.measure(() -> s3.putObject(b -> b.bucket(bucket).key("k" + (counter.incrementAndGet() % 1000)),
                        RequestBody.fromBytes(ONE_KIB)));
                get = context.measure(() -> s3.getObjectAsBytes(b -> b.bucket(bucket).key("k1")));
            }
            return new double[] {put, get};
        }
    }

    record Upload(double mbPerSecond, long peakRssMib, long idleRssMib) {
    }

    static Upload uploadToSandbox(Path file, Path data) throws Exception {
        int port = ExternalTools.freePort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
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
