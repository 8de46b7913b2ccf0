package io.awstutor.shell;

import io.awstutor.lesson.Lesson;
import io.awstutor.lesson.MarkdownRenderer;
import io.awstutor.lesson.Quiz;
import io.awstutor.lesson.TextWrap;
import io.awstutor.lesson.Step;
import io.awstutor.target.TargetSettings;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

import java.util.ArrayList;
import java.util.List;

/** How lessons, steps and progress look in the shell. */
final class LessonView {
    private final ShellIO io;
    private final Tutor tutor;

    LessonView(ShellIO io, Tutor tutor) {
        this.io = io;
        this.tutor = tutor;
    }

    private AttributedStyle style(AttributedStyle s) {
        return io.color() ? s : AttributedStyle.DEFAULT;
    }

    /** While a step is being shown, lines gather here so a long page can be paged as one. */
    private List<AttributedString> page;

    private void emit(List<AttributedString> lines) {
        if (page != null) {
            page.addAll(lines);
        } else {
            io.printAll(lines);
        }
    }

    void markdown(String text) {
        emit(new MarkdownRenderer(io.width(), io.color()).render(tutor.substitute(text)));
    }

    void line(AttributedStyle s, String text) {
        List<AttributedString> lines = new ArrayList<>();
        for (String piece : OutcomePrinter.wrap(text, io.width())) {
            lines.add(new AttributedStringBuilder().styled(style(s), piece).toAttributedString());
        }
        emit(lines);
    }

    private void plain(String text) {
        emit(List.of(new AttributedString(text)));
    }

    /** The current step: its title with its place in the lesson, its prose, its quiz. */
    void showStep(boolean withIntro) {
        page = new ArrayList<>();
        try {
            showStepLines(withIntro);
            io.printAll(page);
        } finally {
            page = null;
        }
    }

    private void showStepLines(boolean withIntro) {
        Lesson lesson = tutor.lesson();
        Step step = tutor.step();
        if (withIntro) {
            line(AttributedStyle.BOLD.foreground(AttributedStyle.CYAN), "━━ " + lesson.title() + " ━━");
            if (!lesson.intro().isBlank()) {
                markdown(lesson.intro());
            }
            plain("");
        }
        String done = tutor.isStepDone() ? "  (done)" : "";
        line(AttributedStyle.BOLD.foreground(AttributedStyle.YELLOW),
                "Step " + tutor.stepNumber() + "/" + lesson.steps().size() + ": " + step.title() + done);
        if (!step.body().isBlank()) {
            markdown(step.body());
        }
        step.quiz().ifPresent(this::showQuiz);
        step.cost().ifPresent(cost -> {
            var target = tutor.checkClients().settings();
            if (cost.billable() && target.kind() == TargetSettings.TargetKind.AWS) {
                line(AttributedStyle.BOLD.foreground(AttributedStyle.RED), "⚠ This step is billable on " + target.describe()
                        + ": " + cost.summary());
                line(AttributedStyle.DEFAULT.foreground(AttributedStyle.RED),
                        "  The cost guard asks before the billable call leaves; /cost shows what runs, /cleanup removes it.");
            } else {
                line(AttributedStyle.DEFAULT.foreground(AttributedStyle.RED), "Cost on a real account: " + cost.summary());
            }
        });
        if (step.isReadingOnly()) {
            line(AttributedStyle.DEFAULT.faint(), "(Nothing to do here: /next when you are ready.)");
        } else if (!step.hints().isEmpty()) {
            line(AttributedStyle.DEFAULT.faint(), "(/hint for a hint, /check to check, /solution to see one way)");
        }
    }

    private void showQuiz(Quiz quiz) {
        if (!quiz.question().isBlank()) {
            markdown(quiz.question());
        }
        for (int i = 0; i < quiz.choices().size(); i++) {
            TextWrap.hanging("  " + (i + 1) + ". ", tutor.substitute(quiz.choices().get(i)), io.width()).forEach(this::plain);
        }
        line(AttributedStyle.DEFAULT.faint(), "(type the number of your answer, or /answer N)");
    }

