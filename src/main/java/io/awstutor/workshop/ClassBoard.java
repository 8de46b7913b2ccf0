package io.awstutor.workshop;

import io.awstutor.lesson.Lesson;
import io.awstutor.lesson.LessonCatalog;
import io.awstutor.lesson.Step;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The class at one moment, as the instructor's grid shows it: learners × steps, each cell
 * done, done with the solution shown, current, stuck (current for longer than the threshold)
 * or not reached; and per step what tells the instructor what to explain to the room: the
 * median time to pass it, how many are stuck on it, the most common failing-check messages
 * and AWS error codes.
 */
public final class ClassBoard {
    public enum Cell { NOT_REACHED, CURRENT, STUCK, DONE, DONE_WITH_SOLUTION }

    public record Column(StepRef ref, String lessonTitle, String title, int number, boolean readingOnly) {
    }

    public record Row(Learner learner, List<Cell> cells, LearnerHistory history, int done) {
    }

    public record Count(String text, int count) {
    }

    public record StepStats(Column column, long medianMillis, int done, int stuck, List<Count> failures, List<Count> errors) {
        public boolean hasMedian() {
            return medianMillis >= 0;
        }
    }

    private final List<Column> columns;
    private final List<Row> rows;
    private final List<StepStats> stats;

    private ClassBoard(List<Column> columns, List<Row> rows, List<StepStats> stats) {
        this.columns = columns;
        this.rows = rows;
        this.stats = stats;
    }

    public List<Column> columns() { return columns; }
    public List<Row> rows() { return rows; }
    public List<StepStats> stats() { return stats; }

    public static List<Column> columnsOf(LessonCatalog catalog) {
        List<Column> columns = new ArrayList<>();
        for (Lesson lesson : catalog.lessons()) {
            int number = 1;
            for (Step step : lesson.steps()) {
                columns.add(new Column(new StepRef(lesson.id(), step.id()), lesson.title(), step.title(), number++, step.isReadingOnly()));
            }
        }
        return columns;
    }

    public static ClassBoard of(LessonCatalog catalog, List<Workshop.LearnerEvents> learners, long now, Duration stuckAfter) {
        return ofHistories(catalog, learners.stream().map(l -> new Workshop.LearnerState(l.learner(), new LearnerHistory(l.events())))
                .toList(), now, stuckAfter);
    }

    /** From histories already folded (a running workshop keeps them): no event is read again. */
    public static ClassBoard ofHistories(LessonCatalog catalog, List<Workshop.LearnerState> learners, long now, Duration stuckAfter) {
        List<Column> columns = columnsOf(catalog);
        Map<StepRef, Integer> indexes = new java.util.HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            indexes.putIfAbsent(columns.get(i).ref(), i);
        }
        List<Row> rows = new ArrayList<>();
        for (Workshop.LearnerState learner : learners) {
            LearnerHistory history = learner.history();
            List<Cell> cells = new ArrayList<>();
            int done = 0;
            int currentIndex = history.current() == null ? -1 : indexes.getOrDefault(history.current(), -1);
            for (int i = 0; i < columns.size(); i++) {
                Cell cell = cell(columns.get(i), i, currentIndex, history, now, stuckAfter);
                if (cell == Cell.DONE || cell == Cell.DONE_WITH_SOLUTION) {
                    done++;
                }
                cells.add(cell);
            }
            rows.add(new Row(learner.learner(), cells, history, done));
        }
        List<StepStats> stats = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            stats.add(stats(columns.get(i), i, rows));
        }
        return new ClassBoard(columns, rows, stats);
    }

    private static Cell cell(Column column, int index, int currentIndex, LearnerHistory history, long now, Duration stuckAfter) {
        LearnerHistory.StepFacts facts = history.facts(column.ref());
        boolean passed = facts.passed() || (column.readingOnly() && history.reached(column.ref()) && index < currentIndex);
        if (passed) {
            return facts.solutionShown ? Cell.DONE_WITH_SOLUTION : Cell.DONE;
        }
        if (index == currentIndex) {
            return now - history.currentSince() > stuckAfter.toMillis() && !history.left() ? Cell.STUCK : Cell.CURRENT;
        }
        return Cell.NOT_REACHED;
    }

    private static StepStats stats(Column column, int index, List<Row> rows) {
        List<Long> times = new ArrayList<>();
        int done = 0;
        int stuck = 0;
        Map<String, Integer> failures = new LinkedHashMap<>();
        Map<String, Integer> errors = new LinkedHashMap<>();
        for (Row row : rows) {
            Cell cell = row.cells().get(index);
            LearnerHistory.StepFacts facts = row.history().facts(column.ref());
            if (cell == Cell.DONE || cell == Cell.DONE_WITH_SOLUTION) {
                done++;
                long millis = facts.millisToPass();
                if (millis >= 0) {
                    times.add(millis);
                }
            } else if (cell == Cell.STUCK) {
                stuck++;
            }
            facts.failures.forEach((message, count) -> failures.merge(message, count, Integer::sum));
            facts.errors.forEach((code, count) -> errors.merge(code, count, Integer::sum));
        }
        return new StepStats(column, median(times), done, stuck, top(failures, 3), top(errors, 3));
    }

    public static long median(List<Long> values) {
        if (values.isEmpty()) {
            return -1;
        }
        List<Long> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static List<Count> top(Map<String, Integer> counts, int n) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(n).map(e -> new Count(e.getKey(), e.getValue())).toList();
    }

    /** "4 min 05 s", "38 s" */
    public static String duration(long millis) {
        if (millis < 0) {
            return "—";
        }
        long seconds = Math.round(millis / 1000.0);
        return seconds < 60 ? seconds + " s" : seconds / 60 + " min " + String.format("%02d", seconds % 60) + " s";
    }

    static Comparator<Row> byProgress() {
        return Comparator.comparingInt(Row::done).reversed();
    }
}
