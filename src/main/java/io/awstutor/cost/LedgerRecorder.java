package io.awstutor.cost;

import io.awstutor.jshell.agent.CallRecord;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps the ledger in step with the learner's calls: a successful create adds what it made
 * (ids from the response, names from the request), a successful delete takes it out.
 */
public final class LedgerRecorder {
    private final Ledger ledger;
    private final PriceTable prices;
    private final Clock clock;

    public LedgerRecorder(Ledger ledger, PriceTable prices, Clock clock) {
        this.ledger = ledger;
        this.prices = prices;
        this.clock = clock;
    }

    /** Where the calls ran: the ledger's target key, the account, and the lesson the learner is in. */
    public record Place(String target, String account, String lesson) {
    }

    /** Whether any of the calls created or removed something the ledger follows. */
    public boolean changesAnything(List<CallRecord> calls) {
        return calls.stream().anyMatch(call -> call.ok() && !changes(call).isEmpty());
    }

    public void record(Place place, List<CallRecord> calls) {
        for (CallRecord call : calls) {
            if (!call.ok()) {
                continue;
            }
            String region = call.resourceRegion() == null ? "us-east-1" : call.resourceRegion();
            for (Change change : changes(call)) {
                LedgerEntry entry = new LedgerEntry(place.target(), place.account(), region, change.kind(), change.id(),
                        change.detail(), clock.instant(), change.hourlyUsd(), place.lesson());
                if (change.created()) {
                    ledger.add(entry);
                } else {
                    ledger.remove(entry);
                }
            }
        }
    }

    record Change(boolean created, ResourceKind kind, String id, String detail, double hourlyUsd) {
        static Change made(ResourceKind kind, String id, String detail, double hourly) {
            return new Change(true, kind, id, detail, hourly);
        }

        static Change gone(ResourceKind kind, String id) {
            return new Change(false, kind, id, "", 0);
        }
    }

