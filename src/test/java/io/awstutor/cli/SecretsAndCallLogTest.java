package io.awstutor.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 16, items 7 and 8, as a learner meets them in the shell's non-terminal mode: a
 * secret the session handles never shows in full, and a call the call log cannot hold is
 * never lost without the learner being told.
 */
class SecretsAndCallLogTest {
    /** Forty characters of a secret access key, anywhere in the output. */
    private static final Pattern SECRET_KEY = Pattern.compile("(?<![A-Za-z0-9/+=])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])");

    @Test
    void aSecretAccessKeyAndAPasswordNeverShowInFull(@TempDir Path home) throws Exception {
        CliProcess.Result result = CliProcess.run(home, """
                iam.createUser(b -> b.userName(prefix + "-sec"));
                var key = iam.createAccessKey(b -> b.userName(prefix + "-sec")).accessKey();
                String s = key.secretAccessKey();
                key.secretAccessKey()
                System.out.println("the secret is " + key.secretAccessKey() + ", keep it safe");
                String dbPassword = "Tr0ub4dor-and-3";
                System.out.print("no end of line: " + dbPassword);
                var login = List.of("admin", dbPassword);
                secretsmanager.listSecrets().secretList().size()
                /vars
                /list
                """);
        assertEquals(0, result.exitCode(), result::toString);
        String out = result.stdout();
        assertFalse(SECRET_KEY.matcher(out).find(), () -> "a secret access key in full:\n" + out);
        assertFalse(out.contains("Tr0ub4dor-and-3"), out);
        assertTrue(out.matches("(?s).*\\ns ==> \"[A-Za-z0-9/+]{4}…\\(40 chars, hidden\\)\"\\n.*"), out);
        assertTrue(out.contains("the secret is ") && out.contains("…(40 chars, hidden), keep it safe"), out);
        assertTrue(out.contains("login ==> [admin, Tr0u…(15 chars, hidden)]"), out);
        assertTrue(out.contains("no end of line: Tr0u…(15 chars, hidden)"), out);
        // a client is no secret, though its name says "secret"
        assertTrue(out.contains("SecretsManagerClient secretsmanager = SecretsManagerClient, an SDK client"), out);
    }

    @Test
    void aCallTheLogCannotHoldOrReadIsReportedNotDropped(@TempDir Path home) throws Exception {
        CliProcess.Result result = CliProcess.run(home, Map.of(), """
                Path log = Path.of(System.getProperty("awstutor.events"));
                Files.writeString(log, "{this is not a call record\\n", StandardOpenOption.APPEND);
                iam.createUser(b -> b.userName(prefix + "-one"));
                Files.delete(log); Files.createDirectory(log);
                iam.createUser(b -> b.userName(prefix + "-two"));
                """);
        assertEquals(0, result.exitCode(), result::toString);
        String out = ShellSessionTest.unwrapped(result.stdout());
        assertTrue(out.contains("! a line of the call log could not be read ("), out);
        assertTrue(out.contains("if a call of this snippet created something, the ledger does not know it, and /cost and /cleanup"
                + " will miss it."), out);
        assertTrue(out.matches("(?s).*\\+ user learn-[a-z0-9]{4}-one\\n.*"), "the good record after the bad one still counts:\n" + out);
        assertTrue(out.contains("awstutor: the call Iam CreateUser could not be recorded ("), out);
        assertTrue(out.contains("! the call log could not be read ("), out);
    }
}
