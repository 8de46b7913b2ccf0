package io.awstutor.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shell driven through its non-terminal mode, as `./scripts/awstutor < session.txt` is. */
class ShellSessionTest {

    @Test
    void aScriptedSessionCompletesGettingStartedAndProgressCountsIt(@TempDir Path home) throws Exception {
        String session = """
                var me = sts.getCallerIdentity();
                String account = me.account();
                var user = iam.getUser().user();
                /answer 2
                iam.createUser(b -> b.userName(prefix + "-alice"));
                """;
        CliProcess.Result result = CliProcess.run(home, session);
        String out = result.stdout();
        assertEquals(0, result.exitCode(), result::toString);
        for (String step : new String[] {"Ask AWS who you are", "Read the answer", "Read your IAM user",
                "Regions and global services", "Create an IAM user"}) {
            assertTrue(out.contains("✓ Step done: " + step + ".") || (step.startsWith("Regions") && out.contains("✓ Right.")),
                    "step '" + step + "' not done:\n" + result);
        }
        assertTrue(out.contains("★ Lesson complete: Getting started."), result::toString);
        assertTrue(out.contains("Account=000000000000"), "the value of me is shown");
        assertTrue(out.matches("(?s).*\\+ user learn-[a-z0-9]{4}-alice\\n.*"), "the change line names the new user:\n" + out);
        assertFalse(out.contains("\u001b["), "no colour when standard input is not a terminal");

        CliProcess.Result progress = CliProcess.run(home, "", "progress", "--json");
        assertEquals(0, progress.exitCode(), progress::toString);
        assertTrue(progress.stdout().contains("{\"id\":\"getting-started\",\"title\":\"Getting started\",\"steps\":5,\"done\":5}"),
                progress::toString);
    }

    @Test
    void badSnippetsGetOneClearLineAndTheShellGoesOn(@TempDir Path home) throws Exception {
        String session = """
                Strin oops = "x";
                iam.getUser(b -> b.userName("nobody-here"));
                int[] a = new int[1]; a[3] = 1;
                /nosuchcommand
                System.exit(3);
                sts.getCallerIdentity().account()
                /trace
                """;
        CliProcess.Result result = CliProcess.run(home, session);
        String out = unwrapped(result.stdout());
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(out.contains("Error: cannot find symbol"), out);
        assertTrue(out.contains("IAM refused GetUser: NoSuchEntity (HTTP 404) — The user with name nobody-here cannot be found."), out);
        assertTrue(out.contains("ArrayIndexOutOfBoundsException: Index 3 out of bounds for length 1"), out);
        assertTrue(out.contains("Unknown command /nosuchcommand. /help lists the commands."), out);
        assertTrue(out.contains("The Java session ended"), out);
        assertTrue(out.contains("$1 ==> \"000000000000\"") || out.contains("==> \"000000000000\""),
                "the clients work again after System.exit:\n" + out);
        assertFalse(out.contains("\tat "), "no stack trace unless /trace asks:\n" + out);
    }

    @Test
    void aDeniedCallIsExplainedAndAHandBuiltClientIsSeenToo(@TempDir Path home) throws Exception {
        String session = """
                iam.createUser(b -> b.userName("bob"));
                iam.attachUserPolicy(b -> b.userName("bob").policyArn("arn:aws:iam::aws:policy/IAMReadOnlyAccess"));
                var key = iam.createAccessKey(b -> b.userName("bob")).accessKey();
                var bobIam = IamClient.builder().region(Region.US_EAST_1)
                    .endpointOverride(clients.settings().endpoint().get())
                    .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey())))
                    .build();
                bobIam.listUsers().users().size()
                bobIam.createUser(b -> b.userName("carol"));
                """;
        CliProcess.Result result = CliProcess.run(home, session);
        String out = unwrapped(result.stdout());
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(out.contains("+ user bob"), out);
        assertTrue(out.contains("+ attach user policy bob (IAMReadOnlyAccess)"), out);
        assertTrue(out.contains("IAM refused CreateUser: AccessDenied (HTTP 403) — User: arn:aws:iam::000000000000:user/bob "
                + "is not authorized to perform: iam:CreateUser on resource: arn:aws:iam::000000000000:user/carol"), out);
        assertTrue(out.contains("Why denied: arn:aws:iam::000000000000:user/bob may not iam:CreateUser on arn:aws:iam::000000000000:user/carol."), out);
        assertTrue(out.contains("No statement of user/bob's policies allows it (an implicit deny)"), out);
        assertFalse(out.contains("secretAccessKey=") && out.matches("(?s).*SecretAccessKey=[A-Za-z0-9/+]{40}.*"),
                "the secret key is not printed in full:\n" + out);
    }

