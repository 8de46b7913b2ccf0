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

    private Sandbox(SandboxServer server, ServiceCatalog.Wiring wiring) {
        this.server = server;
        this.wiring = wiring;
    }

    public static Sandbox start(SandboxOptions options) throws IOException {
        SandboxContext context = SandboxContext.of(options);
        ServiceCatalog.Wiring wiring = ServiceCatalog.create(context);
        Map<String, ServiceHandler> bySigningName = new HashMap<>();
        for (ServiceHandler handler : wiring.handlers()) {
            if (bySigningName.putIfAbsent(handler.signingName(), handler) != null) {
                throw new IllegalStateException("two services claim the signing name " + handler.signingName());
            }
        }
        Dispatcher dispatcher = new Dispatcher(bySigningName,
                new Authenticator(wiring.credentials(), context.clock()), wiring.authorizer(), context.clock(), wiring.keyUse(),
                wiring.frontends());
        return new Sandbox(SandboxServer.start(options.port(), dispatcher), wiring);
    }

    /** {@code http://127.0.0.1:PORT} */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port());
    }

    public int port() {
        return server.port();
    }

    /**
     * The running handler of that type, for in-process access to a service's backend (the
     * lesson checks ask EC2's reachability evaluator this way).
     */
    public <T extends ServiceHandler> java.util.Optional<T> service(Class<T> type) {
        return wiring.handlers().stream().map(h -> h instanceof MeteredHandler metered ? metered.inner() : h)
                .filter(type::isInstance).map(type::cast).findFirst();
    }

    @Override
    public void close() {
        server.close();
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
