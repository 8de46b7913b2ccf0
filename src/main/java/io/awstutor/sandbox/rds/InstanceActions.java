package io.awstutor.sandbox.rds;

import io.awstutor.sandbox.http.ServiceCall;
import io.awstutor.sandbox.protocol.QueryParams;
import io.awstutor.sandbox.protocol.QueryServiceHandler.QueryAction;
import io.awstutor.sandbox.protocol.XmlWriter;

import java.util.Map;

/** The DB instance actions over the query protocol. */
final class InstanceActions {
    private final RdsBackend backend;
    private final DataAccessActions dataAccess;

    InstanceActions(RdsBackend backend) {
        this.backend = backend;
        this.dataAccess = new DataAccessActions(backend);
    }

    void register(Map<String, QueryAction> actions) {
        actions.put("CreateDBInstance", this::create);
        actions.put("DescribeDBInstances", this::describe);
        actions.put("ModifyDBInstance", this::modify);
        actions.put("RebootDBInstance", this::reboot);
        actions.put("DeleteDBInstance", this::delete);
        actions.put("StopDBInstance", this::stop);
        actions.put("StartDBInstance", this::start);
    }

    static String arn(ServiceCall call, String identifier) {
        return RdsNames.arn(call.region(), call.accountId(), "db", identifier == null ? "*" : RdsNames.nameOf(identifier));
    }

    private void create(QueryParams p, ServiceCall call, XmlWriter result) {
        java.time.Instant since = backend.now();
        String id = p.get("DBInstanceIdentifier");
        call.authorize("rds:CreateDBInstance", arn(call, id), "AccessDenied");
        String password = dataAccess.createPassword(p);
        CreateInstanceRequest request = new CreateInstanceRequest(id, p.get("Engine"), RdsParams.optional(p, "EngineVersion"),
                p.get("DBInstanceClass"), RdsParams.integer(p, "AllocatedStorage"), RdsParams.optional(p, "StorageType"),
                RdsParams.integer(p, "Iops"), p.get("MasterUsername"), password,
                RdsParams.optional(p, "DBName"), RdsParams.integer(p, "Port"), RdsParams.bool(p, "MultiAZ"),
                RdsParams.optional(p, "AvailabilityZone"), RdsParams.bool(p, "PubliclyAccessible"),
                RdsParams.list(p, "VpcSecurityGroupIds", "VpcSecurityGroupId"), RdsParams.optional(p, "DBSubnetGroupName"),
                RdsParams.bool(p, "DeletionProtection"), RdsParams.integer(p, "BackupRetentionPeriod"),
                RdsParams.bool(p, "StorageEncrypted"), RdsParams.bool(p, "CopyTagsToSnapshot"),
                RdsParams.bool(p, "AutoMinorVersionUpgrade"), RdsParams.optional(p, "DBClusterIdentifier"),
                RdsParams.integer(p, "PromotionTier"), RdsParams.tags(p));
        DbInstance db = dataAccess.created(call, p, backend.createInstance(call.accountId(), call.region(), request), password);
        answer(call, result, db, since);
    }

    private void describe(QueryParams p, ServiceCall call, XmlWriter result) {
        String id = RdsParams.optional(p, "DBInstanceIdentifier");
        call.authorize("rds:DescribeDBInstances", arn(call, id), "AccessDenied");
        Page<DbInstance> page = backend.describeInstances(call.accountId(), call.region(), id, RdsParams.filters(p),
                RdsParams.optional(p, "Marker"), RdsParams.integer(p, "MaxRecords"));
        Map<String, DbSubnetGroup> groups = new java.util.HashMap<>();
        result.start("DBInstances");
        page.items().forEach(db -> write(call, result, "DBInstance", db, groups));
        result.end().element("Marker", page.nextMarker());
    }

    private void modify(QueryParams p, ServiceCall call, XmlWriter result) {
        java.time.Instant since = backend.now();
        String id = p.required("DBInstanceIdentifier");
        call.authorize("rds:ModifyDBInstance", arn(call, id), "AccessDenied");
        String password = dataAccess.modifyPassword(call, p);
        ModifyInstanceRequest request = new ModifyInstanceRequest(id, RdsParams.optional(p, "DBInstanceClass"),
                RdsParams.integer(p, "AllocatedStorage"), password, RdsParams.bool(p, "MultiAZ"),
                RdsParams.list(p, "VpcSecurityGroupIds", "VpcSecurityGroupId"), RdsParams.bool(p, "PubliclyAccessible"),
                RdsParams.bool(p, "DeletionProtection"), RdsParams.integer(p, "BackupRetentionPeriod"),
                RdsParams.bool(p, "CopyTagsToSnapshot"), RdsParams.flag(p, "ApplyImmediately"));
        answer(call, result, dataAccess.modified(call, p, backend.modifyInstance(call.accountId(), call.region(), request), password),
                since);
    }

    private void reboot(QueryParams p, ServiceCall call, XmlWriter result) {
        java.time.Instant since = backend.now();
        String id = p.required("DBInstanceIdentifier");
        call.authorize("rds:RebootDBInstance", arn(call, id), "AccessDenied");
        answer(call, result, backend.rebootInstance(call.accountId(), call.region(), id, RdsParams.flag(p, "ForceFailover")), since);
    }

    private void delete(QueryParams p, ServiceCall call, XmlWriter result) {
        java.time.Instant since = backend.now();
        String id = p.required("DBInstanceIdentifier");
        call.authorize("rds:DeleteDBInstance", arn(call, id), "AccessDenied");
        DbInstance db = backend.deleteInstance(call.accountId(), call.region(), id, RdsParams.flag(p, "SkipFinalSnapshot"),
                RdsParams.optional(p, "FinalDBSnapshotIdentifier"));
        dataAccess.deleted(call, db.masterUserSecret);
        answer(call, result, db, since);
    }

    private void stop(QueryParams p, ServiceCall call, XmlWriter result) {
        java.time.Instant since = backend.now();
        String id = p.required("DBInstanceIdentifier");
        call.authorize("rds:StopDBInstance", arn(call, id), "AccessDenied");
        answer(call, result, backend.stopInstance(call.accountId(), call.region(), id, RdsParams.optional(p, "DBSnapshotIdentifier")), since);
    }

    private void start(QueryParams p, ServiceCall call, XmlWriter result) {
        java.time.Instant since = backend.now();
        String id = p.required("DBInstanceIdentifier");
        call.authorize("rds:StartDBInstance", arn(call, id), "AccessDenied");
        answer(call, result, backend.startInstance(call.accountId(), call.region(), id), since);
    }

    /** A call's answer shows the status the call began (creating, modifying, …), whatever the time scale. */
    private void answer(ServiceCall call, XmlWriter result, DbInstance db, java.time.Instant since) {
        DbSubnetGroup group = backend.describeSubnetGroups(call.accountId(), call.region(), db.subnetGroupName, null, null).items().get(0);
        RdsXml.instance(result, "DBInstance", db, group, backend.now(), since);
    }

    private void write(ServiceCall call, XmlWriter result, String element, DbInstance db) {
        write(call, result, element, db, new java.util.HashMap<>());
    }

    /** Instances in a page mostly share a subnet group; {@code groups} looks each up once. */
    private void write(ServiceCall call, XmlWriter result, String element, DbInstance db, Map<String, DbSubnetGroup> groups) {
        DbSubnetGroup group = groups.computeIfAbsent(db.subnetGroupName, name ->
                backend.describeSubnetGroups(call.accountId(), call.region(), name, null, null).items().get(0));
        RdsXml.instance(result, element, db, group, backend.now());
    }
}
