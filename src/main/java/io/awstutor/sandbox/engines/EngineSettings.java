package io.awstutor.sandbox.engines;

import java.net.URI;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Whether DB instances get a real database engine, where fetched engines are cached (shared by
 * every session of the tutor), which Maven repository they come from, and who hears about a
 * download's progress. Off by default: a sandbox embedded in a test has control-plane RDS only.
 */
public record EngineSettings(boolean enabled, Path cache, URI repository, Consumer<String> progress) {
    public static final URI MAVEN_CENTRAL = URI.create("https://repo1.maven.org/maven2/");

    public static EngineSettings off() {
        return new EngineSettings(false, null, MAVEN_CENTRAL, line -> { });
    }

    /** Engines on, cached under the tutor's home folder ({@code ~/.awstutor/engines}). */
    public static EngineSettings cachedIn(Path tutorHome) {
        return new EngineSettings(true, tutorHome.resolve("engines"), MAVEN_CENTRAL, line -> { });
    }

    /**
     * What the tutor's own sandboxes use: engines cached under the tutor's home folder (or in
     * {@code AWSTUTOR_ENGINE_CACHE}), progress on stderr, unless {@code AWSTUTOR_SANDBOX_ENGINES=off}
     * asks for the control plane alone.
     */
    public static EngineSettings fromEnvironment() {
        if ("off".equalsIgnoreCase(System.getenv("AWSTUTOR_SANDBOX_ENGINES"))) {
            return off();
        }
        EngineSettings settings = cachedIn(io.awstutor.progress.TutorHome.resolve());
        String sharedCache = System.getenv("AWSTUTOR_ENGINE_CACHE");
        if (sharedCache != null && !sharedCache.isBlank()) {
            // one download for several tutor homes (a classroom image, a CI machine's test homes)
            settings = new EngineSettings(true, Path.of(sharedCache), settings.repository(), settings.progress());
        }
        return settings.withProgress(line -> System.err.println("awstutor: " + line));
    }

    public EngineSettings withRepository(URI base) {
        return new EngineSettings(enabled, cache, base, progress);
    }

    public EngineSettings withProgress(Consumer<String> sink) {
        return new EngineSettings(enabled, cache, repository, sink);
    }
}