    @Test
    void resetDeletesWhatTheStepCreatedAndStartsItAgain(@TempDir Path home) throws Exception {
        String session = """
                /lesson getting-started 5
                iam.createUser(b -> b.userName("wrong-name"));
                iam.createGroup(b -> b.groupName("stray-group"));
                /hint
                /reset
                iam.listUsers().users().size()
                iam.listGroups().groups().size()
                """;
        CliProcess.Result result = CliProcess.run(home, session);
        String out = unwrapped(result.stdout());
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(out.contains("+ user wrong-name"), out);
        assertTrue(out.contains("Undone: the step starts again from where it began."), out);
        assertTrue(out.contains("$3 ==> 0") && out.contains("$4 ==> 0"), "the user and the group are gone:\n" + out);
    }

    /** Messages wider than the terminal continue on lines indented by two spaces. */
    static String unwrapped(String out) {
        return out.replace("\n  ", " ");
    }

    /** jshell's habit: expressions typed without a semicolon, saved, then opened in a fresh session. */
    @Test
    void whatSaveWroteOpenRunsAgain(@TempDir Path home) throws Exception {
        Path saved = home.resolve("mine.jsh");
        String session = """
                int twice(int x) {
                  return 2 * x;
                }
                twice(21)
                var me = sts.getCallerIdentity();
                me.account()
                String account = me.account();
                /save %1$s
                /reset-java
                /open %1$s
                account.length()
                /open %2$s
                """.formatted(saved, home.resolve("no-such.jsh"));
        CliProcess.Result result = CliProcess.run(home, session);
        String out = unwrapped(result.stdout());
        assertEquals(0, result.exitCode(), result::toString);
        assertFalse(out.contains("';' expected"), out);
        assertEquals(2, out.split("\\$\\d+ ==> 42\n", -1).length - 1, "twice(21) ran once typed and once opened:\n" + out);
        assertTrue(out.contains("==> 12\n"), "account was defined by /open:\n" + out);
        assertTrue(out.contains("Could not read " + home.resolve("no-such.jsh") + ": no such file."), out);
    }

    @Test
    void aCorruptProgressFileIsMovedAsideAndTheShellStarts(@TempDir Path home) throws Exception {
        Files.writeString(home.resolve("progress.json"), "not json at all");
        CliProcess.Result result = CliProcess.run(home, "/progress\n");
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.stderr().contains("could not be read") && result.stderr().contains("progress.json.corrupt-"), result::toString);
        assertTrue(result.stdout().contains("overall"), result::toString);
        try (var files = Files.list(home)) {
            assertTrue(files.anyMatch(f -> f.getFileName().toString().startsWith("progress.json.corrupt-")));
        }
    }

    @Test
    void unknownOptionsPrintUsageAndExitTwo(@TempDir Path home) throws Exception {
        CliProcess.Result result = CliProcess.run(home, "", "--no-such-option");
        assertEquals(2, result.exitCode(), result::toString);
        assertTrue(result.stderr().contains("Unknown option: '--no-such-option'"), result::toString);
        assertTrue(result.stderr().contains("Usage: awstutor"), result::toString);
        CliProcess.Result version = CliProcess.run(home, "", "--version");
        assertEquals(0, version.exitCode());
        assertTrue(version.stdout().matches("(?s)awstutor \\d+\\.\\d+\\.\\d+\\S*\\RJava .*"), version::toString);
    }
}
