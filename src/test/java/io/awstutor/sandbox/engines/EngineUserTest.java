package io.awstutor.sandbox.engines;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * As root the engines run as nobody, so their files must be reachable for nobody. A cache
 * reached through a symbolic link into a private folder (AWSTUTOR_HOME or the engine cache
 * linked into /root) is not: MariaDB's install script failed with "Permission denied".
 */
class EngineUserTest {
    @Test
    void aCacheBehindALinkIntoAPrivateFolderIsNotUsedForTheEngines(@TempDir Path dir) throws Exception {
        EngineUser user = EngineUser.detect();
        assumeTrue(user.root(), "only root hands the engines to another user");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x")); // as /tmp is
        Path hidden = Files.createDirectories(dir.resolve("private/engines"));
        Files.setPosixFilePermissions(dir.resolve("private"), PosixFilePermissions.fromString("rwx------"));
        Path home = Files.createDirectories(dir.resolve("home"));
        Path linked = Files.createSymbolicLink(home.resolve("engines"), hidden);

        Path open = Files.createDirectories(home.resolve("open"));
        assertEquals(open.resolve("installed"), user.reachable(open.resolve("installed"), "installed"), "a plain folder is used");
        Path installed = user.reachable(linked.resolve("installed"), "installed");
        assertFalse(installed.startsWith(linked), "nobody cannot pass " + dir.resolve("private") + ": " + installed);
    }
}
