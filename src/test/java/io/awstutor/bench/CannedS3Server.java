package io.awstutor.bench;

import io.awstutor.testing.HttpLines;

import com.sun.net.httpserver.HttpServer;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The ceiling of the S3 small-object bench: an HTTP server that does nothing but answer. Every
 * PUT gets 200 with the headers S3 sends for a PutObject (ETag, checksum, request ids), every
 * GET the same fixed 1 KiB body with GetObject's headers; no state, no signature check, no
 * parsing beyond what HTTP/1.1 needs to find the next request (Content-Length, chunked,
 * {@code Expect: 100-continue}). What a client reaches against it is as far as any emulator
 * could go with that client on this machine.
 *
 * <p>Two ways: plain blocking sockets, a thread per connection ({@link #rawSockets()}), the
 * least work a Java server can do per request; and the JDK's {@code HttpServer} with a pool
 * like the sandbox's ({@link #jdkHttpServer()}), which tells the JDK server's own share.
 * Threads are named {@code canned-s3-*} so that {@link ThreadCpu} can tell them apart.
 */
final class CannedS3Server implements AutoCloseable {
    private static final String DATE = "Sun, 06 Dec 2026 09:21:58 GMT";
    private static final String ETAG = "\"0f343b0931126a20f133d67c2b018a3b\"";
    private static final byte[] BODY = new byte[1024];
    private static final String PUT_HEADERS = "Date: " + DATE + "\r\nETag: " + ETAG
            + "\r\nx-amz-checksum-crc32: 77WvLg==\r\nx-amz-checksum-type: FULL_OBJECT"
            + "\r\nx-amz-id-2: sLouN4G20cfA89iazr9/ggRq7zFmkTYox6flSyBTlw6kNQutGcn73GeMCSnVw+mr"
            + "\r\nx-amz-request-id: 790AE0D466792F2F\r\nx-amz-server-side-encryption: AES256\r\n";
    private static final String GET_HEADERS = "Accept-Ranges: bytes\r\nContent-Type: application/octet-stream\r\nDate: "
            + DATE + "\r\nETag: " + ETAG + "\r\nLast-Modified: " + DATE
            + "\r\nx-amz-id-2: PkVfDYkbeyn8sjC2hWEvquIqkPI0hz1OutvbBabqLiZxYLONjTQf57ZnLUUm1KB9"
            + "\r\nx-amz-request-id: 83F419BAEC14AF09\r\nx-amz-server-side-encryption: AES256\r\n";
    private static final byte[] PUT_ANSWER = ascii("HTTP/1.1 200 OK\r\n" + PUT_HEADERS + "Content-Length: 0\r\n\r\n");
    private static final byte[] GET_ANSWER = concat(ascii("HTTP/1.1 200 OK\r\n" + GET_HEADERS + "Content-Length: 1024\r\n\r\n"), BODY);
    private static final byte[] HEAD_ANSWER = ascii("HTTP/1.1 200 OK\r\n" + GET_HEADERS + "Content-Length: 1024\r\n\r\n");
    private static final byte[] OTHER_ANSWER = ascii("HTTP/1.1 204 No Content\r\n\r\n");
    private static final byte[] CONTINUE = ascii("HTTP/1.1 100 Continue\r\n\r\n");

    private final AutoCloseable stop;
    private final URI endpoint;

    private CannedS3Server(AutoCloseable stop, int port) {
        this.stop = stop;
        this.endpoint = URI.create("http://127.0.0.1:" + port);
    }

    URI endpoint() {
        return endpoint;
    }

    /** Blocking sockets, one thread per connection: the least a Java HTTP server can do per request. */
    static CannedS3Server rawSockets() throws IOException {
        ServerSocket listener = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
        AtomicInteger counter = new AtomicInteger();
        Thread acceptor = new Thread(() -> {
            while (!listener.isClosed()) {
                try {
                    Socket socket = listener.accept();
                    Thread connection = new Thread(() -> serve(socket), "canned-s3-" + counter.incrementAndGet());
                    connection.setDaemon(true);
                    connection.start();
                } catch (IOException closed) {
                    return;
                }
            }
        }, "canned-s3-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        return new CannedS3Server(listener, listener.getLocalPort());
    }

    /** The JDK's HttpServer with canned answers, on a pool like the sandbox's (a thread per exchange in progress). */
    static CannedS3Server jdkHttpServer() throws IOException {
        System.setProperty("sun.net.httpserver.nodelay", "true"); // as SandboxServer sets it, already done in a bench run
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        AtomicInteger counter = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(16, 4096, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread thread = new Thread(r, "canned-s3-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }, new ThreadPoolExecutor.CallerRunsPolicy());
        server.setExecutor(pool);
        server.createContext("/", exchange -> {
            try (exchange) {
                exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
                String method = exchange.getRequestMethod();
                String headers = "GET".equals(method) || "HEAD".equals(method) ? GET_HEADERS : "PUT".equals(method) ? PUT_HEADERS : "";
                for (String line : headers.split("\r\n")) {
                    int colon = line.indexOf(':');
                    exchange.getResponseHeaders().add(line.substring(0, colon), line.substring(colon + 2));
                }
                if ("GET".equals(method)) {
                    exchange.sendResponseHeaders(200, BODY.length);
                    exchange.getResponseBody().write(BODY);
                } else {
                    exchange.sendResponseHeaders("PUT".equals(method) ? 200 : 204, -1);
                }
            }
        });
        server.start();
        return new CannedS3Server(() -> {
            server.stop(0);
            pool.shutdownNow();
        }, server.getAddress().getPort());
    }

    private static void serve(Socket socket) {
        try (socket) {
            socket.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            OutputStream out = socket.getOutputStream();
            StringBuilder line = new StringBuilder();
            while (true) {
                String requestLine = HttpLines.readLine(in, line);
                if (requestLine == null) {
                    return;
                }
                long length = 0;
                boolean chunked = false;
                boolean expectContinue = false;
                boolean close = false;
                String header;
                while ((header = HttpLines.readLine(in, line)) != null && !header.isEmpty()) {
                    int colon = header.indexOf(':');
                    String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                    String value = header.substring(colon + 1).trim();
                    switch (name) {
                        case "content-length" -> length = Long.parseLong(value);
                        case "transfer-encoding" -> chunked = value.equalsIgnoreCase("chunked");
                        case "expect" -> expectContinue = value.equalsIgnoreCase("100-continue");
                        case "connection" -> close = value.equalsIgnoreCase("close");
                        default -> { }
                    }
                }
                if (header == null) {
                    return;
                }
                if (expectContinue) {
                    out.write(CONTINUE);
                    out.flush();
                }
                if (chunked) {
                    skipChunked(in, line);
                } else {
                    in.skipNBytes(length);
                }
                String method = requestLine.substring(0, requestLine.indexOf(' '));
                out.write(switch (method) {
                    case "GET" -> GET_ANSWER;
                    case "HEAD" -> HEAD_ANSWER;
                    case "PUT" -> PUT_ANSWER;
                    default -> OTHER_ANSWER;
                });
                out.flush();
                if (close) {
                    return;
                }
            }
        } catch (IOException | RuntimeException gone) {
            // the client closed the connection (or sent what this server does not read): done with it
        }
    }

    private static void skipChunked(InputStream in, StringBuilder line) throws IOException {
        while (true) {
            String size = HttpLines.readLine(in, line);
            int semicolon = size.indexOf(';');
            long n = Long.parseLong((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
            if (n == 0) {
                String trailer;
                while ((trailer = HttpLines.readLine(in, line)) != null && !trailer.isEmpty()) {
                    // trailers: nothing to keep
                }
                return;
            }
            in.skipNBytes(n);
            HttpLines.readLine(in, line);
        }
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    @Override
    public void close() throws Exception {
        stop.close();
    }
}
