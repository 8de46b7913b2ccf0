package io.awstutor.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a new learner types wrong, in the shell's non-terminal mode, and what they should
 * read back: one line that says what happened and what to do, never a silent surprise.
 */
class LearnerMistakesTest {

    @Test
    void stepWithANumberGoesThereAndACommandGivenWordsItIgnoresSaysSo(@TempDir Path home) throws Exception {
        CliProcess.Result result = CliProcess.run(home, """
                /lesson s3
                /step 3
                /hint 2
                /step
                """);
        String out = result.stdout();
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(out.contains("Step 3/12: Upload objects"), "/step 3 goes to step 3:\n" + out);
        assertTrue(out.contains("/hint takes no arguments (not '2')."), out);
        assertFalse(out.contains("Hint 1 of"), "the hint was not given as if the 2 were not there:\n" + out);
        assertEquals(2, out.split("Step 3/12: Upload objects", -1).length - 1, "a bare /step shows the current step again:\n" + out);
    }

    @Test
    void aHiddenPasswordKeepsItsTrueLengthInVarsAndHistory(@TempDir Path home) throws Exception {
        CliProcess.Result result = CliProcess.run(home, """
                String auroraPassword = "scale-to-zero-42";
                /vars
                /history
                """);
        String out = result.stdout();
        assertEquals(0, result.exitCode(), result::toString);
        assertFalse(out.contains("scale-to-zero-42"), out);
        assertEquals(3, out.split("scal…\\(16 chars, hidden\\)", -1).length - 1,
                "the value, /vars and /history each say 16 characters (masking the mask counted 23):\n" + out);
    }
}
