package io.awstutor.shell;

import io.awstutor.cost.Accounts;
import io.awstutor.cost.Cleaner;
import io.awstutor.cost.Estimate;
import io.awstutor.cost.Ledger;
import io.awstutor.cost.LedgerEntry;
import io.awstutor.cost.LedgerRecorder;
import io.awstutor.cost.BudgetStatus;
import io.awstutor.cost.PriceTable;
import io.awstutor.cost.ResourceKind;
import io.awstutor.jshell.JShellEngine;
import io.awstutor.jshell.agent.CallRecord;
import io.awstutor.target.ClientFactory;
import io.awstutor.target.Target;
import io.awstutor.target.TargetRequest;
import io.awstutor.target.TargetSettings;
import io.awstutor.target.Targets;
import org.jline.utils.AttributedStyle;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;

/**
 * The shell's target and money desk: {@code /target} (show, switch), {@code /cost} (what is
 * alive and what it would cost), {@code /cleanup}; the ledger kept in step with every
 * snippet's calls; the live target in the prompt (a real account in red); the warning when
 * leaving with billable resources alive on a real account.
 */
public final class TargetDesk implements SessionHooks, AutoCloseable {
    private final ShellIO io;
    private final Tutor tutor;
    private final JShellEngine engine;
    private final Ledger ledger;
    private final LedgerRecorder recorder;
    private final PriceTable prices;
    private final Function<TargetRequest, Target> opener;
    private final Clock clock;
    private Target target;
    private volatile String account;
    /**
     * The first target's account, looked up on another thread once the first step is on the
     * screen (not sooner: its rendering comes first): the ledger files the first snippet's
     * calls under it, and that snippet's answer should not wait for the shell's own first SDK
     * call (its classes, its client, a round trip: a quarter of a second), which meanwhile has
     * the time the Java session takes to compile and run the snippet.
     */
    private final java.util.concurrent.atomic.AtomicReference<java.util.concurrent.CompletableFuture<String>> earlyAccount =
            new java.util.concurrent.atomic.AtomicReference<>();
    /** In {@link #earlyAccount} once its answer was taken or no longer applies: no second early lookup. */
    private static final java.util.concurrent.CompletableFuture<String> SPENT =
            java.util.concurrent.CompletableFuture.completedFuture(Accounts.UNKNOWN);

    public TargetDesk(ShellIO io, Tutor tutor, JShellEngine engine, Ledger ledger, Target target,
                      Function<TargetRequest, Target> opener, Clock clock) {
        this.io = io;
        this.tutor = tutor;
        this.engine = engine;
        this.ledger = ledger;
        this.target = target;
        this.opener = opener;
        this.clock = clock;
        this.prices = PriceTable.bundled();
        this.recorder = new LedgerRecorder(ledger, prices, clock);
        forgetEphemeral(target.settings());
    }

    private void lookUpAccountEarly() {
        if (account == null && target.knownAccount().isEmpty() && earlyAccount.get() == null) {
            ClientFactory clients = tutor.checkClients();
            earlyAccount.compareAndSet(null, java.util.concurrent.CompletableFuture.supplyAsync(() -> Accounts.of(clients)));
        }
    }

    /** Adds /target, /cost and /cleanup to the shell and hooks into its loop. */
    public void install(TutorShell shell) {
        ShellCommands commands = shell.commands();
        commands.add(new SlashCommand("target", "[NAME [URL] [--region R] [--profile P]]",
                "where your clients point; /target " + Targets.NAMES.replace(", ", "|") + " switches", this::target,
                index -> index == 1 ? List.of(Targets.NAMES.split(", ")) : List.of()));
        commands.add(new SlashCommand("cost", "", "what the tutor created that is still alive, and what it costs on AWS", a -> cost()));
        commands.add(new SlashCommand("cleanup", "[yes] [--skip-final-snapshots]",
                "delete everything the tutor created on this target, in dependency order", this::cleanup));
        shell.hooks(this);
    }

    public TargetSettings settings() {
        return target.settings();
    }

    private void forgetEphemeral(TargetSettings settings) {
        if (settings.isEphemeral()) {
            String key = settings.ledgerKey();
            ledger.forget(e -> e.target().equals(key));
        }
    }

    private String account() {
        String known = account;
        if (known == null) {
            known = target.knownAccount().orElse(null);
        }
        if (known == null || known.equals(Accounts.UNKNOWN)) {
            java.util.concurrent.CompletableFuture<String> early = earlyAccount.getAndSet(SPENT);
            known = early == null ? Accounts.UNKNOWN : early.exceptionally(e -> Accounts.UNKNOWN).join();
            if (known.equals(Accounts.UNKNOWN)) {
                known = Accounts.of(tutor.checkClients());
            }
            account = known;
        }
        return known;
    }

