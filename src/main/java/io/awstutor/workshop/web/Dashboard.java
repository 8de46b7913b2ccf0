package io.awstutor.workshop.web;

import io.awstutor.lesson.Lesson;
import io.awstutor.lesson.Step;
import io.awstutor.web.EventHub;
import io.awstutor.web.Html;
import io.awstutor.web.Layout;
import io.awstutor.web.WebApp;
import io.awstutor.web.WebRequest;
import io.awstutor.web.WebResponse;
import io.awstutor.workshop.ClassBoard;
import io.awstutor.workshop.Learner;
import io.awstutor.workshop.StepRef;
import io.awstutor.workshop.Wire;
import io.awstutor.workshop.Workshop;
import io.awstutor.workshop.WorkshopReport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * The instructor's pages: the class board (live), one learner's outcomes and resources, the
 * broadcast line, the hold. Everything needs the instructor token (a cookie set by the
 * sign-in form, or {@code Authorization: Bearer}); without it a page says so and shows nothing.
 */
public final class Dashboard {
    static final String COOKIE = "awstutor_workshop";
    private static final String BASE = Wire.PREFIX;
    private static final int DEFAULT_STUCK_MINUTES = 5;

    private final Workshop workshop;
    private final EventHub hub;
    private final AccountInventory inventory;

    public Dashboard(Workshop workshop, EventHub hub, AccountInventory inventory) {
        this.workshop = workshop;
        this.hub = hub;
        this.inventory = inventory;
    }

    public void routes(WebApp app) {
        app.get("/", this::home);
        app.post("/login", this::login);
        app.post("/logout", request -> WebResponse.redirect(BASE + "/").clearingCookie(COOKIE));
        app.get("/board", request -> guarded(request, () -> WebResponse.fragment(board(request))));
        app.get("/events", request -> guarded(request, () -> WebResponse.events(hub)));
        app.get("/learner/{id}", this::learner);
        app.post("/broadcast", this::broadcast);
        app.post("/hold", this::hold);
        app.post("/release", request -> guarded(request, () -> {
            workshop.release();
            return WebResponse.redirect(BASE + "/");
        }));
        app.get("/report.csv", request -> guarded(request, () -> WebResponse.bytes(200, "text/csv; charset=utf-8",
                WorkshopReport.of(workshop).csv().getBytes(StandardCharsets.UTF_8))
                .withHeader("Content-Disposition", "attachment; filename=\"workshop-report.csv\"")));
    }

    private interface Answer {
        WebResponse get() throws Exception;
    }

    private WebResponse guarded(WebRequest request, Answer answer) throws Exception {
        return instructor(request) ? answer.get() : signIn(401, "");
    }

    private boolean instructor(WebRequest request) {
        return workshop.isInstructor(request.cookie(COOKIE).or(() -> WorkshopApi.bearer(request)).orElse(null));
    }

    private WebResponse login(WebRequest request) {
        String token = request.param("token", "").trim();
        if (!workshop.isInstructor(token)) {
            return signIn(401, "That is not this workshop's instructor token.");
        }
        return WebResponse.redirect(BASE + "/").withCookie(COOKIE, token, true);
    }

    private WebResponse signIn(int status, String problem) {
        Html error = problem.isEmpty() ? Html.empty() : Html.of("<p class=\"banner error\" role=\"alert\">{}</p>", problem);
        return WebResponse.html(status, Layout.document("Workshop — sign in", Html.of("""
                <main id="main"><h1>Instructor sign-in</h1>{}
                <p>This dashboard needs the instructor token that <code>awstutor workshop serve</code> printed when it started.</p>
                <form method="post" action="{}"><div class="row"><label for="token">Instructor token
                <input id="token" name="token" type="password" autocomplete="off" required autofocus></label>
                <button type="submit">Sign in</button></div></form></main>
                """, error, BASE + "/login")));
    }

    private WebResponse home(WebRequest request) {
        if (!instructor(request)) {
            return signIn(401, "");
        }
        int stuck = stuckMinutes(request);
        String boardUrl = BASE + "/board?stuck=" + stuck;
        Html body = Html.of("""
                {}
                <main id="main" class="w-main">
                <h1>{}</h1>
                <p class="w-join panel">Join code <strong class="w-code" id="join-code">{}</strong> — learners run
                <code>./scripts/awstutor --join http://{}/{}</code></p>
                {}
                <section aria-label="Class">{}</section>
                </main>
                """, topBar(), workshop.name(), workshop.code(), request.host(), workshop.code(), controls(stuck),
                Layout.liveRegion("board", boardUrl, BASE + "/events", "learner class tick", board(request)));
        return WebResponse.page(workshop.name() + " — workshop", body);
    }

