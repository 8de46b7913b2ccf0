package io.awstutor.sandbox;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What every service backend is given: the clock (tests move it), the pace of simulated
 * delays, and where to persist state when the sandbox has a data folder.
 */
public record SandboxContext(Clock clock, double timeScale, Optional<Path> dataDir,
                             io.awstutor.sandbox.engines.EngineSettings engines) {

    public SandboxContext(Clock clock, double timeScale, Optional<Path> dataDir) {
        this(clock, timeScale, dataDir, io.awstutor.sandbox.engines.EngineSettings.off());
    }

    public static SandboxContext of(SandboxOptions options) {
        return new SandboxContext(options.clock(), options.timeScale(), options.dataDir(), options.engines());
    }

    public Instant now() {
        return clock.instant();
    }

    /** A realistic delay (an instance's boot, a database's creation) at this sandbox's pace. */
    public Duration scaled(Duration realistic) {
        return Duration.ofNanos((long) (realistic.toNanos() * timeScale));
    }

    /** The service's own folder under the data folder, when state is persisted. */
    public Optional<Path> dataDirFor(String service) {
        return dataDir.map(d -> d.resolve(service));
    }
}
