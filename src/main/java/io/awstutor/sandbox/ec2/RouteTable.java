package io.awstutor.sandbox.ec2;

import java.util.ArrayList;
import java.util.List;

/**
 * A VPC's main route table, which AWS creates with every VPC: the local route for the VPC's
 * block and, in the default VPC, the route to its internet gateway. The sandbox does not let
 * a learner change routes, so the table is derived from the VPC (stable ids, nothing stored).
 */
record RouteTable(String id, String associationId, Vpc vpc) {

    record Route(String destination, String gatewayId, String origin) {
    }

    static RouteTable mainOf(Vpc vpc) {
        return new RouteTable(Ec2Ids.stable("rtb", vpc.id()), Ec2Ids.stable("rtbassoc", vpc.id()), vpc);
    }

    /** The default VPC's internet gateway; other VPCs have none until a learner attaches one. */
    static String internetGatewayOf(Vpc vpc) {
        return vpc.isDefault() ? Ec2Ids.stable("igw", vpc.id()) : null;
    }

    List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        routes.add(new Route(vpc.cidrBlock(), "local", "CreateRouteTable"));
        String gateway = internetGatewayOf(vpc);
        if (gateway != null) {
            routes.add(new Route("0.0.0.0/0", gateway, "CreateRoute"));
        }
        return routes;
    }
}
