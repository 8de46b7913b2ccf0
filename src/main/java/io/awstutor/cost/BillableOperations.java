package io.awstutor.cost;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Which calls cost money if left running, and how much, from the request's own fields (the
 * SDK's member names: InstanceType, MaxCount, DBInstanceClass, ...). The learner's side
 * uses {@link #mustReview} to decide which calls to hold for the shell; the shell uses
 * {@link #estimate} to price them.
 */
public final class BillableOperations {
    /** Calls the interceptor holds and asks the shell about: possibly billable, or tagged on creation. */
    private static final Map<String, Set<String>> REVIEWED = Map.of(
            "ec2", Set.of("RunInstances", "AllocateAddress", "CreateNatGateway", "StartInstances", "CreateSecurityGroup",
                    "CreateVolume"),
            "rds", Set.of("CreateDBInstance", "CreateDBCluster", "ModifyDBInstance", "CreateDBInstanceReadReplica",
                    "RestoreDBInstanceFromDBSnapshot", "StartDBInstance"),
            "cloudfront", Set.of("CreateDistribution", "CreateDistributionWithTags"),
            "s3", Set.of("PutObject", "UploadPart"),
            "ses", Set.of("SendEmail", "SendRawEmail", "SendTemplatedEmail", "SendBulkTemplatedEmail"),
            "iam", Set.of("CreateUser", "CreateRole"),
            // every Cost Explorer API request is billed (the console's Cost Explorer is free)
            "ce", Set.of("GetCostAndUsage", "GetCostAndUsageWithResources", "GetCostForecast", "GetUsageForecast",
                    "GetDimensionValues", "GetTags", "GetCostCategories", "GetReservationCoverage", "GetReservationUtilization",
                    "GetSavingsPlansCoverage", "GetSavingsPlansUtilization", "GetRightsizingRecommendation"));

    private BillableOperations() {
    }

    public static String normalize(String service) {
        return service == null ? "" : service.toLowerCase(Locale.ROOT).replace(" ", "");
    }

    public static boolean mustReview(String service, String operation) {
        return REVIEWED.getOrDefault(normalize(service), Set.of()).contains(operation);
    }

    /** S3 uploads are priced by their size, known only once the body is marshalled. */
    public static boolean isUpload(String service, String operation) {
        return normalize(service).equals("s3") && (operation.equals("PutObject") || operation.equals("UploadPart"));
    }

    /**
     * The estimate of a call that would start billing, or empty when it does not (a user, a
     * security group, an upload within the free tier's storage).
     *
     * @param usage what this session already used (uploaded bytes, messages sent), for the free-tier limits
     * @param currentDbClass the class a ModifyDBInstance starts from, when the shell could look it up
     */
    public static Optional<Estimate> estimate(PriceTable prices, String service, String operation, Map<String, Object> fields,
                                              SessionUsage usage, Optional<String> currentDbClass) {
        if (normalize(service).equals("ce") && mustReview(service, operation)) {
            return Optional.of(new Estimate("1 Cost Explorer API request", OptionalDouble.empty(),
                    Estimate.usd(prices.costExplorerRequest()) + " per request, billed to this account",
                    "not covered: the Cost Explorer console is free, its API is not"));
        }
        return switch (normalize(service) + ":" + operation) {
            case "ec2:RunInstances" -> Optional.of(instances(prices, fields));
            case "ec2:StartInstances" -> Optional.of(new Estimate("starting stopped instance(s) " + text(fields.get("InstanceIds")),
                    OptionalDouble.empty(), "billed by the hour again at the instance type's price while running", prices.ec2FreeTier()));
            case "ec2:AllocateAddress" -> Optional.of(new Estimate("1 Elastic IP address", OptionalDouble.of(prices.publicIpv4Hour()),
                    "", prices.publicIpv4Note()));
            case "ec2:CreateNatGateway" -> Optional.of(new Estimate("1 NAT gateway", OptionalDouble.of(prices.natGatewayHour()),
                    prices.natGatewayNote(), "not covered by the free tier"));
            case "rds:CreateDBInstance", "rds:CreateDBInstanceReadReplica", "rds:RestoreDBInstanceFromDBSnapshot" ->
                    Optional.of(database(prices, fields));
            case "rds:StartDBInstance" -> Optional.of(new Estimate("starting stopped database " + text(fields.get("DBInstanceIdentifier")),
                    OptionalDouble.empty(), "billed by the hour again at its class's price while running", prices.rdsFreeTier()));
            case "rds:CreateDBCluster" -> Optional.of(new Estimate("1 Aurora cluster " + text(fields.get("DBClusterIdentifier")),
                    OptionalDouble.empty(), "its instances are billed by the hour (Aurora Serverless v2: "
                    + Estimate.usd(prices.auroraServerlessAcuHour()) + " per ACU-hour) plus storage and I/O",
                    "Aurora is not covered by the free tier"));
            case "rds:ModifyDBInstance" -> resize(prices, fields, currentDbClass);
            case "cloudfront:CreateDistribution", "cloudfront:CreateDistributionWithTags" -> Optional.of(new Estimate(
                    "1 CloudFront distribution", OptionalDouble.empty(),
                    Estimate.usd(prices.cloudFrontPerGb()) + " per GB served beyond the free allowance", prices.cloudFrontNote()));
            case "s3:PutObject", "s3:UploadPart" -> upload(prices, fields, usage);
            case "ses:SendEmail", "ses:SendRawEmail", "ses:SendTemplatedEmail", "ses:SendBulkTemplatedEmail" -> sending(prices, usage);
            default -> Optional.empty();
        };
    }

    private static Estimate instances(PriceTable prices, Map<String, Object> fields) {
        String type = text(fields.get("InstanceType"));
        int count = Math.max(1, integer(fields.get("MaxCount"), integer(fields.get("MinCount"), 1)));
        if (type.isEmpty()) {
            return new Estimate(count + " × EC2 instance of the default type", OptionalDouble.empty(),
                    "no InstanceType given: AWS picks the AMI's default (often m1.small, not free tier)", "name t2.micro or t3.micro to stay in the free tier");
        }
        OptionalDouble hourly = prices.ec2Hourly(type);
        String freeTier = prices.ec2FreeTierType(type)
                ? (count == 1 ? "covered: " + prices.ec2FreeTier() : "partly: " + prices.ec2FreeTier())
                : "not covered (" + type + " is not a free-tier type)";
        return new Estimate(count + " × " + type + " EC2 instance" + (count == 1 ? "" : "s"),
                hourly.isPresent() ? OptionalDouble.of(hourly.getAsDouble() * count) : OptionalDouble.empty(),
                hourly.isPresent() ? "plus its EBS volume, " + Estimate.usd(prices.ebsGbMonth()) + " per GB-month" : type + " is not in the price table",
                freeTier);
    }

    /** How AWS writes a service's name: acronyms in capitals (RDS, EC2, S3), CloudFront, Secrets Manager and the RDS Data API as words. */
    public static String displayName(String service) {
        return switch (normalize(service)) {
            case "cloudfront" -> "CloudFront";
            case "secretsmanager" -> "Secrets Manager";
            case "rdsdata" -> "RDS Data API";
            default -> service.toUpperCase(Locale.ROOT);
        };
    }

    private static Estimate database(PriceTable prices, Map<String, Object> fields) {
        String cls = text(fields.get("DBInstanceClass"));
        boolean multiAz = Boolean.TRUE.equals(fields.get("MultiAZ"));
        int storage = integer(fields.get("AllocatedStorage"), 20);
        String name = text(fields.get("DBInstanceIdentifier"));
        // the engine's own price, and a Multi-AZ deployment's for both the instance and its storage
        OptionalDouble hourly = prices.rdsHourly(cls.isEmpty() ? null : cls, text(fields.get("Engine")), multiAz);
        String freeTier = prices.rdsFreeTierClass(cls) && !multiAz
                ? (storage <= prices.rdsFreeTierStorageGb() ? "covered: " : "partly (storage over "
                    + prices.rdsFreeTierStorageGb() + " GB is billed): ") + prices.rdsFreeTier()
                : "not covered (" + (multiAz ? "Multi-AZ" : cls + " is not a free-tier class") + ")";
        // Multi-AZ keeps a second copy: the instance and its storage are both billed twice
        String usage = String.format(Locale.ROOT, "plus %d GB of storage, %s a month; %s%s", storage,
                Estimate.usd(storage * prices.rdsStorageGbMonth(multiAz)), prices.rdsNote(),
                multiAz ? "; Multi-AZ is twice Single-AZ, instance and storage" : "");
        return new Estimate("1 × " + (cls.isEmpty() ? "?" : cls) + " RDS database" + (name.isEmpty() ? "" : " " + name)
                + (multiAz ? " (Multi-AZ)" : ""), hourly, hourly.isPresent() ? usage : cls + " is not in the price table", freeTier);
    }

    private static Optional<Estimate> resize(PriceTable prices, Map<String, Object> fields, Optional<String> currentDbClass) {
        String target = text(fields.get("DBInstanceClass"));
        if (target.isEmpty()) {
            return Optional.empty();
        }
        OptionalDouble to = prices.rdsHourly(target);
        OptionalDouble from = currentDbClass.map(prices::rdsHourly).orElse(OptionalDouble.empty());
        if (to.isPresent() && from.isPresent() && to.getAsDouble() <= from.getAsDouble()) {
            return Optional.empty(); // the same price or cheaper: nothing new to warn about
        }
        return Optional.of(new Estimate("database " + text(fields.get("DBInstanceIdentifier")) + " resized to " + target
                + currentDbClass.map(c -> " (from " + c + ")").orElse(""), to,
                to.isPresent() ? prices.rdsNote() : target + " is not in the price table",
                prices.rdsFreeTierClass(target) ? prices.rdsFreeTier() : "not covered (" + target + " is not a free-tier class)"));
    }

    private static Optional<Estimate> upload(PriceTable prices, Map<String, Object> fields, SessionUsage usage) {
        long bytes = longValue(fields.get("ContentLength"), 0);
        double freeBytes = prices.s3FreeTierGb() * 1024 * 1024 * 1024;
        if (usage.uploadedBytes() + bytes <= freeBytes) {
            return Optional.empty();
        }
        double gb = bytes / (1024.0 * 1024 * 1024);
        return Optional.of(new Estimate(String.format(Locale.ROOT, "an upload of %.2f GB to S3", gb), OptionalDouble.empty(),
                String.format(Locale.ROOT, "%s a month while stored (%s per GB-month)", Estimate.usd(gb * prices.s3GbMonth()),
                        Estimate.usd(prices.s3GbMonth())),
                "beyond the free tier: this session has uploaded more than " + (int) prices.s3FreeTierGb() + " GB; " + prices.s3Note()));
    }

    private static Optional<Estimate> sending(PriceTable prices, SessionUsage usage) {
        if (usage.messagesSent() < prices.sesFreeMessages()) {
            return Optional.empty();
        }
        return Optional.of(new Estimate("one more email through SES", OptionalDouble.empty(),
                Estimate.usd(prices.sesPerThousand()) + " per 1,000 messages",
                "beyond the free tier: " + usage.messagesSent() + " messages sent already; " + prices.sesNote()));
    }

    static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof java.util.List<?> list) {
            return String.join(", ", list.stream().map(String::valueOf).toList());
        }
        return String.valueOf(value);
    }

    private static int integer(Object value, int fallback) {
        return (int) longValue(value, fallback);
    }

    private static long longValue(Object value, long fallback) {
        if (value instanceof Number n) {
            return n.longValue();
        }
        if (value instanceof String s) {
            try {
                return Long.parseLong(s.trim());
            } catch (NumberFormatException e) {
                return fallback;
            }
        }
        return fallback;
    }
}
