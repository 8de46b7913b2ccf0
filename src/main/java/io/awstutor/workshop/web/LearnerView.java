package io.awstutor.workshop.web;

import io.awstutor.web.Html;
import io.awstutor.workshop.Learner;
import io.awstutor.workshop.StepRef;
import io.awstutor.workshop.Wire;
import io.awstutor.workshop.Workshop;
import io.awstutor.workshop.WorkshopEvent;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;

/** One learner for the instructor: their latest outcomes (never a secret) and their account's resources, read-only. */
final class LearnerView {
    private static final int RECENT = 40;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private LearnerView() {
    }

    static Html render(Learner learner, Workshop workshop, AccountInventory inventory, Function<StepRef, String> stepTitle) {
        List<WorkshopEvent> events = workshop.snapshot().stream().filter(l -> l.learner().id().equals(learner.id()))
                .findFirst().map(Workshop.LearnerEvents::events).orElse(List.of());
        List<WorkshopEvent> recent = new java.util.ArrayList<>(events.subList(Math.max(0, events.size() - RECENT), events.size()));
        java.util.Collections.reverse(recent);
        Html outcomes = Html.each(recent, e -> Html.of("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                TIME.format(Instant.ofEpochMilli(e.at())), what(e), e.stepRef() == null ? "" : stepTitle.apply(e.stepRef()), detail(e)));
        List<AccountInventory.Item> items = workshop.account(learner).map(inventory::list).orElse(List.of());
        Html resources = Html.each(items, i -> Html.of("<tr><td>{}</td><td>{}</td><td class=\"mono\">{}</td><td>{}</td></tr>",
                i.service(), i.kind(), i.name(), i.detail()));
        return Html.of("""
                <main id="main">
                <p class="crumbs"><a href="{}">Class</a> › {}</p>
                <h1>{}</h1>
                <p>Account <span class="mono">{}</span></p>
                <h2 id="outcomes-title">Recent outcomes</h2>
                <div class="table-wrap"><table aria-labelledby="outcomes-title"><thead><tr><th>Time</th><th>What</th><th>Step</th><th>Detail</th></tr></thead>
                <tbody>{}</tbody></table></div>
                <h2 id="resources-title">Resources in their account</h2>
                <div class="table-wrap"><table aria-labelledby="resources-title"><thead><tr><th>Service</th><th>Kind</th><th>Name</th><th>Detail</th></tr></thead>
                <tbody>{}</tbody></table></div>
                </main>
                """, Wire.PREFIX + "/", learner.name(), learner.name(), learner.accountId(),
                outcomes.isEmpty() ? Html.of("<tr><td colspan=\"4\" class=\"muted\">Nothing yet.</td></tr>") : outcomes,
                resources.isEmpty() ? Html.of("<tr><td colspan=\"4\" class=\"muted\">Nothing created yet.</td></tr>") : resources);
    }

    private static String what(WorkshopEvent event) {
        return switch (event.kind()) {
            case STEP_ENTERED -> "came to the step";
            case CHECK_FAILED -> "check: not yet";
            case CHECK_PASSED -> "check: passed";
            case HINT_SHOWN -> "hint " + event.number();
            case SOLUTION_SHOWN -> "solution shown";
            case QUIZ_ANSWERED -> "quiz answered (" + event.number() + ")";
            case AWS_ERROR -> "AWS error";
            case IDLE -> "idle";
            case LEFT -> "left the workshop";
        };
    }

    private static String detail(WorkshopEvent event) {
        if (event.kind() == io.awstutor.workshop.EventKind.AWS_ERROR) {
            return event.code() + " from " + event.service() + " " + event.operation();
        }
        return event.message() == null ? "" : event.message();
    }
}
