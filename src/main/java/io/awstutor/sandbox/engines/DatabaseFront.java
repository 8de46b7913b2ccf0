package io.awstutor.sandbox.engines;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A DB instance's endpoint: a loopback TCP port that, for each new connection, asks whether
 * the learner's machine may reach the instance (see {@link Admission}) and then either relays
 * bytes to the engine or does what a security group does to a packet it does not allow:
 * nothing. The connection stays open and silent, so the client's own timeout fires.
 */
final class DatabaseFront implements AutoCloseable {

    /** The verdict for one new connection: relay to {@code enginePort}, or drop with the reason. */
    record Admission(boolean admitted, int enginePort, String reason) {
        static Admission drop(String reason) {
            return new Admission(false, 0, reason);
        }
    }

    interface Gate {
        Admission admit();
    }

    private final ServerSocket listener;
    private final Gate gate;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    /** Learner connections being admitted or relayed: what keeps a Serverless v2 engine awake. */
    private final java.util.concurrent.atomic.AtomicInteger active = new java.util.concurrent.atomic.AtomicInteger();
    private volatile long lastActive = System.nanoTime();
    /** Not idle before this instant (System.nanoTime), whatever the idle period: see {@link #stayAwakeFor}. */
    private volatile long awakeUntil = System.nanoTime();
    private volatile boolean closed;

    private DatabaseFront(ServerSocket listener, Gate gate, String name) {
        this.listener = listener;
        this.gate = gate;
        Thread acceptor = new Thread(this::acceptLoop, "awstutor-db-front-" + name);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Listens on {@code preferredPort} when free (a restart keeps its endpoint), else on any free port. */
    static DatabaseFront open(int preferredPort, Gate gate, String name) throws IOException {
        ServerSocket listener = new ServerSocket();
        listener.setReuseAddress(true);
        try {
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), preferredPort), 50);
        } catch (IOException taken) {
            if (preferredPort == 0) {
                throw taken;
            }
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        }
        return new DatabaseFront(listener, gate, name);
    }

    int port() {
        return listener.getLocalPort();
    }

    /**
     * Whether no learner connection has been open for {@code period}: the idle time after
     * which Aurora pauses a Serverless v2 writer. Never while one is open, however short the
     * period; dropped connections never reached the database, so they do not count.
     */
    boolean idleFor(java.time.Duration period) {
        long now = System.nanoTime();
        return active.get() == 0 && now - lastActive >= period.toNanos() && now - awakeUntil >= 0;
    }

    /** Not idle for at least {@code period} from now, however short the idle period (a floor, not an extension). */
    void stayAwakeFor(java.time.Duration period) {
        awakeUntil = System.nanoTime() + period.toNanos();
    }

    /**
     * Counts a connection opened straight to the engine (the Data API's) as open until the
     * returned release runs (once, whatever calls it again): it keeps the writer awake as a
     * learner's connection does.
     */
    Runnable hold() {
        active.incrementAndGet();
        java.util.concurrent.atomic.AtomicBoolean released = new java.util.concurrent.atomic.AtomicBoolean();
        return () -> {
            if (released.compareAndSet(false, true)) {
                release();
            }
        };
    }

    /** Starts the idle time afresh (the engine just started or resumed). */
    void touch() {
        lastActive = System.nanoTime();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = listener.accept();
                open.add(client);
                daemon(() -> serve(client), "awstutor-db-connection");
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    /** Asks the gate (which may wait for an engine still starting) and relays, drops, or refuses. */
    private void serve(Socket client) {
        active.incrementAndGet();
        boolean counted = true;
        try {
            Admission admission = gate.admit();
            if (!admission.admitted()) {
                counted = false;
                release();
                holdSilently(client);
            } else if (admission.enginePort() == 0) {
                close(client);
            } else {
                relay(client, admission.enginePort());
            }
        } catch (RuntimeException e) {
            close(client);
        } finally {
            if (counted) {
                release();
            }
        }
    }

    private void release() {
        lastActive = System.nanoTime();
        active.decrementAndGet();
    }

    /** Reads and discards what the client sends, answers nothing, until the client gives up. */
    private void holdSilently(Socket client) {
        try (InputStream in = client.getInputStream()) {
            byte[] sink = new byte[4096];
            while (in.read(sink) >= 0) {
                // dropped, as a security group drops packets it does not allow
            }
        } catch (IOException ignored) {
            // the client gave up or the front closed
        } finally {
            close(client);
        }
    }

    private void relay(Socket client, int enginePort) {
        Socket engine = new Socket();
        try {
            engine.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), enginePort), 5000);
            engine.setTcpNoDelay(true);
            client.setTcpNoDelay(true);
            open.add(engine);
            daemon(() -> pump(engine, client), "awstutor-db-relay-back");
            pump(client, engine);
        } catch (IOException e) {
            close(client);
            close(engine);
        }
    }

    private void pump(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            byte[] buffer = new byte[16384];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException ignored) {
            // one side closed; the other follows below
        } finally {
            close(from);
            close(to);
        }
    }

    private void close(Socket socket) {
        open.remove(socket);
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    /** Cuts every open connection (the engine stops or reboots) but keeps listening. */
    void cutConnections() {
        for (Socket s : Set.copyOf(open)) {
            close(s);
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        cutConnections();
    }

    private static void daemon(Runnable task, String name) {
        Thread t = new Thread(task, name);
        t.setDaemon(true);
        t.start();
    }
}
