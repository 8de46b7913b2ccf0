package io.awstutor.workshop.web;

import io.awstutor.web.Html;
import io.awstutor.workshop.ClassBoard;
import io.awstutor.workshop.StepRef;

import java.util.ArrayList;
import java.util.List;

/**
 * The class board as markup: the learners × steps grid (each cell's state as a symbol, a
 * class for colour and words for screen readers) and the per-step table the instructor reads
 * to decide what to explain to the room.
 */
final class BoardView {
    private BoardView() {
    }

    static Html render(ClassBoard board, StepRef hold, int stuckMinutes) {
        return Html.join(summary(board, hold, stuckMinutes), grid(board), steps(board));
    }

    private static Html summary(ClassBoard board, StepRef hold, int stuckMinutes) {
        long stuck = board.stats().stream().mapToInt(ClassBoard.StepStats::stuck).sum();
        Html held = hold == null ? Html.empty() : Html.of(" <span class=\"badge warn\" id=\"hold-state\">holding at {}</span>", title(board, hold));
        return Html.of("<p class=\"w-summary\"><strong id=\"learner-count\">{}</strong> learners · <strong>{}</strong> stuck for more than {} min{}</p>",
                board.rows().size(), stuck, stuckMinutes, held);
    }

    static String title(ClassBoard board, StepRef ref) {
        return board.columns().stream().filter(c -> c.ref().equals(ref)).findFirst()
                .map(c -> c.lessonTitle() + " · " + c.number() + ". " + c.title()).orElse(ref.key());
    }

    private static Html grid(ClassBoard board) {
        if (board.rows().isEmpty()) {
            return Html.of("<p class=\"muted\" id=\"no-learners\">Nobody has joined yet.</p>");
        }
        List<Html> lessonHeads = new ArrayList<>();
        String lastLesson = null;
        int span = 0;
        for (ClassBoard.Column column : board.columns()) {
            if (!column.ref().lesson().equals(lastLesson)) {
                if (lastLesson != null) {
                    lessonHeads.add(lessonHead(lastLesson, board, span));
                }
                lastLesson = column.ref().lesson();
                span = 0;
            }
            span++;
        }
        if (lastLesson != null) {
            lessonHeads.add(lessonHead(lastLesson, board, span));
        }
        Html stepHeads = Html.each(board.columns(), c -> Html.of("<th scope=\"col\" class=\"w-step\" title=\"{}\">{}</th>",
                c.lessonTitle() + " · " + c.title(), c.number()));
        // a cell's markup depends only on its column and state: made once per pair, not per learner
        Html[][] made = new Html[board.columns().size()][ClassBoard.Cell.values().length];
        Html rows = Html.each(board.rows(), row -> {
            List<Html> cells = new ArrayList<>(row.cells().size());
            for (int i = 0; i < row.cells().size(); i++) {
                ClassBoard.Cell state = row.cells().get(i);
                Html[] column = made[i];
                if (column[state.ordinal()] == null) {
                    column[state.ordinal()] = cell(state, board.columns().get(i));
                }
                cells.add(column[state.ordinal()]);
            }
            return Html.of("<tr data-learner=\"{}\"><th scope=\"row\"><a href=\"{}\">{}</a>{}</th><td class=\"num\">{}</td>{}</tr>",
                    row.learner().id(), Html.href("learner/" + row.learner().id()), row.learner().name(),
                    row.history().idle() ? Html.of(" <span class=\"badge muted\">idle</span>")
                            : row.history().left() ? Html.of(" <span class=\"badge muted\">left</span>") : Html.empty(),
                    row.done(), Html.join(cells));
        });
        return Html.of("""
                <h2 id="grid-title">Learners × steps</h2>
                <p class="w-legend muted">✓ done · ◐ done after seeing the solution · ▶ working on it · ⚠ stuck · · not reached</p>
                <div class="table-wrap"><table class="w-grid" aria-labelledby="grid-title">
                <thead><tr><th scope="col" rowspan="2">Learner</th><th scope="col" rowspan="2" class="num">Done</th>{}</tr><tr>{}</tr></thead>
                <tbody>{}</tbody></table></div>
                """, Html.join(lessonHeads), stepHeads, rows);
    }

    private static Html lessonHead(String lessonId, ClassBoard board, int span) {
        String title = board.columns().stream().filter(c -> c.ref().lesson().equals(lessonId)).findFirst()
                .map(ClassBoard.Column::lessonTitle).orElse(lessonId);
        return Html.of("<th scope=\"colgroup\" colspan=\"{}\" class=\"w-lesson\">{}</th>", span, title);
    }

    private static Html cell(ClassBoard.Cell cell, ClassBoard.Column column) {
        // the lesson's title heads the column group above: a cell names its step only (the grid
        // of a class on the bundled lessons has 7,800 cells, and each refresh sends them all)
        String step = column.number() + ". " + column.title();
        return switch (cell) {
            case DONE -> Html.of("<td class=\"w-cell done\" title=\"{}: done\">✓<span class=\"sr-only\"> done</span></td>", step);
            case DONE_WITH_SOLUTION -> Html.of("<td class=\"w-cell helped\" title=\"{}: done after the solution\">◐<span class=\"sr-only\"> done with the solution</span></td>", step);
            case CURRENT -> Html.of("<td class=\"w-cell current\" title=\"{}: working on it\">▶<span class=\"sr-only\"> working on it</span></td>", step);
            case STUCK -> Html.of("<td class=\"w-cell stuck\" title=\"{}: stuck\">⚠<span class=\"sr-only\"> stuck</span></td>", step);
            case NOT_REACHED -> Html.of("<td class=\"w-cell\" title=\"{}: not reached\">·<span class=\"sr-only\"> not reached</span></td>", step);
        };
    }

    private static Html steps(ClassBoard board) {
        Html rows = Html.each(board.stats().stream().filter(s -> s.done() > 0 || s.stuck() > 0 || !s.failures().isEmpty()
                || !s.errors().isEmpty()).toList(), s -> Html.of(
                "<tr><th scope=\"row\">{}</th><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td>{}</td><td>{}</td></tr>",
                s.column().lessonTitle() + " · " + s.column().number() + ". " + s.column().title(), s.done(),
                ClassBoard.duration(s.medianMillis()), s.stuck(), counts(s.failures()), counts(s.errors())));
        return Html.of("""
                <h2 id="steps-title">Steps</h2>
                <div class="table-wrap"><table class="w-steps" aria-labelledby="steps-title">
                <thead><tr><th scope="col">Step</th><th scope="col" class="num">Done</th><th scope="col" class="num">Median time</th>
                <th scope="col" class="num">Stuck</th><th scope="col">Most common failing checks</th><th scope="col">Most common AWS errors</th></tr></thead>
                <tbody>{}</tbody></table></div>
                """, rows.isEmpty() ? Html.of("<tr><td colspan=\"6\" class=\"muted\">Nothing yet.</td></tr>") : rows);
    }

    private static Html counts(List<ClassBoard.Count> counts) {
        if (counts.isEmpty()) {
            return Html.of("<span class=\"muted\">—</span>");
        }
        return Html.of("<ol class=\"w-counts\">{}</ol>", Html.each(counts, c -> Html.of("<li>{} <span class=\"badge muted\">×{}</span></li>",
                c.text(), c.count())));
    }
}
