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
 * went first would otherwise pay for the client's warm-up.
 */
final class SmallObjects implements AutoCloseable {
    private static final byte[] ONE_KIB = new byte[1024];

    private final BenchContext context;
    private final S3Client s3;
    private final String bucket = "bench-small-" + Long.toHexString(System.nanoTime());
    private final AtomicLong counter = new AtomicLong();
    private Throughput.Measured put;
    private Throughput.Measured get;

    SmallObjects(BenchContext context, URI endpoint) {
        this.context = context;
        this.s3 = context.client(S3Client.builder().forcePathStyle(true), endpoint, TestSandbox.root(), Sandbox.DEFAULT_REGION);
        s3.createBucket(b -> b.bucket(bucket));
    }

    /** Two rounds of each endpoint in turn; each keeps its last round's figures. */
    static void rounds(List<SmallObjects> endpoints) throws Exception {
        for (int round = 0; round < 2; round++) {
            for (SmallObjects endpoint : endpoints) {
                endpoint.round();
            }
        }
    }

    private void round() throws Exception {
        put = context.measureWithCpu(() -> s3.putObject(b -> b.bucket(bucket).key("k" + (counter.incrementAndGet() % 1000)),
                RequestBody.fromBytes(ONE_KIB)));
        get = context.measureWithCpu(() -> s3.getObjectAsBytes(b -> b.bucket(bucket).key("k1")));
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
