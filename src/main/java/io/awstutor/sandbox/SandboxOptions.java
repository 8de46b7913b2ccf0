package io.awstutor.sandbox;

import io.awstutor.sandbox.engines.EngineSettings;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * How a sandbox runs. {@code port} 0 picks a free loopback port. {@code dataDir} empty keeps
 * all state in memory. {@code timeScale} multiplies every simulated delay (instance boot,
 * database creation, Glacier restore): 1.0 is the realistic pace the shell uses, tests use
 * a small fraction, 0 makes transitions immediate. {@code engines} says whether DB instances
 * get real database engines (off unless asked: the shell and {@code awstutor sandbox} ask).
 */
public record SandboxOptions(int port, Optional<Path> dataDir, Clock clock, double timeScale, EngineSettings engines) {

    public SandboxOptions(int port, Optional<Path> dataDir, Clock clock, double timeScale) {
        this(port, dataDir, clock, timeScale, EngineSettings.off());
    }

    public static SandboxOptions inMemory() {
        return new SandboxOptions(0, Optional.empty(), Clock.systemUTC(), 1.0);
    }

    public SandboxOptions withEngines(EngineSettings settings) {
        return new SandboxOptions(port, dataDir, clock, timeScale, settings);
    }

    public SandboxOptions withPort(int newPort) {
        return new SandboxOptions(newPort, dataDir, clock, timeScale, engines);
    }

    public SandboxOptions withDataDir(Path dir) {
        return new SandboxOptions(port, Optional.ofNullable(dir), clock, timeScale, engines);
    }

    public SandboxOptions withClock(Clock newClock) {
        return new SandboxOptions(port, dataDir, newClock, timeScale, engines);
    }

    public SandboxOptions withTimeScale(double scale) {
        return new SandboxOptions(port, dataDir, clock, scale, engines);
    }
}
