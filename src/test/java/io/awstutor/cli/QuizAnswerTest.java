package io.awstutor.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A learner at a question types the number of their choice, as the question's list invites:
 * it is their answer, not a Java expression ("$1 ==> 2", which left the step unanswered).
 * A number beyond the choices is still Java.
 */
class QuizAnswerTest {

    @Test
    void aBareNumberAtAQuestionIsTheAnswer(@TempDir Path home) throws Exception {
        CliProcess.Result result = CliProcess.run(home, Map.of(), """
                /lesson getting-started 4
                7
                1
                2
                """);
        assertEquals(0, result.exitCode(), result::toString);
        String out = result.stdout();
        assertTrue(out.contains("(type the number of your answer, or /answer N)"), out);
        assertTrue(out.contains("==> 7"), out);
        assertTrue(out.contains("(taken as /answer 1)\n· Answer 1 is not the one; read the question again and try another number."), out);
        assertTrue(out.contains("(taken as /answer 2)\n✓ Right."), out);
        assertFalse(out.contains("==> 1") || out.contains("==> 2"), out);
        assertTrue(out.contains("Step 5/5: Create an IAM user"), out);
    }
}
