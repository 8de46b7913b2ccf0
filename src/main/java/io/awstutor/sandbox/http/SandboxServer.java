package io.awstutor.sandbox.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The sandbox's one listener, on 127.0.0.1 only (it serves whoever can reach it, with the
 * well-known root keys, so it must never face a network).
 *
 * <p>It is the JDK's own {@code com.sun.net.httpserver.HttpServer}: no dependency to add, it
 * streams request and response bodies (S3 objects never sit whole in memory), decodes
 * {@code Transfer-Encoding: chunked}, and answers {@code Expect: 100-continue} itself before
 * the handler reads the body, which the SDK's and the CLI's uploads rely on (tested in
 * SandboxHttpTest). Requests run on a bounded pool; when it is full, the accepting thread
 * runs the request itself, which slows accepting instead of dropping connections.
 */
public final class SandboxServer implements AutoCloseable {
    static {
        // Without TCP_NODELAY, small responses wait for the client's delayed ACK (~40 ms each).
        // The JDK server reads this once, when its configuration class loads.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        // An error answered before the body was read (a PUT to a missing bucket): the JDK
        // reads and drops what is left, up to this much, before reusing the connection;
        // beyond it, it closes the socket while the client still sends, and a client that
        // didn't ask "Expect: 100-continue" gets a reset instead of S3's error (64 KiB by default).
        if (System.getProperty("sun.net.httpserver.drainAmount") == null) {
            System.setProperty("sun.net.httpserver.drainAmount", Long.toString(64L * 1024 * 1024));
        }
    }

    private static final int THREADS = 64;

    private final HttpServer server;
    private final ThreadPoolExecutor pool;

    private SandboxServer(HttpServer server, ThreadPoolExecutor pool) {
        this.server = server;
        this.pool = pool;
    }

    public static SandboxServer start(int port, Dispatcher dispatcher) throws IOException {
        return start(InetAddress.getLoopbackAddress(), port, dispatcher);
    }

    /** On another address only when the user asked (a workshop on a classroom network). */
    public static SandboxServer start(InetAddress address, int port, Dispatcher dispatcher) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(address, port), 128);
        AtomicInteger counter = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(1024), runnable -> {
                    Thread thread = new Thread(runnable, "awstutor-sandbox-" + counter.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.CallerRunsPolicy());
        pool.allowCoreThreadTimeOut(true);
        server.setExecutor(pool);
        server.createContext("/", exchange -> serve(exchange, dispatcher));
        server.start();
        return new SandboxServer(server, pool);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private static void serve(HttpExchange exchange, Dispatcher dispatcher) {
        try (exchange) {
            SandboxRequest request = RequestReader.read(exchange);
            Dispatcher.Answer answer = dispatcher.dispatch(request);
            send(exchange, request, answer);
        } catch (IOException e) {
            // the client went away mid-response; nothing to tell it
        } catch (RuntimeException e) {
            System.err.println("awstutor sandbox: failed to answer " + exchange.getRequestMethod() + " "
                    + exchange.getRequestURI().getRawPath() + ": " + e);
        }
    }

    private static void send(HttpExchange exchange, SandboxRequest request, Dispatcher.Answer answer) throws IOException {
        SandboxResponse response = answer.response();
        var headers = exchange.getResponseHeaders();
        for (Map.Entry<String, List<String>> h : response.headers().entrySet()) {
            headers.put(h.getKey(), List.copyOf(h.getValue()));
        }
        if ("s3".equals(answer.service())) {
            headers.set("x-amz-request-id", answer.requestId());
            headers.set("x-amz-id-2", RequestIds.extendedId());
        } else {
            headers.set("x-amzn-RequestId", answer.requestId());
        }
        int status = response.status();
        long length = response.length();
        boolean head = "HEAD".equals(request.method());
        boolean bodiless = head || status == 204 || status == 304 || (status >= 100 && status < 200);
        if (bodiless) {
            // a HEAD answer states the length of the body it does not send
            if (head && length > 0 && !headers.containsKey("Content-Length")) {
                headers.set("Content-Length", Long.toString(length));
            }
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        // the JDK's convention: -1 no body, 0 chunked, n exactly n bytes
        exchange.sendResponseHeaders(status, length == 0 ? -1 : length < 0 ? 0 : length);
        if (length != 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                response.body().writeTo(out);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