    @Override
    public void afterCalls(List<CallRecord> calls) {
        // the account only when there is something to file under it: asking for it may be an STS call
        if (!recorder.changesAnything(calls)) {
            return;
        }
        try {
            recorder.record(new LedgerRecorder.Place(settings().ledgerKey(), account(), tutor.lesson().id()), calls);
        } catch (RuntimeException e) {
            warn("! the ledger could not be updated: " + e.getMessage());
        }
    }

    @Override
    public void firstStepShown() {
        lookUpAccountEarly();
    }

    @Override
    public String promptTag(boolean color) {
        TargetSettings s = settings();
        String tag = "[" + (s.kind() == TargetSettings.TargetKind.AWS ? "AWS " + s.region() : s.kind().name().toLowerCase(java.util.Locale.ROOT)) + "] ";
        if (!color) {
            return tag;
        }
        String style = switch (s.kind()) {
            case AWS -> "\u001b[1;41;97m"; // a real account: white on red
            case SANDBOX -> "\u001b[2m";
            default -> "\u001b[35m";
        };
        return style + tag.strip() + "\u001b[0m ";
    }

    @Override
    public void beforeQuit() {
        if (settings().kind() != TargetSettings.TargetKind.AWS) {
            return;
        }
        List<LedgerEntry> billable = alive().stream().filter(e -> e.hourlyUsd() > 0).toList();
        if (billable.isEmpty()) {
            return;
        }
        double hourly = billable.stream().mapToDouble(LedgerEntry::hourlyUsd).sum();
        warn("⚠ Still running on " + settings().describe() + ", billed by the hour (about " + Estimate.usd(hourly) + " an hour, "
                + Estimate.usd(hourly * prices.hoursPerMonth()) + " a month):");
        billable.forEach(e -> warn("   " + e.describe()));
        if (io.confirm("Delete everything the tutor created on this account now?")) {
            runCleanup(alive(), askSnapshots(alive(), false));
        } else {
            warn("They keep running. `awstutor cleanup --target aws` deletes them later.");
        }
    }

    private List<LedgerEntry> alive() {
        return ledger.alive(settings().ledgerKey(), account());
    }

    private boolean target(String arguments) {
        if (arguments.isBlank()) {
            TargetSettings s = settings();
            io.out().println("target: " + s.describe() + " (region " + s.region() + ", account " + account() + ")");
            if (s.kind() == TargetSettings.TargetKind.AWS) {
                warn("This is a real AWS account: billable calls ask first; /cost and /cleanup keep the bill in check.");
            }
            io.out().println("Switch with /target " + Targets.NAMES.replace(", ", "|") + " (endpoint takes a URL).");
            return true;
        }
        TargetRequest request = parse(arguments);
        if (request.name().equals("aws") && io.interactive()
                && !io.confirm("Switch to your real AWS account? Billable calls will ask before they run.")) {
            io.out().println("Staying on " + settings().describe() + ".");
            return true;
        }
        io.out().println("Starting " + request.name() + " …");
        Target next = opener.apply(request);
        Target previous = target;
        target = next;
        earlyAccount.set(SPENT);
        account = null;
        engine.retarget(next.settings());
        tutor.retarget(new ClientFactory(next.settings()));
        previous.close();
        forgetEphemeral(next.settings());
        io.out().println("Now on " + next.settings().describe() + ": a fresh Java session, the clients and the checks point there.");
        if (next.settings().kind() == TargetSettings.TargetKind.AWS) {
            warn("⚠ This is a real AWS account (" + account() + "): what you create can cost money.");
        }
        return true;
    }

    private TargetRequest parse(String arguments) {
        String[] words = arguments.trim().split("\\s+");
        String name = words[0];
        String url = null;
        String region = settings().region();
        String profile = null;
        String image = null;
        for (int i = 1; i < words.length; i++) {
            String w = words[i];
            String next = i + 1 < words.length ? words[i + 1] : null;
            switch (w) {
                case "--region" -> { region = next; i++; }
                case "--profile" -> { profile = next; i++; }
                case "--image" -> { image = next; i++; }
                case "--endpoint-url" -> { url = next; i++; }
                default -> {
                    if (url == null && !w.startsWith("--")) {
                        url = w;
                    } else {
                        throw new IllegalArgumentException("unexpected '" + w + "'; usage: /target NAME [URL] [--region R] [--profile P] [--image I]");
                    }
                }
            }
        }
        return new TargetRequest(name, url, region, profile, image, System.getenv());
    }