    private Html topBar() {
        return Layout.topBar("awstutor workshop", BASE + "/", List.of(new Layout.Link("Class", BASE + "/"),
                        new Layout.Link("Report (CSV)", BASE + "/report.csv")), BASE + "/",
                Html.of("""
                        <button type="button" class="secondary" data-toggle-class="large" data-target="body" aria-pressed="false">Projector mode</button>
                        <form class="inline" method="post" action="{}"><button type="submit" class="secondary">Sign out</button></form>
                        """, BASE + "/logout"));
    }

    private Html controls(int stuck) {
        Html options = Html.each(stepsInOrder(), ref -> Html.of("<option value=\"{}\"{}>{}</option>", ref.key(),
                ref.equals(workshop.heldAt().orElse(null)) ? Html.raw(" selected") : Html.empty(), stepTitle(ref)));
        Html release = workshop.heldAt().isEmpty() ? Html.empty() : Html.of(
                "<form class=\"inline\" method=\"post\" action=\"{}\"><button type=\"submit\" id=\"release\" class=\"secondary\">Release the hold</button></form>",
                BASE + "/release");
        return Html.of("""
                <div class="panel w-controls">
                <form method="post" action="{}"><div class="row"><label for="broadcast-text">Message to everyone
                <input id="broadcast-text" name="text" maxlength="500" size="50" required></label>
                <button type="submit" id="broadcast-send">Send</button></div></form>
                <form method="post" action="{}"><div class="row"><label for="hold-step">Hold everyone at
                <select id="hold-step" name="step">{}</select></label><button type="submit" id="hold">Hold</button> {}</div></form>
                <form method="get" action="{}"><div class="row"><label for="stuck">Stuck after (minutes)
                <input id="stuck" name="stuck" type="number" min="1" max="240" value="{}"></label>
                <button type="submit" class="secondary">Apply</button></div></form>
                </div>
                """, BASE + "/broadcast", BASE + "/hold", options, release, BASE + "/", stuck);
    }

    private List<StepRef> stepsInOrder() {
        return ClassBoard.columnsOf(workshop.catalog()).stream().map(ClassBoard.Column::ref).toList();
    }

    private String stepTitle(StepRef ref) {
        Lesson lesson = workshop.catalog().find(ref.lesson()).orElse(null);
        if (lesson == null) {
            return ref.key();
        }
        Step step = lesson.step(ref.step()).orElse(null);
        return lesson.title() + " · " + (lesson.indexOf(ref.step()) + 1) + ". " + (step == null ? ref.step() : step.title());
    }

    private Html board(WebRequest request) {
        int stuck = stuckMinutes(request);
        ClassBoard board = ClassBoard.ofHistories(workshop.catalog(), workshop.states(), workshop.clock().millis(),
                Duration.ofMinutes(stuck));
        return BoardView.render(board, workshop.heldAt().orElse(null), stuck);
    }

    private static int stuckMinutes(WebRequest request) {
        try {
            int minutes = Integer.parseInt(request.param("stuck", String.valueOf(DEFAULT_STUCK_MINUTES)).trim());
            return Math.max(1, Math.min(240, minutes));
        } catch (NumberFormatException e) {
            return DEFAULT_STUCK_MINUTES;
        }
    }

    private WebResponse broadcast(WebRequest request) throws Exception {
        return guarded(request, () -> {
            String text = request.param("text", "");
            if (text.isBlank()) {
                return WebResponse.redirect(BASE + "/");
            }
            workshop.broadcast(text);
            return WebResponse.redirect(BASE + "/");
        });
    }

    private WebResponse hold(WebRequest request) throws Exception {
        return guarded(request, () -> {
            String key = request.param("step", "");
            int slash = key.indexOf('/');
            if (slash <= 0) {
                return WebResponse.redirect(BASE + "/");
            }
            try {
                workshop.hold(new StepRef(key.substring(0, slash), key.substring(slash + 1)));
            } catch (IllegalArgumentException unknown) {
                return WebResponse.html(400, Layout.document("Workshop", Html.of(
                        "<main id=\"main\"><p class=\"banner error\" role=\"alert\">{}</p><p><a href=\"{}\">Back to the class</a></p></main>",
                        unknown.getMessage(), BASE + "/")));
            }
            return WebResponse.redirect(BASE + "/");
        });
    }

    private WebResponse learner(WebRequest request) throws Exception {
        return guarded(request, () -> {
            Learner learner = workshop.learner(request.param("id", "")).orElse(null);
            if (learner == null) {
                return WebResponse.html(404, Layout.document("Workshop", Html.of(
                        "<main id=\"main\"><h1>No such learner</h1><p><a href=\"{}\">Back to the class</a></p></main>", BASE + "/")));
            }
            return WebResponse.page(learner.name() + " — workshop", Html.join(topBar(),
                    LearnerView.render(learner, workshop, inventory, this::stepTitle)));
        });
    }
}