    List<Change> changes(CallRecord call) {
        Map<String, Object> req = call.request() == null ? Map.of() : call.request();
        Map<String, Object> res = call.response() == null ? Map.of() : call.response();
        List<Change> changes = new ArrayList<>();
        switch (BillableOperations.normalize(call.service()) + ":" + call.operation()) {
            case "iam:CreateUser" -> text(req, "UserName").ifPresent(n -> changes.add(Change.made(ResourceKind.IAM_USER, n, "", 0)));
            case "iam:DeleteUser" -> text(req, "UserName").ifPresent(n -> changes.add(Change.gone(ResourceKind.IAM_USER, n)));
            case "iam:CreateRole" -> text(req, "RoleName").ifPresent(n -> changes.add(Change.made(ResourceKind.IAM_ROLE, n, "", 0)));
            case "iam:DeleteRole" -> text(req, "RoleName").ifPresent(n -> changes.add(Change.gone(ResourceKind.IAM_ROLE, n)));
            case "iam:CreateGroup" -> text(req, "GroupName").ifPresent(n -> changes.add(Change.made(ResourceKind.IAM_GROUP, n, "", 0)));
            case "iam:DeleteGroup" -> text(req, "GroupName").ifPresent(n -> changes.add(Change.gone(ResourceKind.IAM_GROUP, n)));
            case "iam:CreatePolicy" -> nested(res, "Policy", "Arn").ifPresent(a ->
                    changes.add(Change.made(ResourceKind.IAM_POLICY, a, "", 0)));
            case "iam:DeletePolicy" -> text(req, "PolicyArn").ifPresent(a -> changes.add(Change.gone(ResourceKind.IAM_POLICY, a)));
            case "s3:CreateBucket" -> text(req, "Bucket").ifPresent(b -> changes.add(Change.made(ResourceKind.S3_BUCKET, b, "", 0)));
            case "s3:DeleteBucket" -> text(req, "Bucket").ifPresent(b -> changes.add(Change.gone(ResourceKind.S3_BUCKET, b)));
            case "ec2:RunInstances" -> {
                for (Object item : list(res, "Instances")) {
                    if (item instanceof Map<?, ?> instance && instance.get("InstanceId") != null) {
                        String type = String.valueOf(instance.get("InstanceType"));
                        changes.add(Change.made(ResourceKind.EC2_INSTANCE, String.valueOf(instance.get("InstanceId")), type,
                                prices.ec2Hourly(type).orElse(0)));
                    }
                }
            }
            case "ec2:TerminateInstances" -> list(req, "InstanceIds").forEach(id ->
                    changes.add(Change.gone(ResourceKind.EC2_INSTANCE, String.valueOf(id))));
            case "ec2:CreateSecurityGroup" -> text(res, "GroupId").ifPresent(id ->
                    changes.add(Change.made(ResourceKind.SECURITY_GROUP, id, text(req, "GroupName").orElse(""), 0)));
            case "ec2:DeleteSecurityGroup" -> text(req, "GroupId").ifPresentOrElse(
                    id -> changes.add(Change.gone(ResourceKind.SECURITY_GROUP, id)),
                    () -> { });
            case "ec2:AllocateAddress" -> text(res, "AllocationId").ifPresent(id ->
                    changes.add(Change.made(ResourceKind.ELASTIC_IP, id, text(res, "PublicIp").orElse(""), prices.publicIpv4Hour())));
            case "ec2:ReleaseAddress" -> text(req, "AllocationId").ifPresent(id -> changes.add(Change.gone(ResourceKind.ELASTIC_IP, id)));
            case "ec2:CreateNatGateway" -> nested(res, "NatGateway", "NatGatewayId").ifPresent(id ->
                    changes.add(Change.made(ResourceKind.NAT_GATEWAY, id, "", prices.natGatewayHour())));
            case "ec2:DeleteNatGateway" -> text(req, "NatGatewayId").ifPresent(id -> changes.add(Change.gone(ResourceKind.NAT_GATEWAY, id)));
            case "ec2:CreateKeyPair", "ec2:ImportKeyPair" -> text(req, "KeyName").ifPresent(n ->
                    changes.add(Change.made(ResourceKind.KEY_PAIR, n, "", 0)));
            case "ec2:DeleteKeyPair" -> text(req, "KeyName").ifPresent(n -> changes.add(Change.gone(ResourceKind.KEY_PAIR, n)));
            case "rds:CreateDBInstance", "rds:CreateDBInstanceReadReplica", "rds:RestoreDBInstanceFromDBSnapshot" ->
                    text(req, "DBInstanceIdentifier").ifPresent(id -> {
                        String cls = text(req, "DBInstanceClass").orElse("");
                        double hourly = prices.rdsHourly(cls, text(req, "Engine").orElse(""), Boolean.TRUE.equals(req.get("MultiAZ"))).orElse(0);
                        changes.add(Change.made(ResourceKind.RDS_INSTANCE, id, cls, hourly));
                    });
            case "rds:DeleteDBInstance" -> text(req, "DBInstanceIdentifier").ifPresent(id ->
                    changes.add(Change.gone(ResourceKind.RDS_INSTANCE, id)));
            case "rds:CreateDBCluster" -> text(req, "DBClusterIdentifier").ifPresent(id ->
                    changes.add(Change.made(ResourceKind.RDS_CLUSTER, id, text(req, "Engine").orElse(""), 0)));
            case "rds:DeleteDBCluster" -> text(req, "DBClusterIdentifier").ifPresent(id ->
                    changes.add(Change.gone(ResourceKind.RDS_CLUSTER, id)));
            case "secretsmanager:CreateSecret" -> text(res, "ARN").ifPresent(arn ->
                    changes.add(Change.made(ResourceKind.SECRET, arn, text(req, "Name").orElse(""), 0)));
            case "secretsmanager:DeleteSecret" -> text(res, "ARN").ifPresent(arn -> changes.add(Change.gone(ResourceKind.SECRET, arn)));
            case "cloudfront:CreateDistribution", "cloudfront:CreateDistributionWithTags" ->
                    nested(res, "Distribution", "Id").ifPresent(id ->
                            changes.add(Change.made(ResourceKind.CLOUDFRONT_DISTRIBUTION, id,
                                    nested(res, "Distribution", "DomainName").orElse(""), 0)));
            case "cloudfront:DeleteDistribution" -> text(req, "Id").ifPresent(id ->
                    changes.add(Change.gone(ResourceKind.CLOUDFRONT_DISTRIBUTION, id)));
            default -> { }
        }
        return changes;
    }

    private static Optional<String> text(Map<String, Object> fields, String name) {
        Object value = fields.get(name);
        return value == null || String.valueOf(value).isBlank() ? Optional.empty() : Optional.of(String.valueOf(value));
    }

    private static Optional<String> nested(Map<String, Object> fields, String outer, String inner) {
        return fields.get(outer) instanceof Map<?, ?> map && map.get(inner) != null
                ? Optional.of(String.valueOf(map.get(inner))) : Optional.empty();
    }

    private static List<?> list(Map<String, Object> fields, String name) {
        return fields.get(name) instanceof List<?> items ? items : List.of();
    }
}
