package io.awstutor.workshop;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.awstutor.lesson.LessonCatalog;
import io.awstutor.web.Html;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a workshop leaves behind: per learner and step the time it took, the attempts (failed
 * checks, and the pass), the hints and whether the solution was used; per step the share of
 * the class that passed it and the median time. As CSV, JSON or an HTML page.
 */
public record WorkshopReport(String workshop, long generatedAt, List<LearnerStep> learners, List<StepSummary> steps) {

    /** {@code seconds} is null while the step is not passed (JSON null, an empty CSV cell; never a -1 to trip a script). */
    public record LearnerStep(String learner, String lesson, String step, String title, boolean passed, Long seconds,
                              int attempts, int hints, boolean solutionUsed) {
    }

    /** {@code medianSeconds} is null when nobody passed it. */
    public record StepSummary(String lesson, String step, String title, int learners, int passed, double completionRate,
                              Long medianSeconds) {
    }

    public static WorkshopReport of(String name, LessonCatalog catalog, List<Workshop.LearnerEvents> snapshot, long now) {
        ClassBoard board = ClassBoard.of(catalog, snapshot, now, Duration.ofDays(3650));
        List<LearnerStep> rows = new ArrayList<>();
        for (ClassBoard.Row row : board.rows()) {
            for (int i = 0; i < board.columns().size(); i++) {
                ClassBoard.Column column = board.columns().get(i);
                ClassBoard.Cell cell = row.cells().get(i);
                if (cell == ClassBoard.Cell.NOT_REACHED && !row.history().reached(column.ref())) {
                    continue;
                }
                LearnerHistory.StepFacts facts = row.history().facts(column.ref());
                boolean passed = cell == ClassBoard.Cell.DONE || cell == ClassBoard.Cell.DONE_WITH_SOLUTION;
                long millis = facts.millisToPass();
                rows.add(new LearnerStep(row.learner().name(), column.ref().lesson(), column.ref().step(), column.title(), passed,
                        passed && millis >= 0 ? Long.valueOf(Math.round(millis / 1000.0)) : null,
                        facts.failedChecks + (facts.passed() ? 1 : 0), facts.hints, facts.solutionShown));
            }
        }
        List<StepSummary> steps = new ArrayList<>();
        int learnerCount = board.rows().size();
        for (ClassBoard.StepStats stats : board.stats()) {
            ClassBoard.Column column = stats.column();
            steps.add(new StepSummary(column.ref().lesson(), column.ref().step(), column.title(), learnerCount, stats.done(),
                    learnerCount == 0 ? 0 : (double) stats.done() / learnerCount,
                    stats.hasMedian() ? Long.valueOf(Math.round(stats.medianMillis() / 1000.0)) : null));
        }
        return new WorkshopReport(name, now, rows, steps);
    }

    public static WorkshopReport of(Workshop workshop) {
        return of(workshop.name(), workshop.catalog(), workshop.snapshot(), workshop.clock().millis());
    }

    public String json() {
        try {
            return WorkshopJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the report could not be written as JSON", e);
        }
    }

    public static WorkshopReport fromJson(String json) throws JsonProcessingException {
        return WorkshopJson.MAPPER.readValue(json, WorkshopReport.class);
    }

    /** Two tables in one file: the learners' rows, a blank line, the steps' rows. */
    public String csv() {
        StringBuilder out = new StringBuilder("learner,lesson,step,title,passed,seconds,attempts,hints,solution_used\n");
        for (LearnerStep row : learners) {
            out.append(String.join(",", cell(row.learner()), cell(row.lesson()), cell(row.step()), cell(row.title()),
                    String.valueOf(row.passed()), row.seconds() == null ? "" : String.valueOf(row.seconds()),
                    String.valueOf(row.attempts()), String.valueOf(row.hints()), String.valueOf(row.solutionUsed()))).append('\n');
        }
        out.append("\nlesson,step,title,learners,passed,completion_rate,median_seconds\n");
        for (StepSummary step : steps) {
            out.append(String.join(",", cell(step.lesson()), cell(step.step()), cell(step.title()),
                    String.valueOf(step.learners()), String.valueOf(step.passed()),
                    String.format(Locale.ROOT, "%.2f", step.completionRate()),
                    step.medianSeconds() == null ? "" : String.valueOf(step.medianSeconds()))).append('\n');
        }
        return out.toString();
    }

    /** RFC 4180 quoting; a leading =, +, - or @ is defused so a spreadsheet does not run a learner's name as a formula. */
    static String cell(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    /** A page of its own (no scripts), every learner-given text escaped. */
    public Html html() {
        Html stepRows = Html.each(steps, s -> Html.of("<tr><td>{}</td><td>{}</td><td class=\"num\">{}/{}</td>"
                        + "<td class=\"num\">{}%</td><td class=\"num\">{}</td></tr>", s.lesson(), s.title(), s.passed(), s.learners(),
                Math.round(s.completionRate() * 100), s.medianSeconds() == null ? "—" : ClassBoard.duration(s.medianSeconds() * 1000)));
        Html learnerRows = Html.each(learners, r -> Html.of("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td>"
                        + "<td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td>{}</td></tr>",
                r.learner(), r.lesson(), r.title(), r.passed() ? "passed" : "not yet",
                r.seconds() == null ? "—" : ClassBoard.duration(r.seconds() * 1000), r.attempts(), r.hints(), r.solutionUsed() ? "yes" : "no"));
        return Html.of("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>{} — report</title>
                <style>body{font-family:system-ui,sans-serif;margin:1.5rem}table{border-collapse:collapse;margin:1rem 0}
                th,td{border-bottom:1px solid #ccc;padding:.3rem .6rem;text-align:left}td.num{text-align:right}</style></head>
                <body><main><h1>{} — report</h1>
                <h2>Steps</h2><table><thead><tr><th>Lesson</th><th>Step</th><th>Passed</th><th>Completion</th><th>Median time</th></tr></thead>
                <tbody>{}</tbody></table>
                <h2>Learners</h2><table><thead><tr><th>Learner</th><th>Lesson</th><th>Step</th><th>Result</th><th>Time</th><th>Attempts</th>
                <th>Hints</th><th>Solution used</th></tr></thead><tbody>{}</tbody></table></main></body></html>
                """, workshop, workshop, stepRows, learnerRows);
    }
}
