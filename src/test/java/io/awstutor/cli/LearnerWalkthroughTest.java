package io.awstutor.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a new learner ran into walking through the S3 lesson in an 80-column tmux window,
 * replayed through the shell's non-terminal mode (which wraps to 80 columns too).
 */
class LearnerWalkthroughTest {

    private static void assertFitsIn80Columns(String out) {
        List<String> wide = out.lines().filter(l -> l.codePointCount(0, l.length()) > 80).toList();
        assertTrue(wide.isEmpty(), "lines wider than 80 columns:\n" + String.join("\n", wide));
    }

    @Test
    void theS3LessonsMistakesReadWellAt80Columns(@TempDir Path home) throws Exception {
        String session = """
                /lesson s3
                var ireland = clients.s3("eu-west-1");
                ireland.uploadObject(b -> b.bucket(prefix + "-ireland").key("notes.txt"), RequestBody.fromString("hi"));
                var again = client.s3("eu-west-1");
                ireland.createBucket(b -> b.bucket(prefix + "-ireland").createBucketConfiguration(c -> c.locationConstraint(BucketLocationConstraint.EU_CENTRAL_1))).locaton();
                s3.createBucket(b -> b.bucket(prefix + "-ireland").createBucketConfiguration(c -> c.locationConstraint(BucketLocationConstraint.EU_WEST_1)));
                for (String key : List.of("photos/2024/beach.txt", "notes.txt")) ireland.putObject(b -> b.bucket(prefix + "-ireland").key(key), RequestBody.fromString("x"));
                ireland.putBucketPolicy(b -> b.bucket(prefix + "-ireland").policy("{\\"Version\\":\\"2012-10-17\\",\\"Statement\\":[{\\"Effect\\":\\"Allow\\",\\"Principal\\":\\"*\\",\\"Action\\":\\"s3:GetObject\\",\\"Resource\\":\\"arn:aws:s3:::" + prefix + "-ireland/*\\"}]}"));
                /lessons
                /cost
                /lesson s3 99
                """;
        CliProcess.Result result = CliProcess.run(home, session);
        String out = result.stdout();
        assertEquals(0, result.exitCode(), result::toString);
        assertFitsIn80Columns(out);
        // a compile error naming a lambda longer than a line once hung the shell (the wrap never ended)
        assertTrue(out.contains("Error: cannot find symbol\n  symbol:   method uploadObject(…)\n"
                + "  location: variable ireland of type S3Client\n"), out);
        assertTrue(out.contains("Did you mean clients?"), out);
        // the code line is cut around the caret, which still points at the misspelled call
        assertTrue(out.contains("""
                  location: class CreateBucketResponse
                    …> c.locationConstraint(BucketLocationConstraint.EU_CENTRAL_1))).locaton();
                                                                                    ^
                Did you mean location(...)?
                """), out);
        // us-east-1 places a bucket where its location constraint says, and the change line says where
        assertTrue(out.matches("(?s).*\\n\\+ bucket learn-[a-z0-9]{4}-ireland \\(eu-west-1\\)\\n.*"), out);
        assertTrue(out.matches("(?s).*\\n\\+ object learn-[a-z0-9]{4}-ireland/photos/2024/beach.txt \\(eu-west-1\\)\\n"
                + "\\+ object learn-[a-z0-9]{4}-ireland/notes.txt \\(eu-west-1\\)\\n.*"), "one line per object, by key:\n" + out);
        // Block Public Access refused the root user: no IAM statement to look for
        assertTrue(ShellSessionTest.unwrapped(out).contains("The root user needs no IAM policy, so something else refused: AWS says "
                + "public policies are blocked by the BlockPublicPolicy block public access setting."), out);
        assertTrue(!out.contains("policy simulator could not be asked"), out);
        assertTrue(out.contains("▸ … s3 "), "the lesson list marks where the learner is:\n" + out);
        assertTrue(out.matches("(?s).*\\n    security-groups +0/11  new +Security groups — a web server and\\n +its database\\n.*"),
                "a long title wraps under itself:\n" + out);
        assertTrue(out.matches("(?s).*\\n  S3 bucket learn-[a-z0-9]{4}-ireland  since [A-Z][a-z]{2} \\d+ \\d\\d:\\d\\d, not billed by the hour\\n.*"),
                out);
        assertTrue(out.contains("s3 has steps 1 to 12; here is step 12."), out);
    }

