package io.awstutor.sandbox.ec2;

import io.awstutor.sandbox.protocol.FilterMatcher;
import io.awstutor.sandbox.http.ServiceCall;
import io.awstutor.sandbox.protocol.AwsException;
import io.awstutor.sandbox.protocol.QueryParams;
import io.awstutor.sandbox.protocol.QueryServiceHandler.QueryAction;
import io.awstutor.sandbox.protocol.XmlWriter;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static io.awstutor.sandbox.ec2.Ec2Action.authorize;
import static io.awstutor.sandbox.protocol.FilterMatcher.one;
import static io.awstutor.sandbox.ec2.NetworkActions.dryRun;

/**
 * What a VPC's routing looks like to a client that reads it (Terraform's aws_vpc reads the main
 * route table, boto3's {@code vpc.route_tables}): DescribeRouteTables and DescribeVpcAttribute.
 */
final class RoutingActions {
    private final Ec2Backend backend;

    RoutingActions(Ec2Backend backend) {
        this.backend = backend;
    }

    void register(Map<String, QueryAction> actions) {
        actions.put("DescribeRouteTables", this::describeRouteTables);
        actions.put("DescribeVpcAttribute", this::describeVpcAttribute);
    }

    private void describeRouteTables(QueryParams params, ServiceCall call, XmlWriter xml) {
        authorize(call, "DescribeRouteTables", "*");
        dryRun(params);
        RegionState state = backend.region(call.accountId(), call.region());
        Map<String, Function<RouteTable, Collection<String>>> names = new HashMap<>();
        names.put("route-table-id", one(RouteTable::id));
        names.put("vpc-id", t -> List.of(t.vpc().id()));
        names.put("owner-id", t -> List.of(t.vpc().ownerId()));
        names.put("association.main", t -> List.of("true"));
        names.put("association.route-table-association-id", one(RouteTable::associationId));
        names.put("association.route-table-id", one(RouteTable::id));
        names.put("association.subnet-id", t -> List.of());
        names.put("association.gateway-id", t -> List.of());
        names.put("route.destination-cidr-block", t -> t.routes().stream().map(RouteTable.Route::destination).toList());
        names.put("route.gateway-id", t -> t.routes().stream().map(RouteTable.Route::gatewayId).toList());
        names.put("route.origin", t -> t.routes().stream().map(RouteTable.Route::origin).toList());
        names.put("route.state", t -> List.of("active"));
        List<RouteTable> tables = new ArrayList<>();
        synchronized (state) {
            state.vpcs.values().forEach(v -> tables.add(RouteTable.mainOf(v)));
            new FilterMatcher<RouteTable>(Ec2Requests.FILTERS, names, t -> state.tags.of(t.id())).keepNamedAndMatching(tables, RouteTable::id,
                    params.list("RouteTableId"), Ec2Requests.filters(params),
                    id -> AwsException.badRequest("InvalidRouteTableID.NotFound", "The routeTable ID '" + id + "' does not exist"));
        }
        xml.start("routeTableSet");
        for (RouteTable table : tables) {
            xml.start("item").element("routeTableId", table.id()).element("vpcId", table.vpc().id())
                    .element("ownerId", table.vpc().ownerId()).start("routeSet");
            for (RouteTable.Route route : table.routes()) {
                xml.start("item").element("destinationCidrBlock", route.destination()).element("gatewayId", route.gatewayId())
                        .element("state", "active").element("origin", route.origin()).end();
            }
            xml.end().start("associationSet").start("item")
                    .element("routeTableAssociationId", table.associationId())
                    .element("routeTableId", table.id())
                    .element("main", true)
                    .start("associationState").element("state", "associated").end()
                    .end().end()
                    .start("propagatingVgwSet").end();
            Ec2Xml.tagSetIfAny(xml, NetworkActions.tags(state, table.id()));
            xml.end();
        }
        xml.end();
    }

    /**
     * The attributes a VPC starts with: DNS resolution on; DNS hostnames on in the default VPC
     * only (as AWS creates them); network address usage metrics off.
     */
    private void describeVpcAttribute(QueryParams params, ServiceCall call, XmlWriter xml) {
        authorize(call, "DescribeVpcAttribute", Ec2Action.arn(call, "vpc/" + params.get("VpcId")));
        dryRun(params);
        String vpcId = params.get("VpcId");
        String attribute = params.get("Attribute");
        if (vpcId == null) {
            throw Ec2Errors.missingParameter("VpcId");
        }
        if (attribute == null) {
            throw Ec2Errors.missingParameter("Attribute");
        }
        RegionState state = backend.region(call.accountId(), call.region());
        Vpc vpc = backend.networks().describeVpcs(state, List.of(vpcId), List.of()).get(0);
        boolean value = switch (attribute) {
            case "enableDnsSupport" -> true;
            case "enableDnsHostnames" -> vpc.isDefault();
            case "enableNetworkAddressUsageMetrics" -> false;
            default -> throw Ec2Errors.invalidParameterValue("Value (" + attribute + ") for parameter attribute is invalid. "
                    + "Unknown attribute.");
        };
        xml.element("vpcId", vpc.id()).start(attribute).element("value", value).end();
    }
}
