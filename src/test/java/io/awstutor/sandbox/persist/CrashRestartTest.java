package io.awstutor.sandbox.persist;

import io.awstutor.bench.CrashSoak;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real {@code awstutor sandbox --data DIR} process killed with SIGKILL while writers on S3,
 * IAM, EC2 and RDS run, twice: after each restart every acknowledged write is there (S3
 * bodies byte for byte) and nothing refused or never written is. (Before, EC2 answered up to
 * 100 ms before saving, so a kill lost acknowledged security groups.) The long version is
 * {@code scripts/soak-crash}.
 */
class CrashRestartTest {

    @Test
    void acknowledgedWritesSurviveKillNine(@TempDir Path dir) throws Exception {
        CrashSoak.Figures figures = new CrashSoak().run(dir.resolve("data"), 2, 1, 1500, 2500);
        assertTrue(figures.clean(), figures.report());
        assertTrue(figures.services().values().stream().allMatch(c -> c.acked > 0), figures.report());
    }
}
