package io.awstutor.cost;

import io.awstutor.target.ClientFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Deletes what the ledger lists, in dependency order ({@link ResourceKind}'s order):
 * distributions disabled before deletion, instances terminated (and waited for) before their
 * security groups, databases deleted with or without a final snapshot as the learner said,
 * buckets emptied of every version before deletion, IAM users stripped of keys, policies and
 * groups first. Each deletion is reported as it happens; something already gone counts as
 * done; a failure is reported and stays in the ledger for the next try.
 */
public final class Cleaner {
    private final ClientFactory clients;
    private final Ledger ledger;
    private final Consumer<String> report;
    private final Duration pollInterval;
    private final Duration timeout;
    private final AwsCleanups cleanups;

    public Cleaner(ClientFactory clients, Ledger ledger, Consumer<String> report, Duration pollInterval, Duration timeout) {
        this.clients = clients;
        this.ledger = ledger;
        this.report = report;
        this.pollInterval = pollInterval;
        this.timeout = timeout;
        this.cleanups = new AwsCleanups(clients, report, this::waitFor);
    }

    public Cleaner(ClientFactory clients, Ledger ledger, Consumer<String> report) {
        this(clients, ledger, report, Duration.ofSeconds(2), Duration.ofMinutes(20));
    }

    /** What happened: how many were deleted (or found gone) and how many failed. */
    public record Result(int deleted, int failed) {
    }

    public Result clean(List<LedgerEntry> entries, boolean skipFinalSnapshots) {
        List<LedgerEntry> ordered = entries.stream()
                .sorted(Comparator.comparing(LedgerEntry::kind).thenComparing(LedgerEntry::createdAt)).toList();
        int deleted = 0;
        int failed = 0;
        // Instances first as one batch per region, so their termination is waited for once.
        List<LedgerEntry> instances = ordered.stream().filter(e -> e.kind() == ResourceKind.EC2_INSTANCE).toList();
        for (LedgerEntry entry : ordered) {
            if (entry.kind() == ResourceKind.EC2_INSTANCE) {
                continue;
            }
            if (entry.kind().compareTo(ResourceKind.EC2_INSTANCE) > 0 && !instances.isEmpty()) {
                Result r = terminateInstances(instances);
                deleted += r.deleted();
                failed += r.failed();
                instances = List.of();
            }
            if (cleanOne(entry, skipFinalSnapshots)) {
                deleted++;
            } else {
                failed++;
            }
        }
        if (!instances.isEmpty()) {
            Result r = terminateInstances(instances);
            deleted += r.deleted();
            failed += r.failed();
        }
        return new Result(deleted, failed);
    }

    private Result terminateInstances(List<LedgerEntry> instances) {
        int deleted = 0;
        int failed = 0;
        for (String region : instances.stream().map(LedgerEntry::region).distinct().toList()) {
            List<LedgerEntry> here = instances.stream().filter(e -> e.region().equals(region)).toList();
            List<LedgerEntry> terminated = new ArrayList<>();
            for (LedgerEntry entry : here) {
                try {
                    clients.ec2(region).terminateInstances(b -> b.instanceIds(entry.id()));
                    report.accept("- terminating " + entry.describe() + " …");
                    terminated.add(entry);
                } catch (SdkException e) {
                    if (isGone(e)) {
                        report.accept("- " + entry.describe() + " was already gone");
                        ledger.remove(entry);
                        deleted++;
                    } else {
                        report.accept("! could not terminate " + entry.describe() + ": " + message(e));
                        failed++;
                    }
                }
            }
            for (LedgerEntry entry : terminated) {
                boolean gone = waitFor(() -> cleanups.instanceTerminated(region, entry.id()));
                if (gone) {
                    report.accept("- terminated " + entry.describe());
                    ledger.remove(entry);
                    deleted++;
                } else {
                    report.accept("! " + entry.describe() + " is still shutting down; /cleanup again later");
                    failed++;
                }
            }
        }
        return new Result(deleted, failed);
    }

    private boolean cleanOne(LedgerEntry entry, boolean skipFinalSnapshots) {
        try {
            boolean done = switch (entry.kind()) {
                case CLOUDFRONT_DISTRIBUTION -> cleanups.distribution(entry);
                case NAT_GATEWAY -> cleanups.natGateway(entry);
                case ELASTIC_IP -> cleanups.elasticIp(entry);
                case RDS_INSTANCE -> cleanups.database(entry, skipFinalSnapshots);
                case RDS_CLUSTER -> cleanups.cluster(entry, skipFinalSnapshots);
                case SECURITY_GROUP -> cleanups.securityGroup(entry);
                case KEY_PAIR -> cleanups.keyPair(entry);
                case SECRET -> cleanups.secret(entry);
                case S3_BUCKET -> cleanups.bucket(entry);
                case IAM_USER -> cleanups.user(entry);
                case IAM_ROLE -> cleanups.role(entry);
                case IAM_GROUP -> cleanups.group(entry);
                case IAM_POLICY -> cleanups.policy(entry);
                case EC2_INSTANCE -> throw new IllegalStateException("instances are terminated as a batch");
            };
            if (done) {
                ledger.remove(entry);
            }
            return done;
        } catch (SdkException e) {
            if (isGone(e)) {
                report.accept("- " + entry.describe() + " was already gone");
                ledger.remove(entry);
                return true;
            }
            report.accept("! could not delete " + entry.describe() + ": " + message(e));
            return false;
        }
    }

    /** How often a long wait says it is still waiting. */
    private static final Duration STILL_WAITING = Duration.ofSeconds(10);

    /** Polls until {@code condition} holds or the timeout passes; a long wait says so every few seconds. */
    boolean waitFor(BooleanSupplier condition) {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        long lastSaid = started;
        while (true) {
            if (condition.getAsBoolean()) {
                return true;
            }
            long now = System.nanoTime();
            if (now > deadline) {
                return false;
            }
            if (now - lastSaid >= STILL_WAITING.toNanos()) {
                report.accept("  … still waiting (" + Duration.ofNanos(now - started).toSeconds() + " s; Ctrl-C stops waiting)");
                lastSaid = now;
            }
            try {
                Thread.sleep(pollInterval.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    static boolean isGone(SdkException e) {
        if (e instanceof AwsServiceException aws) {
            String code = aws.awsErrorDetails() == null ? "" : String.valueOf(aws.awsErrorDetails().errorCode());
            String lower = code.toLowerCase(Locale.ROOT);
            return aws.statusCode() == 404 || lower.contains("notfound") || lower.startsWith("nosuch");
        }
        return false;
    }

    static String message(SdkException e) {
        if (e instanceof AwsServiceException aws && aws.awsErrorDetails() != null) {
            return aws.awsErrorDetails().errorCode() + ": " + aws.awsErrorDetails().errorMessage();
        }
        return e.getMessage();
    }
}
