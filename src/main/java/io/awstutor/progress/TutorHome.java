package io.awstutor.progress;

import java.nio.file.Path;

/** The tutor's folder: {@code ~/.awstutor}, or {@code $AWSTUTOR_HOME} when set. */
public final class TutorHome {
    private TutorHome() {
    }

    public static Path resolve() {
        String override = System.getenv("AWSTUTOR_HOME");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        return Path.of(System.getProperty("user.home"), ".awstutor");
    }
}
