package io.awstutor.sandbox.rds;

import io.awstutor.sandbox.http.ServiceCall;
import io.awstutor.sandbox.protocol.QueryParams;
import io.awstutor.sandbox.protocol.QueryServiceHandler.QueryAction;
import io.awstutor.sandbox.protocol.XmlWriter;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** DB snapshot and DB cluster snapshot actions over the query protocol. */
final class SnapshotActions {
    private final RdsBackend backend;

    SnapshotActions(RdsBackend backend) {
        this.backend = backend;
    }

    void register(Map<String, QueryAction> actions) {
        actions.put("CreateDBSnapshot", this::create);
        actions.put("RestoreDBInstanceFromDBSnapshot", this::restore);
        actions.put("DescribeDBSnapshots", (p, call, result) -> describe(p, call, result, false));
        actions.put("DeleteDBSnapshot", (p, call, result) -> delete(p, call, result, false));
        actions.put("CreateDBClusterSnapshot", this::createCluster);
        actions.put("RestoreDBClusterFromSnapshot", this::restoreCluster);
        actions.put("DescribeDBClusterSnapshots", (p, call, result) -> describe(p, call, result, true));
        actions.put("DeleteDBClusterSnapshot", (p, call, result) -> delete(p, call, result, true));
    }

    private static String arn(ServiceCall call, boolean cluster, String identifier) {
        return RdsNames.arn(call.region(), call.accountId(), cluster ? "cluster-snapshot" : "snapshot",
                identifier == null ? "*" : RdsNames.nameOf(identifier));
    }

    private void create(QueryParams p, ServiceCall call, XmlWriter result) {
        String id = p.get("DBSnapshotIdentifier");
        call.authorize("rds:CreateDBSnapshot", arn(call, false, id), "AccessDenied");
        DbSnapshot s = backend.createSnapshot(call.accountId(), call.region(), id, p.get("DBInstanceIdentifier"), RdsParams.tags(p));
        RdsXml.snapshot(result, s, backend.now());
    }

    private void restore(QueryParams p, ServiceCall call, XmlWriter result) {
        String id = p.get("DBInstanceIdentifier");
        call.authorize("rds:RestoreDBInstanceFromDBSnapshot", RdsNames.arn(call.region(), call.accountId(), "db",
                id == null ? "*" : id.toLowerCase(Locale.ROOT)), "AccessDenied");
        RestoreRequest request = new RestoreRequest(id, p.get("DBSnapshotIdentifier"), RdsParams.optional(p, "DBInstanceClass"),
                RdsParams.integer(p, "Port"), RdsParams.bool(p, "MultiAZ"), RdsParams.optional(p, "AvailabilityZone"),
                RdsParams.bool(p, "PubliclyAccessible"), RdsParams.list(p, "VpcSecurityGroupIds", "VpcSecurityGroupId"),
                RdsParams.optional(p, "DBSubnetGroupName"), RdsParams.bool(p, "DeletionProtection"), RdsParams.tags(p));
        DbInstance db = backend.restoreFromSnapshot(call.accountId(), call.region(), request);
        DbSubnetGroup group = backend.describeSubnetGroups(call.accountId(), call.region(), db.subnetGroupName, null, null).items().get(0);
        RdsXml.instance(result, "DBInstance", db, group, backend.now());
    }

    private void createCluster(QueryParams p, ServiceCall call, XmlWriter result) {
        String id = p.get("DBClusterSnapshotIdentifier");
        call.authorize("rds:CreateDBClusterSnapshot", arn(call, true, id), "AccessDenied");
        DbSnapshot s = backend.createClusterSnapshot(call.accountId(), call.region(), id, p.get("DBClusterIdentifier"),
                RdsParams.tags(p));
        RdsXml.snapshot(result, s, backend.now());
    }

    private void restoreCluster(QueryParams p, ServiceCall call, XmlWriter result) {
        String id = p.get("DBClusterIdentifier");
        call.authorize("rds:RestoreDBClusterFromSnapshot", RdsNames.arn(call.region(), call.accountId(), "cluster",
                id == null ? "*" : RdsNames.nameOf(id)), "AccessDenied");
        RestoreClusterRequest request = new RestoreClusterRequest(id, p.get("SnapshotIdentifier"), p.get("Engine"),
                RdsParams.optional(p, "EngineVersion"), RdsParams.integer(p, "Port"), RdsParams.optional(p, "DBSubnetGroupName"),
                RdsParams.list(p, "VpcSecurityGroupIds", "VpcSecurityGroupId"), RdsParams.bool(p, "DeletionProtection"),
                RdsParams.bool(p, "CopyTagsToSnapshot"), ClusterActions.scaling(p), RdsParams.tags(p));
        DbCluster cluster = backend.restoreClusterFromSnapshot(call.accountId(), call.region(), request);
        RdsXml.cluster(result, "DBCluster", cluster, List.of(), backend.now());
    }

    private void describe(QueryParams p, ServiceCall call, XmlWriter result, boolean cluster) {
        String id = RdsParams.optional(p, cluster ? "DBClusterSnapshotIdentifier" : "DBSnapshotIdentifier");
        call.authorize(cluster ? "rds:DescribeDBClusterSnapshots" : "rds:DescribeDBSnapshots", arn(call, cluster, id), "AccessDenied");
        Page<DbSnapshot> page = backend.describeSnapshots(call.accountId(), call.region(), cluster, id,
                RdsParams.optional(p, cluster ? "DBClusterIdentifier" : "DBInstanceIdentifier"),
                RdsParams.optional(p, "SnapshotType"), RdsParams.optional(p, "Marker"), RdsParams.integer(p, "MaxRecords"));
        result.start(cluster ? "DBClusterSnapshots" : "DBSnapshots");
        page.items().forEach(s -> RdsXml.snapshot(result, s, backend.now()));
        result.end().element("Marker", page.nextMarker());
    }

    private void delete(QueryParams p, ServiceCall call, XmlWriter result, boolean cluster) {
        String id = p.required(cluster ? "DBClusterSnapshotIdentifier" : "DBSnapshotIdentifier");
        call.authorize(cluster ? "rds:DeleteDBClusterSnapshot" : "rds:DeleteDBSnapshot", arn(call, cluster, id), "AccessDenied");
        RdsXml.snapshot(result, backend.deleteSnapshot(call.accountId(), call.region(), cluster, id), backend.now());
    }
}
