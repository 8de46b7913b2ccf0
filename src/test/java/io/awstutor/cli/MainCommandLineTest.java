package io.awstutor.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The command line builds only the subcommand it runs (picocli's model of every subcommand
 * was a quarter of a start), and the learner sees the same usage as before wherever it lists them.
 */
class MainCommandLineTest {

    @Test
    void aSubcommandRunAloneBuildsOnlyThatSubcommand() {
        assertEquals(List.of(SandboxCommand.class), List.copyOf(Main.subcommandsFor("sandbox", "--port", "0")));
        assertEquals(List.of(LintCommand.class), List.copyOf(Main.subcommandsFor("lint")));
    }

    @Test
    void theShellWithItsOptionsBuildsNone() {
        assertTrue(Main.subcommandsFor().isEmpty());
        assertTrue(Main.subcommandsFor("--region", "eu-west-1").isEmpty());
    }

    @Test
    void helpAndASubcommandNameAfterOptionsBuildThemAll() {
        assertEquals(7, Main.subcommandsFor("--help").size());
        assertEquals(7, Main.subcommandsFor("sandbox", "--help").size());
        assertEquals(7, Main.subcommandsFor("--target", "sandbox").size());
    }

    @Test
    void aMistakeStillListsEverySubcommand(@TempDir Path home) throws Exception {
        CliProcess.Result result = CliProcess.run(home, "", "--no-such-option");
        assertEquals(2, result.exitCode(), result::toString);
        assertTrue(result.stderr().contains("Unknown option: '--no-such-option'"), result::toString);
        for (String name : List.of("shell", "sandbox", "verify", "lint", "progress", "cleanup", "workshop")) {
            assertTrue(result.stderr().contains("\n  " + name + " "), name + " missing from the usage: " + result);
        }
        CliProcess.Result sandboxHelp = CliProcess.run(home, "", "sandbox", "--help");
        assertEquals(0, sandboxHelp.exitCode(), sandboxHelp::toString);
        assertTrue(sandboxHelp.stdout().startsWith("Usage: awstutor sandbox"), sandboxHelp::toString);
    }
}
