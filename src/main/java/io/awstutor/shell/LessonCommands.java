package io.awstutor.shell;

import io.awstutor.check.Verdict;
import io.awstutor.lesson.Lesson;
import org.jline.utils.AttributedStyle;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The lesson loop's commands: moving between lessons and steps ({@code /lesson}, {@code /next},
 * {@code /prev}, {@code /skip}), checking ({@code /check}), help with a step ({@code /hint},
 * {@code /solution}, {@code /answer}), and where the learner stands ({@code /lessons},
 * {@code /progress}, {@code /catchup}).
 */
final class LessonCommands {
    private final ShellIO io;
    private final Tutor tutor;
    private final LessonView view;
    private final TutorShell shell;
    private final CatchUp catchUp;

    LessonCommands(ShellIO io, Tutor tutor, LessonView view, TutorShell shell) {
        this.io = io;
        this.tutor = tutor;
        this.view = view;
        this.shell = shell;
        this.catchUp = new CatchUp(io, tutor, view, shell);
    }

    CatchUp catchUp() {
        return catchUp;
    }

    List<SlashCommand> commands() {
        return List.of(
                new SlashCommand("lessons", "", "all lessons: done, in progress or new", a -> { view.showLessons(); return true; }),
                new SlashCommand("lesson", "ID [STEP]", "go to a lesson (and a step number)", this::lesson,
                        index -> index == 1 ? tutor.catalog().lessons().stream().map(Lesson::id).toList() : stepNumbers()),
                new SlashCommand("step", "[N]", "show the current step again (or go to step N of this lesson)", this::step,
                        index -> index == 1 ? stepNumbers() : List.of()),
                new SlashCommand("next", "", "go to the next step", a -> next()),
                new SlashCommand("prev", "", "go back one step", a -> prev()),
                new SlashCommand("skip", "", "leave this step undone and go on", a -> skip()),
                new SlashCommand("check", "", "check the current step now", a -> check()),
                new SlashCommand("catchup", "", "rebuild what this lesson's earlier steps made (after a restart)", a -> catchUp.run()),
                new SlashCommand("hint", "", "the next hint, from gentle to explicit", a -> hint()),
                new SlashCommand("solution", "", "show one solution (marks the step solved with help)", a -> solution()),
                new SlashCommand("answer", "N", "answer the step's question (typing just the number does too)", this::answer),
                new SlashCommand("progress", "", "your progress, per lesson and overall", a -> { view.showProgress(); return true; }));
    }

    private List<String> stepNumbers() {
        List<String> numbers = new ArrayList<>();
        for (int i = 1; i <= tutor.lesson().steps().size(); i++) {
            numbers.add(String.valueOf(i));
        }
        return numbers;
    }

    private boolean lesson(String arguments) {
        String[] parts = arguments.split("\\s+");
        if (arguments.isBlank()) {
            view.showLessons();
            return true;
        }
        Optional<Lesson> lesson = tutor.catalog().find(parts[0]);
        if (lesson.isEmpty()) {
            view.line(AttributedStyle.DEFAULT.foreground(AttributedStyle.RED), "No lesson '" + parts[0] + "'. /lessons lists them.");
            return true;
        }
        int step = 0;
        if (parts.length > 1) {
            try {
                step = Integer.parseInt(parts[1]) - 1;
            } catch (NumberFormatException e) {
                view.line(AttributedStyle.DEFAULT.foreground(AttributedStyle.RED), "The step is a number, 1 to " + lesson.get().steps().size() + ".");
                return true;
            }
        }
        int steps = lesson.get().steps().size();
        if (step < 0 || step >= steps) {
            io.out().println(lesson.get().id() + " has steps 1 to " + steps + "; here is step " + (step < 0 ? 1 : steps) + ".");
        }
        tutor.goTo(lesson.get(), step);
        view.showStep(tutor.stepNumber() == 1);
        return true;
    }

    /** A learner who types {@code /step 3} means step 3, as {@code /lesson ID 3} would take them there. */
    private boolean step(String arguments) {
        if (arguments.isBlank()) {
            view.showStep(false);
            return true;
        }
        return lesson(tutor.lesson().id() + " " + arguments.trim());
    }

