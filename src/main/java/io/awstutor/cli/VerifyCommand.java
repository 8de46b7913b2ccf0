package io.awstutor.cli;

import io.awstutor.lesson.Lesson;
import io.awstutor.lesson.LessonCatalog;
import io.awstutor.lesson.LessonFormatException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code awstutor verify [LESSON...]}: every step's check fails first and passes after its solution. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Check the lessons themselves: on a fresh sandbox, each step's check must fail, then pass after its reference solution.")
public final class VerifyCommand implements Callable<Integer> {

    @Parameters(paramLabel = "LESSON", arity = "0..*", description = "Lesson ids (default: all).")
    List<String> lessonIds;

    @Option(names = "--lessons", paramLabel = "DIR", description = "Lessons from this folder instead of the bundled ones.")
    Path lessons;

    @Option(names = "--target", paramLabel = "TARGET",
            description = "Verify on this target instead of the sandbox: moto, endpoint (with --endpoint-url), container.")
    String target;

    @Option(names = "--endpoint-url", paramLabel = "URL", description = "The emulator for --target endpoint.")
    String endpointUrl;

    @Override
    public Integer call() throws Exception {
        if ("aws".equalsIgnoreCase(target)) {
            throw new IllegalArgumentException("verify runs every step's solution: it does not run on a real account");
        }
        LessonCatalog catalog = lessons == null ? LessonCatalog.bundled() : LessonCatalog.fromFolder(lessons);
        int failures = 0;
        for (LessonFormatException problem : catalog.problems()) {
            System.out.println("✗ " + problem.getMessage());
            failures++;
        }
        int steps = 0;
        LessonVerifier verifier = new LessonVerifier(0.002, target == null ? null
                : new io.awstutor.target.TargetRequest(target, endpointUrl, null, null, null, System.getenv()));
        for (Lesson lesson : LessonVerifier.select(catalog, lessonIds)) {
            for (LessonVerifier.StepResult result : verifier.verify(lesson)) {
                steps++;
                if (!result.ok()) {
                    failures++;
                }
                System.out.printf("%s %s %d %s: %s%n", result.ok() ? "✓" : "✗", result.lessonId(), result.number(),
                        result.stepId(), result.detail());
            }
        }
        System.out.println(failures == 0
                ? "All " + steps + " steps verified."
                : failures + " problem(s) in " + steps + " steps.");
        return failures == 0 ? 0 : 1;
    }
}
