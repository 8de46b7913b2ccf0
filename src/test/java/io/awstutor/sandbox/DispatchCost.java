package io.awstutor.sandbox;

import io.awstutor.testing.HttpLines;

import io.awstutor.sandbox.http.Dispatcher;
import io.awstutor.sandbox.http.SandboxRequest;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The sandbox's own work per request, without HTTP: requests an SDK client really sent are
 * recorded once (by a server that answers every request with an empty 200), then handed to
 * the sandbox's dispatcher one after another on one thread, and that thread's CPU time is
 * divided by their number. Beside a throughput figure, which also counts the client, the JDK's
 * HTTP server, the JIT and whatever else the machine runs, this tells what the sandbox itself
 * costs, and it hardly moves with the machine's load.
 */
public final class DispatchCost {
    /** One request as it arrived: enough to hand the same one to the dispatcher again and again. */
    public record Recorded(String method, String rawPath, String rawQuery, Map<String, List<String>> headers, byte[] body) {
        SandboxRequest request() {
            Map<String, List<String>> copy = new LinkedHashMap<>();
            headers.forEach((name, values) -> copy.put(name, new ArrayList<>(values)));
            return new SandboxRequest(method, rawPath, rawQuery, copy, params(),
                    new ByteArrayInputStream(body), InetAddress.getLoopbackAddress(),
                    Collections.synchronizedMap(new LinkedHashMap<>()));
        }

        private Map<String, List<String>> params() {
            Map<String, List<String>> params = new LinkedHashMap<>();
            for (String pair : rawQuery.split("&")) {
                if (!pair.isEmpty()) {
                    int eq = pair.indexOf('=');
                    params.computeIfAbsent(java.net.URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                            k -> new ArrayList<>()).add(eq < 0 ? "" : java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
            return params;
        }
    }

    private DispatchCost() {
    }

    /** The requests {@code calls} makes against the endpoint it is given (answers are empty 200s, whatever the client makes of them). */
    public static List<Recorded> record(Consumer<URI> calls) throws IOException {
        List<Recorded> recorded = Collections.synchronizedList(new ArrayList<>());
        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        Socket socket = listener.accept();
                        Thread connection = new Thread(() -> serve(socket, recorded), "dispatch-cost-recorder");
                        connection.setDaemon(true);
                        connection.start();
                    }
                } catch (IOException closed) {
                    // done recording
                }
            }, "dispatch-cost-recorder");
            acceptor.setDaemon(true);
            acceptor.start();
            calls.accept(URI.create("http://127.0.0.1:" + listener.getLocalPort()));
        }
        return new ArrayList<>(recorded);
    }

    /** CPU microseconds per request of {@code rounds} passes over {@code requests} (the last pass counts: the first ones warm the JIT). */
    public static double cpuMicros(Sandbox sandbox, List<Recorded> requests, int rounds) throws IOException {
        Dispatcher dispatcher = sandbox.dispatcher();
        var threads = ManagementFactory.getThreadMXBean();
        double micros = 0;
        for (int round = 0; round < rounds; round++) {
            long before = threads.getCurrentThreadCpuTime();
            for (Recorded recorded : requests) {
                Dispatcher.Answer answer = dispatcher.dispatch(recorded.request());
                answer.response().body().writeTo(OutputStream.nullOutputStream());
                if (answer.response().status() >= 300) {
                    throw new IllegalStateException(recorded.method() + " " + recorded.rawPath() + " answered " + answer.response().status());
                }
            }
            micros = (threads.getCurrentThreadCpuTime() - before) / 1e3 / requests.size();
        }
        return micros;
    }

    private static void serve(Socket socket, List<Recorded> recorded) {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            StringBuilder line = new StringBuilder();
            String requestLine;
            while ((requestLine = HttpLines.readLine(in, line)) != null) {
                Map<String, List<String>> headers = new LinkedHashMap<>();
                long length = 0;
                String header;
                while ((header = HttpLines.readLine(in, line)) != null && !header.isEmpty()) {
                    int colon = header.indexOf(':');
                    String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                    String value = header.substring(colon + 1).trim();
                    headers.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
                    if (name.equals("content-length")) {
                        length = Long.parseLong(value);
                    }
                    if (name.equals("expect")) {
                        out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                    }
                }
                byte[] body = in.readNBytes((int) length);
                String[] parts = requestLine.split(" ");
                int question = parts[1].indexOf('?');
                recorded.add(new Recorded(parts[0], question < 0 ? parts[1] : parts[1].substring(0, question),
                        question < 0 ? "" : parts[1].substring(question + 1), headers, body));
                out.write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
        } catch (IOException | RuntimeException gone) {
            // the client closed the connection
        }
    }

}