    /**
     * One line per lesson, sized to the terminal: where the learner is, done / in progress /
     * new, the count, the id to type after /lesson, and the title last, wrapped under itself
     * when the width runs out (80 columns hold the id and status of every bundled lesson).
     */
    void showLessons() {
        List<Lesson> lessons = tutor.catalog().lessons();
        int idWidth = lessons.stream().mapToInt(l -> l.id().length()).max().orElse(8);
        int countWidth = lessons.stream().mapToInt(l -> (l.steps().size() + "/" + l.steps().size()).length()).max().orElse(3);
        int titleColumn = 4 + idWidth + 2 + countWidth + 2 + "in progress".length() + 2;
        int titleWidth = Math.max(20, io.width() - titleColumn - 1);
        for (Lesson lesson : lessons) {
            int done = tutor.doneCount(lesson);
            boolean here = lesson == tutor.lesson();
            String mark = done == lesson.steps().size() ? "✓" : done > 0 || here ? "…" : " ";
            String status = done == lesson.steps().size() ? "done" : done > 0 ? "in progress" : "new";
            String head = String.format("%s %s %-" + idWidth + "s  %" + countWidth + "s  %-11s  ", here ? "▸" : " ", mark,
                    lesson.id(), done + "/" + lesson.steps().size(), status);
            List<String> title = OutcomePrinter.wrap(lesson.title(), titleWidth);
            AttributedStyle style = here ? AttributedStyle.BOLD : AttributedStyle.DEFAULT;
            List<AttributedString> lines = new ArrayList<>();
            for (int i = 0; i < title.size(); i++) {
                String text = (i == 0 ? head : " ".repeat(titleColumn)) + title.get(i).strip();
                lines.add(new AttributedStringBuilder().styled(style(style), text).toAttributedString());
            }
            io.printAll(lines);
        }
        line(AttributedStyle.DEFAULT.faint(), "(▸ is where you are; /lesson ID [STEP] goes to a lesson)");
        for (var problem : tutor.catalog().problems()) {
            line(AttributedStyle.DEFAULT.foreground(AttributedStyle.RED), "  ! not loaded: " + problem.getMessage());
        }
    }

    /** At a lesson's end: the next lesson to open, or how far the learner got over all of them. */
    String whatComesNext() {
        List<Lesson> lessons = tutor.catalog().lessons();
        int index = lessons.indexOf(tutor.lesson());
        if (index + 1 < lessons.size()) {
            return "Next: " + lessons.get(index + 1).title() + " — /next opens it.";
        }
        int total = lessons.stream().mapToInt(l -> l.steps().size()).sum();
        int done = lessons.stream().mapToInt(tutor::doneCount).sum();
        return done == total ? "That was the last lesson, and every step of every lesson is done."
                : "That was the last lesson; " + done + " of " + total + " steps are done — /progress shows which are left.";
    }

    void showProgress() {
        int totalSteps = 0;
        int totalDone = 0;
        List<AttributedString> lines = new ArrayList<>();
        for (Lesson lesson : tutor.catalog().lessons()) {
            int done = tutor.doneCount(lesson);
            totalSteps += lesson.steps().size();
            totalDone += done;
            lines.add(bar(String.format("%-22s", lesson.id()), done, lesson.steps().size()));
        }
        io.printAll(lines);
        io.print(bar(String.format("%-22s", "overall"), totalDone, totalSteps));
        int helped = tutor.progress().lessons.values().stream().mapToInt(s -> s.helped.size()).sum();
        if (helped > 0) {
            io.out().println("  (" + helped + " step" + (helped == 1 ? "" : "s") + " solved with the reference solution's help)");
        }
    }

    AttributedString bar(String label, int done, int total) {
        int width = 24;
        int filled = total == 0 ? 0 : Math.round((float) width * done / total);
        return new AttributedStringBuilder().append("  ").append(label).append(" ")
                .styled(style(AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN)), "█".repeat(filled))
                .styled(style(AttributedStyle.DEFAULT.faint()), (io.color() ? "░" : "·").repeat(width - filled))
                .append(String.format(" %d/%d", done, total)).toAttributedString();
    }
}
