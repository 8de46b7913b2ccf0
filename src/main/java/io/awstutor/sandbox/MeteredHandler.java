package io.awstutor.sandbox;

import io.awstutor.sandbox.billing.UsageMeter;
import io.awstutor.sandbox.http.ErrorFormat;
import io.awstutor.sandbox.http.SandboxResponse;
import io.awstutor.sandbox.http.ServiceCall;
import io.awstutor.sandbox.http.ServiceHandler;

import java.io.IOException;
import java.time.Clock;

/**
 * A service whose every call is followed by a sample of the usage meter, so that what a
 * call ends (a database deleted, an instance terminated, gone from the service's state at
 * once when the sandbox runs without delays) is metered up to the moment it ended.
 */
record MeteredHandler(ServiceHandler inner, UsageMeter meter, Clock clock) implements ServiceHandler, AutoCloseable {

    @Override
    public String signingName() {
        return inner.signingName();
    }

    @Override
    public ErrorFormat errorFormat() {
        return inner.errorFormat();
    }

    @Override
    public SandboxResponse handle(ServiceCall call) throws IOException {
        try {
            return inner.handle(call);
        } finally {
            meter.sample(clock.instant());
        }
    }

    @Override
    public void close() throws Exception {
        if (inner instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }
}
