package io.awstutor.sandbox.http;

import io.awstutor.sandbox.SandboxOptions;
import io.awstutor.sandbox.TestSandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Issue 16: a client that stops sending in the middle of a request is disconnected after the
 * read idle timeout (here 1 s) instead of holding a thread forever, whether it stalls in its
 * headers or in its body; an upload that is slow but keeps sending takes as long as it takes.
 */
class StalledClientTest {
    private static final Duration IDLE = Duration.ofSeconds(1);
    private static TestSandbox box;

    @BeforeAll
    static void start() {
        box = TestSandbox.start(SandboxOptions.inMemory().withTimeScale(0).withReadIdleTimeout(IDLE));
        box.s3().createBucket(b -> b.bucket("slow"));
    }

    @AfterAll
    static void stop() {
        box.close();
    }

    /** Sends {@code start} and nothing more; returns how long the server kept the connection open (fails past 8 s). */
    private static long secondsUntilClosed(String start) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", box.port())) {
            socket.setSoTimeout(8_000);
            socket.getOutputStream().write(start.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            long t0 = System.nanoTime();
            InputStream in = socket.getInputStream();
            try {
                while (in.read() != -1) {
                    // whatever the server says before it closes (nothing, for a connection it cut)
                }
            } catch (SocketTimeoutException e) {
                fail("the server still held the stalled connection after 8 s");
            } catch (IOException reset) {
                // closed by the server: what is expected
            }
            return (System.nanoTime() - t0) / 1_000_000_000;
        }
    }

    @Test
    void aClientStalledInItsHeadersIsDisconnected() throws Exception {
        long seconds = secondsUntilClosed("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Never-Ending: ");
        assertTrue(seconds <= 4, "closed after " + seconds + " s");
    }

    @Test
    void aClientStalledInItsBodyIsDisconnected() throws Exception {
        long seconds = secondsUntilClosed("PUT /slow/half HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n\r\n0123456789");
        assertTrue(seconds <= 4, "closed after " + seconds + " s");
    }

    @Test
    void aSlowUploadThatKeepsSendingIsNotCut() throws Exception {
        java.net.URL url;
        try (S3Presigner presigner = box.presigner()) {
            url = presigner.presignPutObject(r -> r.signatureDuration(Duration.ofMinutes(10))
                    .putObjectRequest(p -> p.bucket("slow").key("steady"))).url();
        }
        byte[] data = new byte[6 * 1024];
        Arrays.fill(data, (byte) 'x');
        try (Socket socket = new Socket("127.0.0.1", box.port())) {
            socket.setSoTimeout(8_000);
            OutputStream out = socket.getOutputStream();
            out.write(("PUT " + url.getFile() + " HTTP/1.1\r\nHost: " + url.getHost() + ":" + url.getPort()
                    + "\r\nContent-Length: " + data.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            // 1 KiB every 600 ms: about 3 s in all, three times the idle timeout, never idle for one
            for (int i = 0; i < data.length; i += 1024) {
                if (i > 0) {
                    Thread.sleep(600);
                }
                out.write(data, i, 1024);
                out.flush();
            }
            String status = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            assertTrue(status.endsWith("200"), status);
        }
        assertArrayEquals(data, box.s3().getObjectAsBytes(b -> b.bucket("slow").key("steady")).asByteArray());
    }
}
