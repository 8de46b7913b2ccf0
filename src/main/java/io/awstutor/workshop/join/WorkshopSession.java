package io.awstutor.workshop.join;

import io.awstutor.check.Verdict;
import io.awstutor.jshell.agent.CallRecord;
import io.awstutor.lesson.Lesson;
import io.awstutor.lesson.Step;
import io.awstutor.shell.SessionHooks;
import io.awstutor.shell.Tutor;
import io.awstutor.shell.TutorShell;
import io.awstutor.workshop.Broadcast;
import io.awstutor.workshop.EventKind;
import io.awstutor.workshop.StepRef;
import io.awstutor.workshop.Workshop;
import io.awstutor.workshop.WorkshopEvent;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A learner's shell in a workshop: what the learner does becomes events for the instructor
 * (queued on disk, delivered in the background), the instructor's broadcasts show before
 * the next prompt, a hold keeps the learner at the instructor's step, the prompt names the
 * workshop, and {@code /workshop leave} lets the learner go on alone.
 */
public final class WorkshopSession implements SessionHooks, Tutor.Listener, AutoCloseable {
    private final Membership membership;
    private final EventQueue queue;
    private final Clock clock;
    private final Duration idleAfter;
    private final ConcurrentLinkedQueue<String> notices = new ConcurrentLinkedQueue<>();
    private final ScheduledExecutorService idleWatch;
    private final Runnable onLeave;
    private EventCourier courier;
    private Tutor tutor;
    private volatile StepRef hold;
    private volatile boolean holdAnnounced;
    private volatile long lastActivity;
    private volatile boolean idleReported;
    private volatile boolean active = true;

    /** {@code onLeave} forgets the membership (the shell then goes on alone). */
    public WorkshopSession(Membership membership, EventQueue queue, WorkshopClient client, Clock clock, Duration idleAfter,
                           Runnable onLeave) {
        this.membership = membership;
        this.queue = queue;
        this.clock = clock;
        this.idleAfter = idleAfter;
        this.onLeave = onLeave;
        this.lastActivity = clock.millis();
        this.courier = new EventCourier(queue, client, membership, this::received, notices::add);
        this.idleWatch = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "awstutor-workshop-idle");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Hooks into the shell (after the target desk) and the tutor, adds /workshop, and starts delivering. */
    public void install(TutorShell shell, Tutor tutor) {
        this.tutor = tutor;
        tutor.listen(this);
        shell.hooks(SessionHooks.both(shell.hooks(), this));
        shell.commands().add("workshop", "[leave]", "the workshop you joined; /workshop leave goes on alone", this::command,
                index -> index == 1 ? List.of("leave") : List.of());
        report(EventKind.STEP_ENTERED, tutor.lesson(), tutor.step());
        courier.deliverOnce(); // the instructor's broadcasts and hold are known before the first prompt
        courier.start();
        long period = Math.max(1, idleAfter.toSeconds() / 4);
        idleWatch.scheduleAtFixedRate(this::watchIdle, period, period, TimeUnit.SECONDS);
    }

    private void command(List<String> args) {
        if (!args.isEmpty() && args.get(0).equals("leave")) {
            leave();
            return;
        }
        if (!active) {
            notices.add("You are not in a workshop any more.");
            return;
        }
        notices.add("Workshop “" + membership.workshop() + "” at " + membership.server() + ", as " + membership.learnerName()
                + " (account " + membership.accountId() + "); " + (courier.reachable() ? "connected" : "server out of reach")
                + (queue.size() > 0 ? ", " + queue.size() + " events waiting to be sent" : "") + "."
                + (hold == null ? "" : " The instructor holds the class at a step."));
    }

    private void leave() {
        if (!active) {
            notices.add("You are not in a workshop.");
            return;
        }
        queue.add(WorkshopEvent.of(EventKind.LEFT, clock.millis(), null, null));
        active = false;
        hold = null;
        courier.close();
        onLeave.run();
        notices.add("You left the workshop; your lessons and progress stay. Your clients still point at the workshop's sandbox"
                + " while it runs; /target sandbox gives you one of your own.");
    }

    // --- Tutor.Listener: what the learner does

