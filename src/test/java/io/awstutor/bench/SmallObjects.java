package io.awstutor.bench;

import io.awstutor.sandbox.Sandbox;
import io.awstutor.sandbox.TestSandbox;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * 1 KiB PutObject and GetObject against one endpoint with one SDK client and the bench's
 * threads. Endpoints compared in one run are measured in alternating rounds ({@link #rounds}):
 * the client's own code keeps getting faster as the JIT compiles it, so whichever endpoint
 * went first would otherwise pay for the client's warm-up. The figures are the JIT's steady
 * state ({@link #WARMUP}); the first round's are kept beside them.
 */
final class SmallObjects implements AutoCloseable {
    private static final byte[] ONE_KIB = new byte[1024];

    private final BenchContext context;
    private final S3Client s3;
    private final String bucket = "bench-small-" + Long.toHexString(System.nanoTime());
    private final AtomicLong counter = new AtomicLong();
    private Throughput.Measured put;
    private Throughput.Measured get;
    private Throughput.Measured coldPut;
    private Throughput.Measured coldGet;

    /** The server's process when it is not this JVM (its CPU is added to the figures), or 0. */
    private final long serverPid;

    SmallObjects(BenchContext context, URI endpoint) {
        this(context, endpoint, 0);
    }

    SmallObjects(BenchContext context, URI endpoint, long serverPid) {
        this.context = context;
        this.serverPid = serverPid;
        this.s3 = context.client(S3Client.builder().forcePathStyle(true).requestChecksumCalculation(CHECKSUMS), endpoint,
                TestSandbox.root(), Sandbox.DEFAULT_REGION);
        s3.createBucket(b -> b.bucket(bucket));
    }

    /**
     * Unmeasured calls per operation and endpoint between the first round and the measured one
     * ({@code AWSTUTOR_BENCH_S3_WARMUP}, default 40,000). C2 compiles a method after some ten
     * thousand calls, so a server is still being compiled through its first 20,000 requests
     * (then the JIT took about a third of the CPU per GetObject); what a sandbox serving a
     * workshop keeps is the figure after that. The first round is printed too.
     */
    /**
     * The client's request checksums, the same for every endpoint: the SDK's default (a CRC32
     * trailer on an aws-chunked body), or {@code AWSTUTOR_BENCH_S3_CHECKSUMS=when_required}
     * (plain bodies) for a peer that refuses the trailers, as S3Proxy 2.6 does.
     */
    static final software.amazon.awssdk.core.checksums.RequestChecksumCalculation CHECKSUMS =
            "when_required".equalsIgnoreCase(System.getenv("AWSTUTOR_BENCH_S3_CHECKSUMS"))
                    ? software.amazon.awssdk.core.checksums.RequestChecksumCalculation.WHEN_REQUIRED
                    : software.amazon.awssdk.core.checksums.RequestChecksumCalculation.WHEN_SUPPORTED;

    static final int WARMUP = Integer.parseInt(System.getenv().getOrDefault("AWSTUTOR_BENCH_S3_WARMUP", "40000"));

    /**
     * A first round of each endpoint in turn (kept as its cold figures), the warm-up, then the
     * measured round, again in turn.
     */
    static void rounds(List<SmallObjects> endpoints, int warmup) throws Exception {
        for (SmallObjects endpoint : endpoints) {
            endpoint.round();
            endpoint.coldPut = endpoint.put;
            endpoint.coldGet = endpoint.get;
        }
        for (SmallObjects endpoint : endpoints) {
            endpoint.warmUp(warmup);
        }
        for (SmallObjects endpoint : endpoints) {
            endpoint.round();
        }
    }

    private void round() throws Exception {
        put = measure(this::putOne);
        get = measure(this::getOne);
    }

    /** The bench's CPU by kind of thread, and the server process's, kind by kind, when it has its own. */
    private Throughput.Measured measure(java.util.concurrent.Callable<?> call) throws Exception {
        if (serverPid <= 0) {
            return context.measureWithCpu(call);
        }
        ThreadCpu before = ThreadCpu.ofProcess(serverPid);
        Throughput.Measured ours = context.measureWithCpu(call);
        java.util.Map<String, Double> cpu = new java.util.LinkedHashMap<>(ours.cpuMillis());
        ThreadCpu.ofProcess(serverPid).since(before).forEach((kind, millis) -> cpu.merge(kind, millis, Double::sum));
        return new Throughput.Measured(ours.perSecond(), ours.requests(), cpu);
    }

    private void warmUp(int calls) throws Exception {
        Throughput.run(this::putOne, context.threads(), calls);
        Throughput.run(this::getOne, context.threads(), calls);
    }

    private Object putOne() {
        return s3.putObject(b -> b.bucket(bucket).key("k" + (counter.incrementAndGet() % 1000)), RequestBody.fromBytes(ONE_KIB));
    }

    private Object getOne() {
        return s3.getObjectAsBytes(b -> b.bucket(bucket).key("k1"));
    }

    /** The first round's figures, before the warm-up. */
    Throughput.Measured coldPut() {
        return coldPut;
    }

    Throughput.Measured coldGet() {
        return coldGet;
    }

    Throughput.Measured put() {
        return put;
    }

    Throughput.Measured get() {
        return get;
    }

    /** CPU milliseconds per request by kind of thread: what the client costs beside the server. */
    static String cpuNote(Throughput.Measured m) {
        if (m.cpuMillis().isEmpty()) {
            return "";
        }
        double clients = m.perRequest("bench clients", "ended threads");
        double server = m.perRequest("sandbox request threads", "canned server threads");
        double dispatcher = m.perRequest("sandbox connection dispatcher");
        double jit = m.perRequest("JIT");
        double gc = m.perRequest("GC and VM");
        double total = m.totalPerRequest();
        return String.format(Locale.ROOT,
                "CPU/req %.3f ms: clients %.3f, server threads %.3f, JDK dispatcher %.3f, JIT %.3f, GC+VM %.3f, other %.3f",
                total, clients, server, dispatcher, jit, gc, total - clients - server - dispatcher - jit - gc);
    }

    @Override
    public void close() {
        s3.close();
    }
}
