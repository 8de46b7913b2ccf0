package io.awstutor.cli;

import io.awstutor.lesson.Lesson;
import io.awstutor.lesson.LessonCatalog;
import io.awstutor.lesson.LessonParser;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `awstutor verify` on every bundled lesson: each check fails first and passes after its solution. */
class LessonVerifierTest {

    @TestFactory
    Stream<DynamicTest> everyBundledLessonVerifies() {
        LessonCatalog catalog = LessonCatalog.bundled();
        assertTrue(catalog.problems().isEmpty(), () -> catalog.problems().toString());
        return catalog.lessons().stream().map(lesson -> DynamicTest.dynamicTest(lesson.id(), () -> {
            List<LessonVerifier.StepResult> results = new LessonVerifier(0.002).verify(lesson);
            assertEquals(lesson.steps().size(), results.size());
            for (LessonVerifier.StepResult result : results) {
                assertTrue(result.ok(), () -> result.lessonId() + " step " + result.number() + ": " + result.detail());
            }
        }));
    }

    @Test
    void aCheckThatCannotFailIsCaught() throws Exception {
        Lesson lesson = LessonParser.parse("weak.md", """
                ---
                id: weak
                title: Weak
                ---
                ## Passes already

                ```java solution
                int x = 1;
                ```

                ```check
                - variable: prefix
                ```

                ## Solution that breaks

                ```java solution
                iam.getUser(b -> b.userName("ghost"));
                ```

                ```check
                - iam-user: ghost
                ```
                """);
        List<LessonVerifier.StepResult> results = new LessonVerifier(0.002).verify(lesson);
        assertFalse(results.get(0).ok());
        assertEquals("its check passes before anything was done", results.get(0).detail());
        assertFalse(results.get(1).ok());
        assertTrue(results.get(1).detail().contains("NoSuchEntity"), results.get(1).detail());
    }
}