    /**
     * Every lesson, every step, as a learner at an 80×24 terminal meets it: the step shown,
     * a hint, a mistake or two, the solution typed (or the quiz answered, or /next), and the
     * shell's own screens along the way. No line may be wider than the terminal, and no word
     * may be cut in two (outside a token longer than a whole line).
     */
    @Test
    void everyLessonReadsWholeAt80Columns(@TempDir Path home) throws Exception {
        io.awstutor.lesson.LessonCatalog catalog = io.awstutor.lesson.LessonCatalog.bundled();
        StringBuilder script = new StringBuilder("/help\n/lessons\n");
        StringBuilder sources = new StringBuilder();
        for (io.awstutor.lesson.Lesson lesson : catalog.lessons()) {
            sources.append(lesson.source()).append('\n');
            for (int i = 0; i < lesson.steps().size(); i++) {
                io.awstutor.lesson.Step step = lesson.steps().get(i);
                script.append("/lesson ").append(lesson.id()).append(' ').append(i + 1).append('\n');
                if (step.quiz().isPresent()) {
                    int wrong = step.quiz().get().answer() == 1 ? 2 : 1;
                    script.append("/hint\n/answer ").append(wrong).append("\n/answer ").append(step.quiz().get().answer()).append('\n');
                } else if (step.solution().isPresent()) {
                    script.append("/hint\n/check\n").append(step.solution().get().strip()).append('\n');
                } else {
                    script.append("/next\n");
                }
            }
            script.append("/progress\n/cost\n/vars\n");
        }
        script.append("s3.createBucket(b -> b.bucket(\"Not A Valid Bucket Name because it has spaces and capitals\"));\n")
                .append("ec2.describeInstances().reservations().stream().map(r -> r.instances()).toList().sizee();\n")
                .append("/cleanup\n/trace\n/nonsense\n");
        CliProcess.Result result = CliProcess.run(900, home, java.util.Map.of("AWSTUTOR_SANDBOX_TIME_SCALE", "0.001"),
                script.toString());
        String out = result.stdout();
        assertEquals(0, result.exitCode(), result::toString);
        List<String> problems = ScreenLines.problems(out, 80, sources.toString());
        assertTrue(problems.isEmpty(), problems.size() + " problem(s) at 80 columns:\n" + String.join("\n", problems)
                + "\n--- whole output\n" + out);
        assertTrue(out.contains("★ Lesson complete: " + catalog.lessons().get(catalog.lessons().size() - 1).title()), out);
    }

    @Test
    void comingBackToAnEmptySandboxOffersCatchupWhichRebuildsTheEarlierSteps(@TempDir Path home) throws Exception {
        String first = """
                /lesson s3
                var ireland = clients.s3("eu-west-1");
                ireland.createBucket(b -> b.bucket(prefix + "-ireland").createBucketConfiguration(c -> c.locationConstraint(BucketLocationConstraint.EU_CENTRAL_1)));
                ireland.createBucket(b -> b.bucket(prefix + "-ireland"));
                """;
        CliProcess.Result before = CliProcess.run(home, first);
        assertTrue(before.stdout().contains("✓ Step done: A bucket in Ireland, done right."), before::toString);

        String second = """
                /catchup
                for (String key : List.of("photos/2024/beach.txt", "photos/2024/city.txt", "notes.txt")) ireland.putObject(b -> b.bucket(prefix + "-ireland").key(key), RequestBody.fromString("x"));
                """;
        CliProcess.Result after = CliProcess.run(home, second);
        // on a loaded machine the first snippet may wait for the Java session, and the shell says so
        String out = after.stdout().replaceAll("(?m)^… the Java session is still starting .*\n", "");
        assertEquals(0, after.exitCode(), after::toString);
        assertTrue(ShellSessionTest.unwrapped(out).contains("The sandbox starts empty each session, and Java forgot your variables: "
                + "what steps 1-2 made is gone. /catchup runs their solutions again to rebuild it."), out);
        assertTrue(out.contains("""
                Step 1: A bucket in the wrong place, first try
                  (S3 refused CreateBucket: IllegalLocationConstraintException)
                Step 2: A bucket in Ireland, done right
                """), out);
        assertTrue(out.matches("(?s).*\\n  \\+ bucket learn-[a-z0-9]{4}-ireland \\(eu-west-1\\)\\n.*"), out);
        assertTrue(out.contains("Caught up: you are at step 3 with what the steps before it made."), out);
        assertTrue(out.contains("✓ Step done: Upload objects."), "ireland and the bucket are back:\n" + out);
    }

    @Test
    void aPipeEndingInsideASnippetSaysSoAndACorruptLedgerIsOneLine(@TempDir Path home) throws Exception {
        java.nio.file.Files.writeString(home.resolve("ledger.json"), "{\"resources\": [ {\"target\": \"sandbox\"");
        CliProcess.Result result = CliProcess.run(home, "int x = 1;\nvoid f() {\n  System.out.println(\"hi\");\n");
        assertEquals(0, result.exitCode(), result::toString);
        // on a loaded machine the compile may take long enough for the wait lines to show in between
        String out = result.stdout().replaceAll("(?m)^… still running \\(\\d+ s; Ctrl-C stops it\\)\n", "");
        assertTrue(out.contains("x ==> 1\nThe input ended inside an unfinished snippet (a '{', '(' or string not closed);"
                + "\n  it runs as it stands:\nError: reached end of file while parsing"), result::toString);
        List<String> warnings = result.stderr().lines().filter(l -> l.contains("ledger")).toList();
        assertEquals(1, warnings.size(), result::toString);
        assertTrue(warnings.get(0).contains("could not be read (line 1, column ") && !warnings.get(0).contains("REDACTED"), result::toString);
    }
}
