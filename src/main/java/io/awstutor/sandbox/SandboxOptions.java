package io.awstutor.sandbox;

import io.awstutor.sandbox.engines.EngineSettings;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * How a sandbox runs. {@code port} 0 picks a free loopback port. {@code dataDir} empty keeps
 * all state in memory. {@code timeScale} multiplies every simulated delay (instance boot,
 * database creation, Glacier restore): 1.0 is the realistic pace, tests use a small fraction,
 * 0 makes transitions immediate. {@code bindAddress} is loopback unless a workshop serves a
 * classroom. {@code sesAutoVerify} verifies SES identities the moment they are asked for, as
 * other emulators do, instead of AWS's way (an address by the link mailed to it, a domain by
 * its DNS record). {@code engines} says whether DB instances get real database engines (off
 * unless asked: the shell and {@code awstutor sandbox} ask). {@code readIdleTimeout} closes a
 * connection that stalls in the middle of sending a request.
 */
public record SandboxOptions(int port, Optional<Path> dataDir, Clock clock, double timeScale, InetAddress bindAddress,
                             boolean sesAutoVerify, EngineSettings engines, Duration readIdleTimeout) {
    public SandboxOptions(int port, Optional<Path> dataDir, Clock clock, double timeScale) {
        this(port, dataDir, clock, timeScale, InetAddress.getLoopbackAddress(), false, EngineSettings.off(),
                io.awstutor.sandbox.http.SandboxServer.DEFAULT_READ_IDLE_TIMEOUT);
    }

    public static SandboxOptions inMemory() {
        return new SandboxOptions(0, Optional.empty(), Clock.systemUTC(), 1.0);
    }

    /**
     * Another address than loopback (a workshop's classroom network): the well-known root
     * key then works from this machine only; callers from elsewhere need an account's keys.
     */
    public SandboxOptions withBindAddress(InetAddress address) {
        return new SandboxOptions(port, dataDir, clock, timeScale, address, sesAutoVerify, engines, readIdleTimeout);
    }

    public SandboxOptions withPort(int newPort) {
        return new SandboxOptions(newPort, dataDir, clock, timeScale, bindAddress, sesAutoVerify, engines, readIdleTimeout);
    }

    public SandboxOptions withDataDir(Path dir) {
        return new SandboxOptions(port, Optional.ofNullable(dir), clock, timeScale, bindAddress, sesAutoVerify, engines, readIdleTimeout);
    }

    public SandboxOptions withClock(Clock newClock) {
        return new SandboxOptions(port, dataDir, newClock, timeScale, bindAddress, sesAutoVerify, engines, readIdleTimeout);
    }

    public SandboxOptions withTimeScale(double scale) {
        return new SandboxOptions(port, dataDir, clock, scale, bindAddress, sesAutoVerify, engines, readIdleTimeout);
    }

    public SandboxOptions withSesAutoVerify(boolean autoVerify) {
        return new SandboxOptions(port, dataDir, clock, timeScale, bindAddress, autoVerify, engines, readIdleTimeout);
    }

    /**
     * How long a request may go without a byte while its headers or body are being read
     * (a stalled client); the time between bytes, never the request's total, so a long upload
     * that keeps sending is never cut.
     */
    public SandboxOptions withReadIdleTimeout(Duration timeout) {
        return new SandboxOptions(port, dataDir, clock, timeScale, bindAddress, sesAutoVerify, engines, timeout);
    }

    public SandboxOptions withEngines(EngineSettings settings) {
        return new SandboxOptions(port, dataDir, clock, timeScale, bindAddress, sesAutoVerify, settings, readIdleTimeout);
    }
}
