package io.awstutor.sandbox;

import io.awstutor.sandbox.billing.Observation;
import io.awstutor.sandbox.billing.UsageKey;
import io.awstutor.sandbox.billing.UsageSource;
import io.awstutor.sandbox.ec2.Ec2Backend;
import io.awstutor.sandbox.ec2.Instance;
import io.awstutor.sandbox.ec2.InstanceStateName;
import io.awstutor.sandbox.ec2.RegionState;
import io.awstutor.sandbox.ec2.Tagging;
import io.awstutor.sandbox.pricing.PriceSnapshot;
import io.awstutor.sandbox.rds.DbInstanceUsage;
import io.awstutor.sandbox.rds.RdsBackend;
import io.awstutor.sandbox.s3.Bucket;
import io.awstutor.sandbox.s3.ObjectListing;
import io.awstutor.sandbox.s3.S3Backend;
import io.awstutor.sandbox.s3.S3Object;
import io.awstutor.sandbox.s3.StorageClass;
import io.awstutor.sandbox.ses.SesBackend;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How each service's state reads as usage for the meter: EC2 instance-hours, RDS
 * database-hours and storage, S3 GB-months by storage class, SES messages. Each reads
 * the service's public state only; the services know nothing of billing.
 */
final class UsageSources {
    private static final double HOURS_PER_MONTH = 730;
    /** AWS bills storage in binary gigabytes. */
    private static final double GIB = 1024.0 * 1024 * 1024;
    /** Listing every object is dearer than the rest: S3's stored bytes are read at most this often. */
    private static final Duration S3_SAMPLE_EVERY = Duration.ofSeconds(5);

    private UsageSources() {
    }

    static UsageSource ec2(Ec2Backend ec2) {
        return now -> {
            List<Observation> out = new ArrayList<>();
            for (RegionState state : ec2.regionStates()) {
                Map<String, Map<String, String>> tags = new HashMap<>();
                for (Tagging.TagDescription t : ec2.tagging().describe(state, List.of())) {
                    tags.computeIfAbsent(t.resourceId(), k -> new HashMap<>()).put(t.key(), t.value());
                }
                for (Instance i : ec2.instances().describe(state, List.of(), List.of())) {
                    UsageKey key = new UsageKey(state.accountId(), state.region().name(), "AmazonEC2",
                            "BoxUsage:" + i.instanceType(), Map.of(), i.id(), tags.getOrDefault(i.id(), Map.of()));
                    InstanceStateName name = ec2.instances().stateOf(i);
                    switch (name) {
                        case RUNNING -> out.add(new Observation.Span(key, i.commandAt(), Optional.empty(), 1));
                        case PENDING -> { } // not billed until it runs
                        default -> out.add(new Observation.Span(key, i.launchTime(), Optional.of(i.commandAt()), 1));
                    }
                }
            }
            return out;
        };
    }

    static UsageSource rds(RdsBackend rds) {
        return now -> {
            List<Observation> out = new ArrayList<>();
            for (DbInstanceUsage db : rds.usage()) {
                String engine = PriceSnapshot.databaseEngine(db.engine());
                boolean serverless = "db.serverless".equals(db.instanceClass());
                UsageKey hours = serverless
                        ? new UsageKey(db.account(), db.region(), "AmazonRDS", "Aurora:ServerlessV2Usage",
                                Map.of("databaseEngine", engine), db.identifier(), db.tags())
                        : new UsageKey(db.account(), db.region(), "AmazonRDS",
                                (db.multiAz() ? "Multi-AZUsage:" : "InstanceUsage:") + db.instanceClass(),
                                Map.of("databaseEngine", engine), db.identifier(), db.tags());
                // Serverless v2 is billed by the ACUs it uses: the sandbox runs it at its 0.5 ACU minimum
                double rate = serverless ? 0.5 : 1;
                Optional<Instant> until = db.runningUntil().or(db::goneAt);
                out.add(new Observation.Span(hours, db.runningSince(), until, rate));
                if (!engine.startsWith("Aurora") && db.allocatedStorage() > 0) {
                    String type = "gp3".equalsIgnoreCase(db.storageType()) ? "GP3" : "GP2";
                    UsageKey storage = new UsageKey(db.account(), db.region(), "AmazonRDS",
                            db.multiAz() ? "RDS:Multi-AZ-" + type + "-Storage" : "RDS:" + type + "-Storage", Map.of(),
                            db.identifier(), db.tags());
                    out.add(new Observation.Span(storage, db.createTime(), db.goneAt(), db.allocatedStorage() / HOURS_PER_MONTH));
                }
            }
            return out;
        };
    }

