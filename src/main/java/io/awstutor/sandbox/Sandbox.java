package io.awstutor.sandbox;

import io.awstutor.sandbox.auth.Authenticator;
import io.awstutor.sandbox.http.Dispatcher;
import io.awstutor.sandbox.http.SandboxServer;
import io.awstutor.sandbox.http.ServiceHandler;

import java.io.IOException;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * The embedded AWS emulator: one HTTP listener on 127.0.0.1 serving every sandbox service.
 * Root credentials are {@code test}/{@code test} (account 000000000000).
 */
public final class Sandbox implements AutoCloseable {
    public static final String ROOT_ACCESS_KEY = "test";
    public static final String ROOT_SECRET_KEY = "test";
    public static final String ROOT_ACCOUNT = "000000000000";
    public static final String DEFAULT_REGION = "us-east-1";

    private final SandboxServer server;
    private final ServiceCatalog.Wiring wiring;
    private final Dispatcher dispatcher;

    private Sandbox(SandboxServer server, ServiceCatalog.Wiring wiring, Dispatcher dispatcher) {
        this.server = server;
        this.wiring = wiring;
        this.dispatcher = dispatcher;
    }

    public static Sandbox start(SandboxOptions options) throws IOException {
        SandboxContext context = SandboxContext.of(options);
        ServiceCatalog.Wiring wiring = ServiceCatalog.create(context, options);
        Dispatcher dispatcher = dispatcher(wiring, context);
        return new Sandbox(SandboxServer.start(options.bindAddress(), options.port(), options.readIdleTimeout(), dispatcher), wiring, dispatcher);
    }

    private static Dispatcher dispatcher(ServiceCatalog.Wiring wiring, SandboxContext context) {
        Map<String, ServiceHandler> bySigningName = new HashMap<>();
        for (ServiceHandler handler : wiring.handlers()) {
            if (bySigningName.putIfAbsent(handler.signingName(), handler) != null) {
                throw new IllegalStateException("two services claim the signing name " + handler.signingName());
            }
        }
        return new Dispatcher(bySigningName,
                new Authenticator(wiring.credentials(), context.clock()), wiring.authorizer(), context.clock(), wiring.keyUse(),
                wiring.frontends());
    }

    /** The request path without HTTP: the benchmarks measure the sandbox's own work per request through it. */
    Dispatcher dispatcher() {
        return dispatcher;
    }

    /** {@code http://127.0.0.1:PORT} */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port());
    }

    public int port() {
        return server.port();
    }

    /**
     * The accounts besides the well-known one: {@code accounts().create("ana")} gives a new
     * account id and its root key pair, isolated from every other account as on AWS.
     */
    public io.awstutor.sandbox.accounts.AccountDirectory accounts() {
        return wiring.accounts();
    }

    /**
     * Serves pages beside the AWS services on the same listener (the console, a workshop's
     * dashboard): {@code front} answers the unsigned requests it claims, as CloudFront's edge does.
     */
    public void mount(io.awstutor.sandbox.http.Frontend front) {
        dispatcher.mount(front);
    }

    /** {@code listener} hears of every call a service answers from now on. */
    public void onCall(io.awstutor.sandbox.http.CallListener listener) {
        dispatcher.onCall(listener);
    }

    /**
     * The running handler of that type, for in-process access to a service's backend (the
     * lesson checks ask EC2's reachability evaluator this way).
     */
    public <T extends ServiceHandler> java.util.Optional<T> service(Class<T> type) {
        return wiring.handlers().stream().map(h -> h instanceof MeteredHandler metered ? metered.inner() : h)
                .filter(type::isInstance).map(type::cast).findFirst();
    }

    /** Signs in to the console as an IAM user (see {@link ConsoleSignIn}). */
    public ConsoleSignIn consoleSignIn() {
        return wiring.consoleSignIn();
    }

    /** A running part of the sandbox that is not a service handler (the database engines), by type. */
    public <T> java.util.Optional<T> resource(Class<T> type) {
        return wiring.resources().stream().filter(type::isInstance).map(type::cast).findFirst();
    }

    /**
     * Builds an in-memory sandbox without a listener, answers one unsigned request in memory
     * and drops it: its classes are then loaded and initialised. The shell and
     * {@code awstutor sandbox} run this on another core while the command line is parsed, so
     * that the real start, which must wait for the options, finds them ready.
     */
    public static void warmUp() {
        SandboxServer.warmUp();
        SandboxOptions options = SandboxOptions.inMemory();
        try {
            SandboxContext context = SandboxContext.of(options);
            ServiceCatalog.Wiring wiring = ServiceCatalog.create(context, options);
            try {
                var request = new io.awstutor.sandbox.http.SandboxRequest("GET", "/", null, Map.of("host", java.util.List.of("127.0.0.1")),
                        Map.of(), java.io.InputStream.nullInputStream(), java.net.InetAddress.getLoopbackAddress(), Map.of());
                dispatcher(wiring, context).dispatch(request).response().body().writeTo(java.io.OutputStream.nullOutputStream());
            } finally {
                close(wiring);
            }
        } catch (IOException | RuntimeException e) {
            // a warm-up only: the real start reports whatever this met
        }
    }

    @Override
    public void close() {
        server.close();
        close(wiring);
    }

    private static void close(ServiceCatalog.Wiring wiring) {
        for (AutoCloseable resource : wiring.resources()) {
            try {
                resource.close();
            } catch (Exception e) {
                System.err.println("awstutor sandbox: closing " + resource + ": " + e);
            }
        }
        for (ServiceHandler handler : wiring.handlers()) {
            if (handler instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    System.err.println("awstutor sandbox: closing " + handler.signingName() + ": " + e);
                }
            }
        }
    }
}