    private boolean cost() {
        List<LedgerEntry> alive = alive();
        List<String> budgets = BudgetStatus.lines(new ClientFactory(settings()), account());
        if (alive.isEmpty()) {
            io.out().println("Nothing the tutor created is alive on " + settings().describe() + ".");
            budgets.forEach(this::say);
            say("(Prices: " + prices.provenance() + ".)");
            return true;
        }
        DateTimeFormatter time = DateTimeFormatter.ofPattern("MMM d HH:mm").withZone(ZoneId.systemDefault());
        double hourly = 0;
        double soFar = 0;
        io.out().println("Alive on " + settings().describe() + " (account " + account() + "):");
        int describeWidth = alive.stream().mapToInt(e -> e.describe().length()).max().orElse(0);
        for (LedgerEntry e : alive) {
            hourly += e.hourlyUsd();
            soFar += e.costSoFar(clock.instant());
            String price = e.hourlyUsd() > 0
                    ? Estimate.usd(e.hourlyUsd()) + "/h, " + Estimate.usd(e.costSoFar(clock.instant())) + " so far"
                    : "not billed by the hour";
            String when = "since " + time.format(e.createdAt()) + ", " + price;
            String row = String.format("  %-" + describeWidth + "s  %s", e.describe(), when);
            if (row.length() <= io.width()) {
                io.out().println(row);
            } else {
                io.out().println("  " + e.describe());
                io.out().println("    " + when);
            }
        }
        say("Total: " + Estimate.usd(hourly) + " an hour (" + Estimate.usd(hourly * prices.hoursPerMonth())
                + " a month), " + Estimate.usd(soFar) + " so far, before free-tier allowances (" + prices.provenance() + ").");
        budgets.forEach(this::say);
        if (settings().kind() != TargetSettings.TargetKind.AWS) {
            say("(On " + settings().describe() + " none of it costs anything: these are what AWS would charge.)");
        }
        io.out().println("/cleanup deletes all of it.");
        return true;
    }

    private boolean cleanup(String arguments) {
        List<String> words = List.of(arguments.trim().split("\\s+"));
        boolean yes = words.contains("yes") || words.contains("--yes");
        List<LedgerEntry> alive = alive();
        if (alive.isEmpty()) {
            io.out().println("Nothing to clean up on " + settings().describe() + ".");
            return true;
        }
        io.out().println("This deletes, in this order:");
        alive.forEach(e -> io.out().println("  " + e.describe()));
        if (!yes && !io.confirm(alive.size() == 1 ? "Delete it?" : "Delete these " + alive.size() + " resources?")) {
            io.out().println("Nothing deleted." + (io.interactive() ? "" : " (In a script: /cleanup yes)"));
            return true;
        }
        runCleanup(alive, askSnapshots(alive, words.contains("--skip-final-snapshots")));
        return true;
    }

    /** Final snapshots are skipped only when the learner says so. */
    private boolean askSnapshots(List<LedgerEntry> alive, boolean skipGiven) {
        boolean databases = alive.stream().anyMatch(e -> e.kind() == ResourceKind.RDS_INSTANCE || e.kind() == ResourceKind.RDS_CLUSTER);
        if (!databases || skipGiven) {
            return skipGiven;
        }
        if (!io.interactive()) {
            return false;
        }
        return io.confirm("Skip the final snapshot of the databases? (yes: their data is gone for good; no: a snapshot is kept, and billed)");
    }

    private void runCleanup(List<LedgerEntry> alive, boolean skipFinalSnapshots) {
        Cleaner cleaner = new Cleaner(tutor.checkClients(), ledger, line -> {
            if (line.startsWith("!")) {
                warn(line);
            } else {
                say(line);
            }
            io.out().flush();
        });
        // Ctrl-C ends a wait (an instance shutting down, a database being deleted): what is left stays in the ledger
        Thread worker = Thread.currentThread();
        Cleaner.Result[] ran = new Cleaner.Result[1];
        io.whileInterruptible(() -> ran[0] = cleaner.clean(alive, skipFinalSnapshots), worker::interrupt);
        Thread.interrupted();
        Cleaner.Result result = ran[0];
        io.out().println("Cleanup: " + result.deleted() + " deleted" + (result.failed() > 0 ? ", " + result.failed()
                + " left (see above; /cleanup tries again)" : ", nothing left") + ".");
    }

    /** A sentence wrapped to the terminal, continuing lines indented as the shell's messages are. */
    private void say(String text) {
        OutcomePrinter.wrap(text, io.width()).forEach(io.out()::println);
    }

    private void warn(String line) {
        io.print(new org.jline.utils.AttributedStringBuilder()
                .styled(io.color() ? AttributedStyle.BOLD.foreground(AttributedStyle.RED) : AttributedStyle.DEFAULT, line)
                .toAttributedString());
    }


    @Override
    public void close() {
        target.close();
    }
}
