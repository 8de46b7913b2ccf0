package io.awstutor.workshop;

import io.awstutor.lesson.LessonCatalog;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The board a running workshop draws from histories folded as events arrive is the board the
 * report draws from all the events at once: cells, done counts, median times, and the most
 * common failing checks and AWS errors; also when a learner's queue delivers an older event late.
 */
class ClassBoardTest {
    private static final LessonCatalog CATALOG = LessonCatalog.bundled();

    private static List<WorkshopEvent> day(long start) {
        List<ClassBoard.Column> columns = ClassBoard.columnsOf(CATALOG);
        List<WorkshopEvent> events = new ArrayList<>();
        long at = start;
        for (int i = 0; i < 6; i++) {
            ClassBoard.Column column = columns.get(i);
            String lesson = column.ref().lesson();
            String step = column.ref().step();
            events.add(WorkshopEvent.of(EventKind.STEP_ENTERED, at += 1000, lesson, step));
            events.add(WorkshopEvent.of(EventKind.CHECK_FAILED, at += 1000, lesson, step).withMessage("Not yet " + (i % 2)));
            events.add(WorkshopEvent.of(EventKind.AWS_ERROR, at += 1000, lesson, step).withError("S3", "GetObject", "NoSuchKey"));
            if (i == 2) {
                events.add(WorkshopEvent.of(EventKind.SOLUTION_SHOWN, at += 1000, lesson, step));
            }
            if (i < 5) {
                events.add(WorkshopEvent.of(EventKind.CHECK_PASSED, at += 1000 * (i + 1), lesson, step));
            }
        }
        return events;
    }

    private static String describe(ClassBoard board) {
        StringBuilder out = new StringBuilder();
        board.rows().forEach(row -> out.append(row.learner().name()).append(' ').append(row.done()).append(' ').append(row.cells()).append('\n'));
        board.stats().forEach(s -> out.append(s.column().ref().key()).append(' ').append(s.done()).append(' ').append(s.medianMillis())
                .append(' ').append(s.stuck()).append(' ').append(s.failures()).append(' ').append(s.errors()).append('\n'));
        return out.toString();
    }

    @Test
    void foldedAsTheyComeEqualsFoldedAtOnce() {
        long start = 1_000_000;
        List<Workshop.LearnerEvents> learners = new ArrayList<>();
        List<Workshop.LearnerState> states = new ArrayList<>();
        for (int n = 0; n < 3; n++) {
            Learner learner = new Learner("l" + n, "learner " + n, "00000000000" + n, "hash", start + n);
            List<WorkshopEvent> events = new ArrayList<>(day(start + n * 500L));
            if (n == 1) {
                // a queue delivered late: an event older than the ones before it
                events.add(WorkshopEvent.of(EventKind.HINT_SHOWN, start + 1500, events.get(0).lesson(), events.get(0).step()).withNumber(2));
            }
            LearnerHistory folded = new LearnerHistory(List.of());
            List<WorkshopEvent> so = new ArrayList<>();
            for (WorkshopEvent event : events) {
                so.add(event);
                if (!folded.add(event)) {
                    folded = new LearnerHistory(so);
                }
            }
            learners.add(new Workshop.LearnerEvents(learner, events));
            states.add(new Workshop.LearnerState(learner, folded.copy()));
        }
        long now = start + 3_600_000;
        ClassBoard atOnce = ClassBoard.of(CATALOG, learners, now, Duration.ofMinutes(10));
        ClassBoard asTheyCame = ClassBoard.ofHistories(CATALOG, states, now, Duration.ofMinutes(10));
        assertEquals(describe(atOnce), describe(asTheyCame));
        ClassBoard.StepStats first = asTheyCame.stats().get(0);
        assertEquals(3, first.done());
        assertEquals(List.of(new ClassBoard.Count("Not yet 0", 3)), first.failures());
        assertEquals(List.of(new ClassBoard.Count("NoSuchKey (S3 GetObject)", 3)), first.errors());
        assertEquals(ClassBoard.Cell.DONE_WITH_SOLUTION, asTheyCame.rows().get(0).cells().get(2));
        assertEquals(ClassBoard.Cell.STUCK, asTheyCame.rows().get(0).cells().get(5));
        assertEquals(2, asTheyCame.rows().get(1).history().facts(first.column().ref()).hints);
    }
}
