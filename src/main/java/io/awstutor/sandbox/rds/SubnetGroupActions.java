package io.awstutor.sandbox.rds;

import io.awstutor.sandbox.http.ServiceCall;
import io.awstutor.sandbox.protocol.QueryParams;
import io.awstutor.sandbox.protocol.QueryServiceHandler.QueryAction;
import io.awstutor.sandbox.protocol.XmlWriter;

import java.util.Locale;
import java.util.Map;

/** DB subnet group actions over the query protocol. */
final class SubnetGroupActions {
    private final RdsBackend backend;

    SubnetGroupActions(RdsBackend backend) {
        this.backend = backend;
    }

    void register(Map<String, QueryAction> actions) {
        actions.put("CreateDBSubnetGroup", this::create);
        actions.put("DescribeDBSubnetGroups", this::describe);
        actions.put("DeleteDBSubnetGroup", this::delete);
    }

    private static String arn(ServiceCall call, String name) {
        return RdsNames.arn(call.region(), call.accountId(), "subgrp", name == null ? "*" : name.toLowerCase(Locale.ROOT));
    }

    private void create(QueryParams p, ServiceCall call, XmlWriter result) {
        String name = p.get("DBSubnetGroupName");
        call.authorize("rds:CreateDBSubnetGroup", arn(call, name), "AccessDenied");
        DbSubnetGroup group = backend.createSubnetGroup(call.accountId(), call.region(), name, p.get("DBSubnetGroupDescription"),
                RdsParams.list(p, "SubnetIds", "SubnetIdentifier"), RdsParams.tags(p));
        RdsXml.subnetGroup(result, "DBSubnetGroup", group, true);
    }

    private void describe(QueryParams p, ServiceCall call, XmlWriter result) {
        String name = RdsParams.optional(p, "DBSubnetGroupName");
        call.authorize("rds:DescribeDBSubnetGroups", arn(call, name), "AccessDenied");
        Page<DbSubnetGroup> page = backend.describeSubnetGroups(call.accountId(), call.region(), name,
                RdsParams.optional(p, "Marker"), RdsParams.integer(p, "MaxRecords"));
        result.start("DBSubnetGroups");
        page.items().forEach(g -> RdsXml.subnetGroup(result, "DBSubnetGroup", g, true));
        result.end().element("Marker", page.nextMarker());
    }

    private void delete(QueryParams p, ServiceCall call, XmlWriter result) {
        String name = p.required("DBSubnetGroupName");
        call.authorize("rds:DeleteDBSubnetGroup", arn(call, name), "AccessDenied");
        backend.deleteSubnetGroup(call.accountId(), call.region(), name);
    }
}
