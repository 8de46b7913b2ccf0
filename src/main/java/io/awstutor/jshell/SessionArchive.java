package io.awstutor.jshell;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The start-up archive of the Java session's JVM: its classes (the SDK's, the clients',
 * JShell's remote agent) pre-parsed into a class-data archive (JDK 17-23) or an AOT cache
 * (JDK 24 and later), made by {@code scripts/awstutor} from a plain JVM over the same class
 * path ({@link SessionArchiveTraining}): JDWP forbids dumping an archive, not using one.
 *
 * <p>The launcher passes its path as {@value #PROPERTY}. A missing file is left out; a stale
 * or foreign one (another JDK, a rebuilt jar) is ignored by the JVM itself, silently, and
 * never fails a start.
 */
final class SessionArchive {
    static final String PROPERTY = "awstutor.session.archive";

    private SessionArchive() {
    }

    static List<String> vmOptions() {
        String path = System.getProperty(PROPERTY);
        if (path == null || path.isBlank() || !Files.isRegularFile(Path.of(path))) {
            return List.of("-Xshare:auto");
        }
        if (Runtime.version().feature() >= 24) {
            return List.of("-XX:AOTCache=" + path, "-Xlog:aot=off", "-Xlog:cds=off");
        }
        return List.of("-Xshare:auto", "-XX:SharedArchiveFile=" + path, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    }
}
