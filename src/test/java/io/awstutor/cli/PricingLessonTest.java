package io.awstutor.cli;

import io.awstutor.lesson.Lesson;
import io.awstutor.lesson.LessonCatalog;
import io.awstutor.lesson.Step;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Understanding pricing" solved in a scripted shell session, as a learner would: every step
 * done, the Cost Explorer calls noted as billable on AWS, and {@code /cost} naming the
 * prices' date and the budget whose alert was sent. (LessonVerifierTest proves its checks
 * fail first and pass after each solution.)
 */
class PricingLessonTest {
    private static final Map<String, String> FAST_SANDBOX = Map.of("AWSTUTOR_SANDBOX_TIME_SCALE", "0.002");

    @Test
    void theLessonIsLastAndSolvedInTheShellWithTheBudgetAlertShownByCost(@TempDir Path home) throws Exception {
        LessonCatalog catalog = LessonCatalog.bundled();
        Lesson lesson = catalog.find("pricing").orElseThrow();
        assertEquals(lesson, catalog.lessons().get(catalog.lessons().size() - 1), "the chapter's last lesson");
        assertTrue(lesson.intro().contains("Billing and the free tier"), "the disclaimer has its place");

        StringBuilder script = new StringBuilder("/lesson pricing\n/cost\n");
        for (Step step : lesson.steps()) {
            if (step.quiz().isPresent()) {
                script.append("/answer ").append(step.quiz().get().answer()).append('\n');
            } else {
                script.append(step.solution().orElseThrow()).append('\n');
            }
            if (step.id().equals("leave-something-running-and-watch-the-bill")) {
                script.append("/cost\n");
            }
        }
        CliProcess.Result result = CliProcess.run(home, FAST_SANDBOX, script.toString());
        assertEquals(0, result.exitCode(), result::toString);
        String out = result.stdout();
        for (Step step : lesson.steps()) {
            if (step.quiz().isEmpty()) {
                assertTrue(out.contains("✓ Step done: " + step.title() + "."), () -> "step '" + step.title() + "' not done:\n" + result);
            }
        }
        assertTrue(out.contains("★ Lesson complete: Understanding pricing."), result::toString);
        assertTrue(out.contains("(Prices: us-east-1 list prices of 2026-03-20.)"), result::toString);
        assertTrue(out.contains("USD 0.0100 per request"), () -> "Cost Explorer's price is noted:\n" + result);
        String unwrapped = out.replaceAll("\\s+", " ");
        assertTrue(unwrapped.matches(".*Budget learn-[a-z0-9]+-monthly: [0-9.]+ of 5 USD monthly, forecast [0-9.]+; ⚠ alert sent: forecasted over 100.0%.*"),
                result::toString);
        assertFalse(out.contains("\tat "), () -> "no stack trace:\n" + result);
    }
}