    @Override
    public void stepEntered(Lesson lesson, Step step) {
        report(EventKind.STEP_ENTERED, lesson, step);
        enforceHold(lesson, step);
    }

    @Override
    public void checked(Lesson lesson, Step step, Verdict verdict) {
        if (verdict.passed()) {
            report(EventKind.CHECK_PASSED, lesson, step);
        } else if (active) {
            queue.add(event(EventKind.CHECK_FAILED, lesson, step).withMessage(verdict.message()));
        }
    }

    @Override
    public void hintShown(Lesson lesson, Step step, int number) {
        if (active) {
            queue.add(event(EventKind.HINT_SHOWN, lesson, step).withNumber(number));
        }
    }

    @Override
    public void solutionShown(Lesson lesson, Step step) {
        report(EventKind.SOLUTION_SHOWN, lesson, step);
    }

    @Override
    public void answered(Lesson lesson, Step step, int choice) {
        if (active) {
            queue.add(event(EventKind.QUIZ_ANSWERED, lesson, step).withNumber(choice));
        }
    }

    // --- SessionHooks: the shell's loop

    @Override
    public void afterCalls(List<CallRecord> calls) {
        activity();
        if (!active || tutor == null) {
            return;
        }
        for (CallRecord call : calls) {
            if (!call.ok() && call.errorCode() != null) {
                queue.add(event(EventKind.AWS_ERROR, tutor.lesson(), tutor.step())
                        .withError(call.service(), call.operation(), call.errorCode()));
            }
        }
    }

    @Override
    public String promptTag(boolean color) {
        if (!active) {
            return "";
        }
        String tag = "[" + membership.workshop() + "] ";
        return color ? "\u001b[35m" + tag + "\u001b[0m" : tag;
    }

    @Override
    public List<String> notices() {
        activity();
        List<String> lines = new ArrayList<>();
        for (String notice; (notice = notices.poll()) != null; ) {
            lines.add(notice);
        }
        return lines;
    }

    @Override
    public void beforeQuit() {
        close();
    }

    private void received(Workshop.Mail mail) {
        for (Broadcast broadcast : mail.broadcasts()) {
            notices.add("📣 " + broadcast.text());
        }
        StepRef before = hold;
        hold = mail.hold();
        if (hold != null && !hold.equals(before)) {
            holdAnnounced = false;
        }
        if (hold == null && before != null) {
            notices.add("The instructor released the hold: go on at your own pace.");
        }
    }

    /** A learner who went past the held step is brought back to it. */
    private void enforceHold(Lesson lesson, Step step) {
        StepRef held = hold;
        if (held == null || tutor == null || !active) {
            return;
        }
        List<StepRef> order = new ArrayList<>();
        tutor.catalog().lessons().forEach(l -> l.steps().forEach(s -> order.add(new StepRef(l.id(), s.id()))));
        int heldAt = order.indexOf(held);
        int now = order.indexOf(new StepRef(lesson.id(), step.id()));
        if (heldAt >= 0 && now > heldAt) {
            Lesson heldLesson = tutor.catalog().find(held.lesson()).orElseThrow();
            notices.add("The instructor holds the class at “" + heldLesson.title() + "”, step "
                    + (heldLesson.indexOf(held.step()) + 1) + ": wait there until they release it.");
            holdAnnounced = true;
            tutor.goTo(heldLesson, heldLesson.indexOf(held.step()));
        }
    }

    private void activity() {
        lastActivity = clock.millis();
        idleReported = false;
    }

    private void watchIdle() {
        if (active && !idleReported && clock.millis() - lastActivity >= idleAfter.toMillis()) {
            idleReported = true;
            queue.add(WorkshopEvent.of(EventKind.IDLE, clock.millis(), null, null));
        }
    }

    private void report(EventKind kind, Lesson lesson, Step step) {
        if (active) {
            queue.add(event(kind, lesson, step));
        }
    }

    private WorkshopEvent event(EventKind kind, Lesson lesson, Step step) {
        return WorkshopEvent.of(kind, clock.millis(), lesson.id(), step.id());
    }

    @Override
    public void close() {
        idleWatch.shutdownNow();
        if (active) {
            courier.close();
        }
    }
}
