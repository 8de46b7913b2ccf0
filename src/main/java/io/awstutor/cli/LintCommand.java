package io.awstutor.cli;

import io.awstutor.lesson.Lesson;
import io.awstutor.lesson.LessonCatalog;
import io.awstutor.lesson.LessonFormatException;
import io.awstutor.lesson.Step;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code awstutor lint [--lessons DIR]}: the instructor's quick check of lesson files, in a
 * second and without a sandbox — every file parses, and every exercise gives the learner
 * somewhere to turn. {@code verify} is the slow, thorough one that runs the solutions.
 */
@Command(name = "lint", mixinStandardHelpOptions = true,
        description = "Check lesson files without running them: each parses, and each exercise has hints and a solution.")
public final class LintCommand implements Callable<Integer> {

    @Option(names = "--lessons", paramLabel = "DIR", description = "Lessons from this folder instead of the bundled ones.")
    Path lessons;

    @Override
    public Integer call() throws Exception {
        if (lessons != null && !Files.isDirectory(lessons)) {
            throw new IllegalArgumentException("no lesson folder at " + lessons);
        }
        LessonCatalog catalog = lessons == null ? LessonCatalog.bundled() : LessonCatalog.fromFolder(lessons);
        return report(catalog, System.out);
    }

    static int report(LessonCatalog catalog, PrintStream out) {
        for (LessonFormatException problem : catalog.problems()) {
            out.println("✗ " + problem.getMessage());
        }
        int warnings = 0;
        for (Lesson lesson : catalog.lessons()) {
            List<String> notes = warnings(lesson);
            warnings += notes.size();
            long exercises = lesson.steps().stream().filter(s -> !s.isReadingOnly()).count();
            out.printf("%s %s (%s): %d steps, %d to solve%n", notes.isEmpty() ? "✓" : "!", lesson.id(),
                    lesson.source(), lesson.steps().size(), exercises);
            notes.forEach(note -> out.println("  ! " + note));
        }
        int errors = catalog.problems().size();
        out.printf("%d lesson(s), %d error(s), %d warning(s).%n", catalog.lessons().size(), errors, warnings);
        return errors == 0 ? 0 : 1;
    }

    /** What parses but would leave a learner stuck: an exercise with no hint to ask for. */
    static List<String> warnings(Lesson lesson) {
        List<String> notes = new ArrayList<>();
        for (Step step : lesson.steps()) {
            if (step.quiz().isEmpty() && !step.checks().isEmpty() && step.hints().isEmpty()) {
                notes.add(lesson.source() + ":" + step.line() + ": step '" + step.title() + "' has a check but no hint");
            }
        }
        return notes;
    }
}
