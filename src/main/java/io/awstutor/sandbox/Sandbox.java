package io.awstutor.sandbox;

import java.io.IOException;
import java.net.URI;

/**
 * The embedded AWS emulator: one HTTP listener on 127.0.0.1 serving every sandbox service.
 * Root credentials are {@code test}/{@code test} (account 000000000000).
 */
public final class Sandbox implements AutoCloseable {
    public static final String ROOT_ACCESS_KEY = "test";
    public static final String ROOT_SECRET_KEY = "test";
    public static final String ROOT_ACCOUNT = "000000000000";
    public static final String DEFAULT_REGION = "us-east-1";

    private Sandbox() {
    }

    public static Sandbox start(SandboxOptions options) throws IOException {
        throw new UnsupportedOperationException("TODO: sandbox core");
    }

    /** {@code http://127.0.0.1:PORT} */
    public URI endpoint() {
        throw new UnsupportedOperationException("TODO: sandbox core");
    }

    public int port() {
        throw new UnsupportedOperationException("TODO: sandbox core");
    }

    @Override
    public void close() {
    }
}
