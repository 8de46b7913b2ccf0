package io.awstutor.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LintCommandTest {

    private static final String GOOD = """
            ---
            id: good
            title: Good
            ---
            # Good

            ## Make a user

            ```hint
            Try `iam.createUser`.
            ```

            ```java solution
            iam.createUser(b -> b.userName(prefix + "-a"));
            ```

            ```check
            - iam-user: ${prefix}-a
            ```
            """;

    @Test
    void bundledLessonsAreClean(@TempDir Path home) throws Exception {
        CliProcess.Result result = CliProcess.run(home, "", "lint");
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.stdout().contains("✓ getting-started (01-getting-started.md)"), result::toString);
        assertTrue(result.stdout().contains(", 0 error(s), 0 warning(s)."), result::toString);
    }

    @Test
    void namesEachBrokenFileWithItsLineAndStillListsTheOthers(@TempDir Path home, @TempDir Path lessons) throws Exception {
        Files.writeString(lessons.resolve("a-good.md"), GOOD);
        Files.writeString(lessons.resolve("b-unclosed.md"), "---\nid: broken\ntitle: Broken\n# no closing line\n");
        Files.writeString(lessons.resolve("c-nohint.md"), GOOD.replace("id: good", "id: nohint")
                .replace("```hint\nTry `iam.createUser`.\n```\n", ""));
        Files.writeString(lessons.resolve("d-typo.md"), GOOD.replace("id: good", "id: typo").replace("iam-user:", "iam-usr:"));

        CliProcess.Result result = CliProcess.run(home, "", "lint", "--lessons", lessons.toString());

        assertEquals(1, result.exitCode(), result::toString);
        String out = result.stdout();
        assertTrue(out.contains("✓ good (a-good.md): 1 steps, 1 to solve"), out);
        assertTrue(out.contains("✗ b-unclosed.md:1: the front matter's closing '---' line is missing"), out);
        assertTrue(out.contains("! c-nohint.md:7: step 'Make a user' has a check but no hint"), out);
        assertTrue(out.matches("(?s).*✗ d-typo\\.md:\\d+: check block: .*iam-usr.*"), out);
        assertTrue(out.contains("2 lesson(s), 2 error(s), 1 warning(s)."), out);
    }

    @Test
    void aMissingFolderIsOneClearLine(@TempDir Path home) throws Exception {
        CliProcess.Result result = CliProcess.run(home, "", "lint", "--lessons", home.resolve("nope").toString());
        assertEquals(1, result.exitCode(), result::toString);
        assertTrue(result.stderr().startsWith("awstutor: no lesson folder at "), result::toString);
    }
}