    private boolean next() {
        if (tutor.step().isReadingOnly()) {
            tutor.markReadingDone();
        } else if (!tutor.isStepDone()) {
            Verdict verdict = tutor.check();
            if (verdict.passed()) {
                view.line(AttributedStyle.BOLD.foreground(AttributedStyle.GREEN), "✓ Step done: " + tutor.step().title() + ".");
            } else {
                view.line(AttributedStyle.DEFAULT.faint(), "(Moving on with this step not done: " + verdict.message() + ")");
            }
        }
        if (!tutor.next()) {
            view.line(AttributedStyle.BOLD, view.whatComesNext());
            return true;
        }
        view.showStep(tutor.stepNumber() == 1);
        return true;
    }

    private boolean prev() {
        if (!tutor.prev()) {
            io.out().println("This is the first step.");
            return true;
        }
        view.showStep(false);
        return true;
    }

    private boolean skip() {
        if (!tutor.next()) {
            io.out().println("This is the last step.");
            return true;
        }
        view.showStep(tutor.stepNumber() == 1);
        return true;
    }

    private boolean check() {
        if (tutor.step().isReadingOnly()) {
            io.out().println("Nothing to check in this step: /next when you are ready.");
            return true;
        }
        if (tutor.isStepDone()) {
            Verdict verdict = tutor.check();
            view.line(AttributedStyle.DEFAULT.foreground(verdict.passed() ? AttributedStyle.GREEN : AttributedStyle.YELLOW),
                    verdict.passed() ? "✓ Still done." : "· Done before, but now: " + verdict.message());
            return true;
        }
        Verdict verdict = tutor.check();
        if (verdict.passed()) {
            view.line(AttributedStyle.BOLD.foreground(AttributedStyle.GREEN), "✓ Step done: " + tutor.step().title() + ".");
            shell.advance();
        } else {
            view.line(AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW), "· Not yet: " + verdict.message());
        }
        return true;
    }

    private boolean hint() {
        Optional<Tutor.Hint> hint = tutor.nextHint();
        if (hint.isEmpty()) {
            io.out().println("This step has no hints." + (tutor.step().solution().isPresent() ? " /solution shows one way." : ""));
            return true;
        }
        Tutor.Hint h = hint.get();
        view.line(AttributedStyle.BOLD, "Hint " + h.number() + " of " + h.total() + ":");
        view.markdown(h.text());
        view.line(AttributedStyle.DEFAULT.faint(), h.remaining() > 0
                ? "(" + h.remaining() + " more with /hint)" : "(that was the last hint; /solution shows one way)");
        return true;
    }

    private boolean solution() {
        if (tutor.step().quiz().isPresent()) {
            io.out().println("This step is a question: answer it with /answer N (/hint helps).");
            return true;
        }
        boolean doneAlready = tutor.isStepDone();
        Optional<String> solution = tutor.solution();
        if (solution.isEmpty()) {
            io.out().println(tutor.step().isReadingOnly()
                    ? "Nothing to solve in this step: /next when you are ready." : "This step has no reference solution.");
            return true;
        }
        view.line(AttributedStyle.BOLD, doneAlready ? "One way to do it:" : "One way to do it (the step now counts as solved with help):");
        view.markdown("```java\n" + solution.get() + "\n```");
        if (io.interactive()) {
            view.line(AttributedStyle.DEFAULT.faint(), "(It is on your input line: edit it or press Enter to run it.)");
            shell.offerInput(solution.get());
        }
        return true;
    }

    private boolean answer(String arguments) {
        if (tutor.step().quiz().isEmpty()) {
            io.out().println("This step has no question to answer.");
            return true;
        }
        int choices = tutor.step().quiz().get().choices().size();
        int choice;
        try {
            choice = Integer.parseInt(arguments.trim());
        } catch (NumberFormatException e) {
            choice = -1;
        }
        if (choice < 1 || choice > choices) {
            io.out().println("Answer with a number from 1 to " + choices + ", e.g. /answer 2.");
            return true;
        }
        tutor.answer(choice);
        Verdict verdict = tutor.check();
        if (verdict.passed()) {
            String explanation = tutor.step().quiz().get().explanation();
            view.line(AttributedStyle.BOLD.foreground(AttributedStyle.GREEN), "✓ Right.");
            if (!explanation.isBlank()) {
                view.markdown(explanation);
            }
            shell.advance();
        } else {
            view.line(AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW), "· " + verdict.message());
        }
        return true;
    }
}
