package io.awstutor.sandbox.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.SynchronousQueue;
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
 * SandboxHttpTest).
 *
 * <p>The JDK server reads a request's line and headers on the thread that then answers it,
 * so a client that opens a connection and never finishes its headers holds a thread. The pool
 * therefore grows on demand (a thread per connection in progress, up to {@value #MAX_THREADS})
 * rather than queueing behind a fixed number: 64 stalled connections used to lock out every
 * other client. Idle threads end after 30 s, and a connection that stops sending in the middle
 * of a request is closed after the read idle timeout ({@link StalledReadWatchdog}).
 */
public final class SandboxServer implements AutoCloseable {
    private static final long DRAIN_LIMIT = 64L * 1024 * 1024;

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
            System.setProperty("sun.net.httpserver.drainAmount", Long.toString(DRAIN_LIMIT));
        }
    }

    /** As S3 does: a connection that sends nothing for this long in the middle of a request is closed. */
    public static final Duration DEFAULT_READ_IDLE_TIMEOUT = Duration.ofSeconds(20);
    private static final int CORE_THREADS = 16;
    private static final int MAX_THREADS = 4096;

    private final HttpServer server;
    private final ThreadPoolExecutor pool;
    private final StalledReadWatchdog watchdog;

    private SandboxServer(HttpServer server, ThreadPoolExecutor pool, StalledReadWatchdog watchdog) {
        this.server = server;
        this.pool = pool;
        this.watchdog = watchdog;
    }

    /**
     * The JDK server's own first-use costs, paid ahead by {@code Sandbox.warmUp} on another
     * core while the command line is parsed, since each is cached process-wide:
     * <ul>
     * <li>the logger its constructor asks for: the JDK's first {@code System.getLogger} looks
     * for a logging back end on the class path, a ServiceLoader look-up that opened and indexed
     * the shaded jar's 50,000 entries (about 25 ms, on the start's main thread);</li>
     * <li>the {@code Date} header it stamps on every response ({@code sun.net.httpserver.ExchangeImpl}:
     * this pattern, {@code Locale.US}, GMT): the first format loads the locale's day, month and
     * zone names, about 20 ms of the first answer.</li>
     * </ul>
     */
    public static void warmUp() {
        System.getLogger("com.sun.net.httpserver");
        java.time.format.DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss zzz", java.util.Locale.US)
                .withZone(java.time.ZoneId.of("GMT")).format(java.time.Instant.now());
    }

    private static final String PROVIDER_PROPERTY = "com.sun.net.httpserver.HttpServerProvider";

    /**
     * {@code HttpServer.create} asks the class path for another server provider before it takes
     * the JDK's own: a ServiceLoader look-up, which opened and indexed the shaded jar's 50,000
     * entries on the start's main thread (about 25 ms). The jar carries no provider (nothing
     * under META-INF/services names one), so the JDK's is named, unless the user named another.
     */
    private static void namesTheJdksProvider() {
        if (System.getProperty(PROVIDER_PROPERTY) == null) {
            System.setProperty(PROVIDER_PROPERTY, "sun.net.httpserver.DefaultHttpServerProvider");
        }
    }

    public static SandboxServer start(int port, Dispatcher dispatcher) throws IOException {
        return start(InetAddress.getLoopbackAddress(), port, DEFAULT_READ_IDLE_TIMEOUT, dispatcher);
    }

    /**
     * On another address only when the user asked (a workshop on a classroom network).
     * {@code readIdleTimeout}: see {@link StalledReadWatchdog}.
     */
    public static SandboxServer start(InetAddress address, int port, Duration readIdleTimeout, Dispatcher dispatcher) throws IOException {
        namesTheJdksProvider();
        HttpServer server = HttpServer.create(new InetSocketAddress(address, port), 128);
        AtomicInteger counter = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(CORE_THREADS, MAX_THREADS, 30, TimeUnit.SECONDS,
                new SynchronousQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "awstutor-sandbox-" + counter.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.CallerRunsPolicy());
        pool.allowCoreThreadTimeOut(true);
        StalledReadWatchdog watchdog = new StalledReadWatchdog(readIdleTimeout);
        server.setExecutor(task -> pool.execute(watchdog.task(task)));
        server.createContext("/", exchange -> serve(exchange, dispatcher, watchdog));
        server.start();
        return new SandboxServer(server, pool, watchdog);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /**
     * Answers one exchange. A failure after the status line went out (an object's body file
     * vanishing half-way) can no longer become an error document: the exception leaves the
     * handler, which makes the JDK close the connection, so the client sees a short body and
     * a closed socket instead of waiting forever for bytes the Content-Length promised.
     */
    private static void serve(HttpExchange exchange, Dispatcher dispatcher, StalledReadWatchdog watchdog) throws IOException {
        // closing reads and drops what is left of a body the answer did not need: watched too
        try (StalledReadWatchdog.Closing closing = watchdog.closing(exchange)) {
            watchdog.headersRead();
            SandboxRequest request = RequestReader.read(exchange, watchdog::watch);
            Dispatcher.Answer answer = dispatcher.dispatch(request);
            drainUnread(request.body());
            send(exchange, request, answer);
        } catch (ClientGone gone) {
            // the client went away mid-response; nothing to tell it
            throw gone;
        } catch (IOException | RuntimeException e) {
            System.err.println("awstutor sandbox: failed to answer " + exchange.getRequestMethod() + " "
                    + exchange.getRequestURI().getRawPath() + ": " + e);
            throw e instanceof IOException io ? io : new IOException(e);
        }
    }

    /**
     * What is left of a body the answer did not need (an error before the body was read) is
     * read here, through the watched stream, rather than by the JDK when the response closes,
     * where a client stalled mid-body would hold the thread unwatched. As much as the JDK
     * would drain (drainAmount); past that the JDK closes the connection anyway.
     */
    private static void drainUnread(InputStream body) throws IOException {
        byte[] buffer = new byte[8192];
        long left = DRAIN_LIMIT;
        int n;
        try {
            while (left > 0 && (n = body.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
                left -= n;
            }
        } catch (java.io.InterruptedIOException stalled) {
            throw stalled;
        } catch (IOException closedOrBroken) {
            // a body its handler closed has nothing left to drain; a broken one fails the answer's write
        }
    }

    /** The client's side of the connection failed while we wrote to it. */
    private static final class ClientGone extends IOException {
        private static final long serialVersionUID = 1L;

        ClientGone(IOException cause) {
            super(cause);
        }
    }

    /** Tells the client's write failures from the body's own, and counts what was written. */
    private static final class ClientStream extends java.io.FilterOutputStream {
        private long written;

        ClientStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                throw new ClientGone(e);
            }
            written += len;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                throw new ClientGone(e);
            }
        }

        @Override
        public void close() throws IOException {
            try {
                out.close();
            } catch (IOException e) {
                throw new ClientGone(e);
            }
        }
    }

    private static void send(HttpExchange exchange, SandboxRequest request, Dispatcher.Answer answer) throws IOException {
        SandboxResponse response = answer.response();
        HeaderSpelling.keep(exchange);
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
        // a small answer leaves whole, head and body in one write (a body failing half-way: none of it)
        java.util.Optional<OneWriteAnswer.Held> held = OneWriteAnswer.hold(exchange, length);
        // the JDK's convention: -1 no body, 0 chunked, n exactly n bytes
        exchange.sendResponseHeaders(status, length == 0 ? -1 : length < 0 ? 0 : length);
        if (length != 0) {
            ClientStream out = new ClientStream(exchange.getResponseBody());
            response.body().writeTo(out);
            if (length > 0 && out.written != length) {
                throw new IOException("the body had " + out.written + " of the " + length + " bytes announced");
            }
            if (held.isPresent()) {
                try {
                    held.get().release();
                } catch (IOException e) {
                    throw new ClientGone(e);
                }
            }
            out.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
        watchdog.close();
    }
}
