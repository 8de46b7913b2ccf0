package io.awstutor.sandbox.rds;

import io.awstutor.sandbox.http.ServiceCall;
import io.awstutor.sandbox.protocol.QueryParams;
import io.awstutor.sandbox.protocol.QueryServiceHandler.QueryAction;
import io.awstutor.sandbox.protocol.XmlWriter;

import java.util.Map;

/** The Aurora DB cluster actions over the query protocol. */
final class ClusterActions {
    private final RdsBackend backend;
    private final DataAccessActions dataAccess;

    ClusterActions(RdsBackend backend) {
        this.backend = backend;
        this.dataAccess = new DataAccessActions(backend);
    }

    void register(Map<String, QueryAction> actions) {
        actions.put("CreateDBCluster", this::create);
        actions.put("DescribeDBClusters", this::describe);
        actions.put("DeleteDBCluster", this::delete);
        actions.put("ModifyDBCluster", this::modify);
    }

    private static String arn(ServiceCall call, String identifier) {
        return RdsNames.arn(call.region(), call.accountId(), "cluster", identifier == null ? "*" : RdsNames.nameOf(identifier));
    }

    private void create(QueryParams p, ServiceCall call, XmlWriter result) {
        java.time.Instant since = backend.now();
        String id = p.get("DBClusterIdentifier");
        call.authorize("rds:CreateDBCluster", arn(call, id), "AccessDenied");
        QueryParams scaling = p.nested("ServerlessV2ScalingConfiguration");
        String password = dataAccess.createPassword(p);
        CreateClusterRequest request = new CreateClusterRequest(id, p.get("Engine"), RdsParams.optional(p, "EngineVersion"),
                RdsParams.optional(p, "EngineMode"), p.get("MasterUsername"), password,
                RdsParams.optional(p, "DatabaseName"), RdsParams.integer(p, "Port"),
                RdsParams.list(p, "VpcSecurityGroupIds", "VpcSecurityGroupId"), RdsParams.optional(p, "DBSubnetGroupName"),
                RdsParams.list(p, "AvailabilityZones", "AvailabilityZone"), RdsParams.bool(p, "DeletionProtection"),
                RdsParams.integer(p, "BackupRetentionPeriod"), RdsParams.bool(p, "StorageEncrypted"),
                RdsParams.bool(p, "CopyTagsToSnapshot"), !scaling.isEmpty(),
                RdsParams.decimal(scaling, "MinCapacity"), RdsParams.decimal(scaling, "MaxCapacity"), RdsParams.tags(p));
        DbCluster cluster = dataAccess.created(call, p, backend.createCluster(call.accountId(), call.region(), request), password);
        answer(call, result, cluster, since);
    }

    private void describe(QueryParams p, ServiceCall call, XmlWriter result) {
        String id = RdsParams.optional(p, "DBClusterIdentifier");
        call.authorize("rds:DescribeDBClusters", arn(call, id), "AccessDenied");
        Page<DbCluster> page = backend.describeClusters(call.accountId(), call.region(), id, RdsParams.filters(p),
                RdsParams.optional(p, "Marker"), RdsParams.integer(p, "MaxRecords"));
        result.start("DBClusters");
        page.items().forEach(c -> write(call, result, c));
        result.end().element("Marker", page.nextMarker());
    }

    private void modify(QueryParams p, ServiceCall call, XmlWriter result) {
        java.time.Instant since = backend.now();
        String id = p.required("DBClusterIdentifier");
        call.authorize("rds:ModifyDBCluster", arn(call, id), "AccessDenied");
        QueryParams scaling = p.nested("ServerlessV2ScalingConfiguration");
        DbCluster cluster = backend.modifyCluster(call.accountId(), call.region(), id, RdsParams.bool(p, "DeletionProtection"),
                !scaling.isEmpty(), RdsParams.decimal(scaling, "MinCapacity"), RdsParams.decimal(scaling, "MaxCapacity"));
        cluster = dataAccess.modified(call, p, cluster);
        answer(call, result, cluster, since);
    }

    private void delete(QueryParams p, ServiceCall call, XmlWriter result) {
        java.time.Instant since = backend.now();
        String id = p.required("DBClusterIdentifier");
        call.authorize("rds:DeleteDBCluster", arn(call, id), "AccessDenied");
        DbCluster cluster = backend.deleteCluster(call.accountId(), call.region(), id, RdsParams.flag(p, "SkipFinalSnapshot"),
                RdsParams.optional(p, "FinalDBSnapshotIdentifier"));
        dataAccess.deleted(call, cluster.masterUserSecret);
        answer(call, result, cluster, since);
    }

    /** A call's answer shows the status the call began (creating, deleting, …), whatever the time scale. */
    private void answer(ServiceCall call, XmlWriter result, DbCluster cluster, java.time.Instant since) {
        RdsXml.cluster(result, "DBCluster", cluster, backend.clusterMembers(call.accountId(), call.region(), cluster.identifier),
                backend.now(), since);
    }

    private void write(ServiceCall call, XmlWriter result, DbCluster cluster) {
        RdsXml.cluster(result, "DBCluster", cluster, backend.clusterMembers(call.accountId(), call.region(), cluster.identifier), backend.now());
    }
}
