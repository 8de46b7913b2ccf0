package io.awstutor.cli;

import io.awstutor.cost.Accounts;
import io.awstutor.cost.Cleaner;
import io.awstutor.cost.Ledger;
import io.awstutor.cost.LedgerEntry;
import io.awstutor.cost.ResourceKind;
import io.awstutor.progress.TutorHome;
import io.awstutor.target.ClientFactory;
import io.awstutor.target.Target;
import io.awstutor.target.Targets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.Console;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code awstutor cleanup --target ...}: deletes what the ledger lists for that target and
 * account, in dependency order, reporting each deletion; asks once (a script says --yes).
 */
@Command(name = "cleanup", mixinStandardHelpOptions = true,
        description = "Delete everything awstutor created on a target (from its ledger), in dependency order.")
public final class CleanupCommand implements Callable<Integer> {

    @picocli.CommandLine.Mixin
    AccountTargetOptions account = new AccountTargetOptions();

    @Option(names = "--yes", description = "Do not ask (for scripts).")
    boolean yes;

    @Option(names = "--skip-final-snapshots", description = "Delete databases without a final snapshot (their data is gone for good).")
    boolean skipFinalSnapshots;

    @Option(names = "--dry-run", description = "Only list what would be deleted.")
    boolean dryRun;

    @Override
    public Integer call() throws Exception {
        Path home = TutorHome.resolve();
        Files.createDirectories(home);
        Ledger ledger = Ledger.open(home, System.err);
        try (Target opened = Targets.open(account.request())) {
            ClientFactory clients = new ClientFactory(opened.settings());
            String account = Accounts.of(clients);
            List<LedgerEntry> alive = ledger.alive(opened.settings().ledgerKey(), account);
            if (alive.isEmpty()) {
                System.out.println("Nothing awstutor created is alive on " + opened.settings().describe() + " (account " + account + ").");
                return 0;
            }
            System.out.println("On " + opened.settings().describe() + " (account " + account + "), in this order:");
            alive.forEach(e -> System.out.println("  " + e.describe()));
            if (dryRun) {
                return 0;
            }
            Console console = System.console();
            if (!yes) {
                if (console == null) {
                    System.err.println("awstutor: not deleting without a question answered; run it in a terminal, or add --yes.");
                    return 1;
                }
                String answer = console.readLine("Delete these %d resources? (yes/no) ", alive.size());
                if (answer == null || !answer.trim().equalsIgnoreCase("yes")) {
                    System.out.println("Nothing deleted.");
                    return 0;
                }
            }
            boolean skip = skipFinalSnapshots;
            boolean databases = alive.stream().anyMatch(e -> e.kind() == ResourceKind.RDS_INSTANCE || e.kind() == ResourceKind.RDS_CLUSTER);
            if (databases && !skip && console != null && !yes) {
                String answer = console.readLine("Skip the final snapshot of the databases? (yes: their data is gone; no: a snapshot is kept, and billed) ");
                skip = answer != null && answer.trim().equalsIgnoreCase("yes");
            }
            Cleaner.Result result = new Cleaner(clients, ledger, System.out::println).clean(alive, skip);
            System.out.println("Cleanup: " + result.deleted() + " deleted" + (result.failed() > 0
                    ? ", " + result.failed() + " left (run it again later)" : ", nothing left") + ".");
            return result.failed() == 0 ? 0 : 1;
        }
    }
}