    static UsageSource s3(S3Backend s3) {
        return new S3Storage(s3);
    }

    /** Stored bytes per bucket and storage class, each change starting a new span at the time it was seen. */
    private static final class S3Storage implements UsageSource {
        private final S3Backend s3;
        private final Map<UsageKey, Instant> since = new HashMap<>();
        private final Map<UsageKey, Long> bytes = new HashMap<>();
        private Instant sampledAt;
        private List<Observation> last = List.of();

        S3Storage(S3Backend s3) {
            this.s3 = s3;
        }

        @Override
        public synchronized List<Observation> observe(Instant now) {
            if (sampledAt != null && now.isBefore(sampledAt.plus(S3_SAMPLE_EVERY)) && !now.isBefore(sampledAt)) {
                return last;
            }
            sampledAt = now;
            Map<UsageKey, Long> stored = new HashMap<>();
            for (Bucket bucket : s3.allBuckets()) {
                Map<String, String> tags = bucket.config().tags() == null ? Map.of() : bucket.config().tags();
                String after = null;
                ObjectListing.Page page;
                do {
                    page = s3.listing().list(bucket, "", null, after, 1000);
                    for (S3Object o : page.objects()) {
                        UsageKey key = new UsageKey(bucket.owner(), bucket.config().region(), "AmazonS3",
                                storageUsageType(o.storageClass()), Map.of(), bucket.name(), tags);
                        stored.merge(key, o.size(), Long::sum);
                    }
                    after = page.last();
                } while (page.truncated() && after != null);
            }
            List<Observation> out = new ArrayList<>();
            for (UsageKey key : List.copyOf(bytes.keySet())) {
                if (!stored.containsKey(key)) {
                    out.add(new Observation.Span(key, since.get(key), Optional.of(now), 0));
                    bytes.remove(key);
                    since.remove(key);
                }
            }
            stored.forEach((key, size) -> {
                if (!size.equals(bytes.get(key))) {
                    bytes.put(key, size);
                    since.put(key, now);
                }
                out.add(new Observation.Span(key, since.get(key), Optional.empty(), size / GIB / HOURS_PER_MONTH));
            });
            last = out;
            return out;
        }
    }

    static String storageUsageType(StorageClass storageClass) {
        return switch (storageClass) {
            case STANDARD_IA -> "TimedStorage-SIA-ByteHrs";
            case ONEZONE_IA -> "TimedStorage-ZIA-ByteHrs";
            case INTELLIGENT_TIERING -> "TimedStorage-INT-FA-ByteHrs";
            case GLACIER_IR -> "TimedStorage-GIR-ByteHrs";
            case GLACIER -> "TimedStorage-GlacierByteHrs";
            case DEEP_ARCHIVE -> "TimedStorage-GDA-ByteHrs";
            default -> "TimedStorage-ByteHrs";
        };
    }

    static UsageSource ses(SesBackend ses) {
        return now -> ses.sendings().stream().<Observation>map(s -> new Observation.Event(
                new UsageKey(s.account(), s.region(), "AmazonSES", "Recipients", Map.of(), "", Map.of()),
                "ses/" + s.messageId(), s.at(), s.recipients())).toList();
    }
}
