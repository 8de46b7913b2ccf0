package io.awstutor.lesson;

import io.awstutor.check.IamUserCheck;
import io.awstutor.check.QuizCheck;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LessonParserTest {
    private static final String GOOD = """
            ---
            id: demo
            title: Demo lesson
            order: 3
            ---
            # Demo lesson

            Intro text.

            ## Make a user

            Create one.

            ```hint
            gentle
            ```

            ```hint
            explicit
            ```

            ```java solution
            iam.createUser(b -> b.userName("${prefix}-bob"));
            ```

            ```check
            - iam-user: ${prefix}-bob
            ```

            ## A question

            ```quiz
            question: Which?
            choices: [a, b, c]
            answer: 3
            ```

            ## Just read
            Nothing to do.
            """;

    @Test
    void readsStepsHintsSolutionChecksAndQuiz() throws Exception {
        Lesson lesson = LessonParser.parse("demo.md", GOOD);
        assertEquals("demo", lesson.id());
        assertEquals(3, lesson.order());
        assertEquals("Intro text.", lesson.intro());
        assertEquals(3, lesson.steps().size());
        Step make = lesson.steps().get(0);
        assertEquals("make-a-user", make.id());
        assertEquals("Create one.", make.body());
        assertEquals(java.util.List.of("gentle", "explicit"), make.hints());
        assertTrue(make.solution().orElseThrow().contains("createUser"));
        assertInstanceOf(IamUserCheck.class, make.checks().get(0));
        Step quiz = lesson.steps().get(1);
        assertEquals(3, quiz.quiz().orElseThrow().answer());
        assertInstanceOf(QuizCheck.class, quiz.checks().get(0));
        assertTrue(lesson.steps().get(2).isReadingOnly());
    }

    @Test
    void namesTheLineOfABrokenCheck() {
        String broken = GOOD.replace("- iam-user: ${prefix}-bob", "- no-such-kind: x");
        LessonFormatException e = assertThrows(LessonFormatException.class, () -> LessonParser.parse("demo.md", broken));
        assertEquals(26, e.line());
        assertTrue(e.getMessage().startsWith("demo.md:26: check block: unknown check kind 'no-such-kind'"), e.getMessage());
    }

    @Test
    void refusesMissingFrontMatterStepsAndSolutions() {
        assertThrows(LessonFormatException.class, () -> LessonParser.parse("a.md", "# no front matter\n"));
        assertThrows(LessonFormatException.class, () -> LessonParser.parse("b.md", "---\nid: b\ntitle: B\n---\nno steps\n"));
        String noSolution = GOOD.replace("```java solution\niam.createUser(b -> b.userName(\"${prefix}-bob\"));\n```\n", "");
        LessonFormatException e = assertThrows(LessonFormatException.class, () -> LessonParser.parse("c.md", noSolution));
        assertTrue(e.getMessage().contains("has a check but no 'java solution' block"), e.getMessage());
        String badQuiz = GOOD.replace("answer: 3", "answer: 7");
        assertTrue(assertThrows(LessonFormatException.class, () -> LessonParser.parse("d.md", badQuiz))
                .getMessage().contains("between 1 and 3"));
    }

    @Test
    void aBrokenFileIsReportedAndTheOthersStillLoad(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("01-good.md"), GOOD);
        Files.writeString(dir.resolve("02-bad.md"), "---\nid: bad\ntitle: [unclosed\n---\n## s\n");
        LessonCatalog catalog = LessonCatalog.fromFolder(dir);
        assertEquals(1, catalog.lessons().size());
        assertEquals(1, catalog.problems().size());
        assertTrue(catalog.problems().get(0).getMessage().startsWith("02-bad.md:3: the front matter is not valid YAML: "
                        + "while parsing a flow sequence: expected ',' or ']'"),
                "the line of the '[' that is never closed: " + catalog.problems().get(0).getMessage());
    }

    @Test
    void aFenceNeverClosedIsNamedWithItsLineInsteadOfSwallowingTheSteps(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("01-good.md"), GOOD);
        // the closing fence of the first solution is missing: Markdown would run it to the end of the file
        String open = GOOD.replaceFirst("(?s)(```java solution\n[^\n]*\n)```\n", "$1");
        Files.writeString(dir.resolve("02-open.md"), open.replace("id: demo", "id: open"));
        // and a fence still open at the end of the file
        Files.writeString(dir.resolve("03-end.md"), GOOD.replace("id: demo", "id: end") + "\n## More\n\n```java\nint x = 1;\n");
        LessonCatalog catalog = LessonCatalog.fromFolder(dir);
        assertEquals(List.of("demo"), catalog.lessons().stream().map(Lesson::id).toList());
        assertEquals(List.of("02-open.md:22: the ```java solution block that starts here runs into the ```check line 25: "
                        + "its closing ``` is missing",
                "03-end.md:43: the ```java block that starts here is never closed (a line of ``` ends it)"),
                catalog.problems().stream().map(Throwable::getMessage).toList());
    }

    @Test
    void aNeedsBlockNamesWhatTheStepNeedsFromTheTarget() throws Exception {
        String lesson = "---\nid: n\ntitle: N\n---\n## Connect\n\n```needs\nengine\n```\n\n```java solution\n1\n```\n\n"
                + "```check\n- called: sts.GetCallerIdentity\n```\n";
        assertEquals(java.util.Set.of(StepNeed.ENGINE), LessonParser.parse("n.md", lesson).steps().get(0).needs());
        LessonFormatException e = assertThrows(LessonFormatException.class,
                () -> LessonParser.parse("n.md", lesson.replace("engine", "gpu")));
        assertTrue(e.getMessage().contains("unknown need 'gpu' (known: engine)"), e.getMessage());
        assertTrue(LessonParser.parse("g.md", GOOD).steps().get(0).needs().isEmpty());
    }

    @Test
    void bundledLessonsAllParse() {
        LessonCatalog catalog = LessonCatalog.bundled();
        assertTrue(catalog.problems().isEmpty(), () -> catalog.problems().toString());
        assertEquals("getting-started", catalog.lessons().get(0).id());
    }
}
