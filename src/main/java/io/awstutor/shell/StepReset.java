package io.awstutor.shell;

import io.awstutor.cost.Cleaner;
import io.awstutor.cost.Ledger;
import io.awstutor.cost.LedgerEntry;
import io.awstutor.cost.LedgerRecorder;
import io.awstutor.cost.PriceTable;
import io.awstutor.jshell.agent.CallRecord;
import io.awstutor.target.TargetSettings;
import org.jline.utils.AttributedStyle;

import java.io.IOException;

/**
 * {@code /reset}: the cost workflow's undo for one step. What the step's calls created is
 * listed in a scratch ledger and deleted through the same cleaner as {@code /cleanup}.
 */
final class StepReset {
    private final ShellIO io;
    private final Tutor tutor;
    private final LessonView view;

    StepReset(ShellIO io, Tutor tutor, LessonView view) {
        this.io = io;
        this.tutor = tutor;
        this.view = view;
    }

    SlashCommand command() {
        return new SlashCommand("reset", "", "undo this step: delete what it created and start it again", a -> resetStep());
    }

    /**
     * Brings the step back to its start: what its calls created is deleted through the same
     * cleaner as /cleanup (dependency order, waits, no final snapshots), on the sandbox at
     * once and elsewhere after a yes; then the step is not done and its hints start over.
     */
    private boolean resetStep() {
        java.util.List<CallRecord> calls = tutor.callsThisStep();
        java.nio.file.Path scratch = null;
        try {
            scratch = java.nio.file.Files.createTempDirectory("awstutor-reset");
            Ledger created = Ledger.open(scratch, io.out());
            new LedgerRecorder(created, PriceTable.bundled(), java.time.Clock.systemUTC())
                    .record(new LedgerRecorder.Place("reset", "", tutor.lesson().id()), calls);
            java.util.List<LedgerEntry> entries = created.entries();
            if (!entries.isEmpty()) {
                boolean sandbox = tutor.checkClients().settings().kind() == TargetSettings.TargetKind.SANDBOX;
                if (!sandbox && !io.confirm("Delete the " + entries.size() + " resource(s) this step created on "
                        + tutor.checkClients().settings().describe() + "?")) {
                    io.out().println("Nothing deleted; the step stays as it is.");
                    return true;
                }
                Cleaner.Result result = new Cleaner(tutor.checkClients(), created,
                        line -> io.out().println("  " + line)).clean(entries, true);
                if (result.failed() > 0) {
                    view.line(AttributedStyle.DEFAULT.foreground(AttributedStyle.RED), result.failed()
                            + " deletion(s) failed (above); the step is reset anyway, /cleanup can try again.");
                }
            }
            tutor.resetStep();
            io.out().println(entries.isEmpty() ? "This step had created nothing; it starts again."
                    : "Undone: the step starts again from where it began.");
            view.showStep(false);
        } catch (IOException e) {
            view.line(AttributedStyle.DEFAULT.foreground(AttributedStyle.RED), "/reset failed: " + e.getMessage());
        } finally {
            if (scratch != null) {
                try (var files = java.nio.file.Files.walk(scratch)) {
                    for (java.nio.file.Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        java.nio.file.Files.deleteIfExists(f);
                    }
                } catch (IOException ignored) {
                    // a temp folder
                }
            }
        }
        return true;
    }
}
