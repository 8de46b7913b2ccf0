package io.awstutor.sandbox.ec2;

import io.awstutor.sandbox.protocol.FilterMatcher;
import io.awstutor.sandbox.protocol.QueryParams;
import io.awstutor.sandbox.protocol.QueryServiceHandler.QueryAction;
import io.awstutor.sandbox.protocol.XmlWriter;
import io.awstutor.sandbox.regions.Region;
import io.awstutor.sandbox.regions.Regions;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static io.awstutor.sandbox.ec2.Ec2Action.authorize;
import static io.awstutor.sandbox.protocol.FilterMatcher.one;

/** DescribeRegions, DescribeAvailabilityZones, and the VPC and subnet actions. */
final class NetworkActions {
    private final Ec2Backend backend;

    NetworkActions(Ec2Backend backend) {
        this.backend = backend;
    }

    void register(Map<String, QueryAction> actions) {
        actions.put("DescribeRegions", this::describeRegions);
        actions.put("DescribeAvailabilityZones", this::describeZones);
        actions.put("DescribeVpcs", this::describeVpcs);
        actions.put("DescribeSubnets", this::describeSubnets);
        actions.put("CreateVpc", this::createVpc);
        actions.put("CreateSubnet", this::createSubnet);
        actions.put("DeleteSubnet", this::deleteSubnet);
        actions.put("DeleteVpc", this::deleteVpc);
    }

    private record RegionRow(Region region, String optInStatus) {
    }

    private void describeRegions(QueryParams params, io.awstutor.sandbox.http.ServiceCall call, XmlWriter xml) {
        authorize(call, "DescribeRegions", "*");
        dryRun(params);
        boolean all = params.bool("AllRegions").orElse(false);
        List<String> names = params.list("RegionName");
        Map<String, Function<RegionRow, Collection<String>>> attributes = new HashMap<>();
        attributes.put("region-name", r -> List.of(r.region().name()));
        attributes.put("endpoint", r -> List.of(endpoint(r.region())));
        attributes.put("opt-in-status", one(RegionRow::optInStatus));
        var predicate = new FilterMatcher<RegionRow>(Ec2Requests.FILTERS, attributes, null).predicate(Ec2Requests.filters(params));
        for (String name : names) {
            if (!Regions.exists(name)) {
                throw Ec2Errors.invalidParameterValue("Invalid region: " + name);
            }
        }
        xml.start("regionInfo");
        for (Region region : Regions.all()) {
            RegionRow row = new RegionRow(region, region.optIn() ? "not-opted-in" : "opt-in-not-required");
            boolean named = names.contains(region.name());
            if ((names.isEmpty() && (all || !region.optIn()) || named) && predicate.test(row)) {
                xml.start("item").element("regionName", region.name()).element("regionEndpoint", endpoint(region))
                        .element("optInStatus", row.optInStatus()).end();
            }
        }
        xml.end();
    }

    private static String endpoint(Region region) {
        return "ec2." + region.name() + ".amazonaws.com";
    }

    private record Zone(Region region, char letter) {
        String name() { return region.name() + letter; }
        String id() { return region.zoneId(letter); }
    }

    private void describeZones(QueryParams params, io.awstutor.sandbox.http.ServiceCall call, XmlWriter xml) {
        authorize(call, "DescribeAvailabilityZones", "*");
        dryRun(params);
        Region region = backend.region(call.accountId(), call.region()).region();
        Map<String, Function<Zone, Collection<String>>> attributes = new HashMap<>();
        attributes.put("zone-name", z -> List.of(z.name()));
        attributes.put("zone-id", z -> List.of(z.id()));
        attributes.put("region-name", z -> List.of(region.name()));
        attributes.put("state", z -> List.of("available"));
        attributes.put("zone-type", z -> List.of("availability-zone"));
        attributes.put("opt-in-status", z -> List.of("opt-in-not-required"));
        attributes.put("group-name", z -> List.of(region.name() + "-zg-1"));
        var predicate = new FilterMatcher<Zone>(Ec2Requests.FILTERS, attributes, null).predicate(Ec2Requests.filters(params));
        List<String> names = params.list("ZoneName");
        List<String> ids = params.list("ZoneId");
        List<Zone> zones = new ArrayList<>();
        for (char letter : region.zoneLetters()) {
            zones.add(new Zone(region, letter));
        }
        for (String name : names) {
            if (zones.stream().noneMatch(z -> z.name().equals(name))) {
                throw Ec2Errors.invalidParameterValue("The zone '" + name + "' does not exist.");
            }
        }
        for (String id : ids) {
            if (zones.stream().noneMatch(z -> z.id().equals(id))) {
                throw Ec2Errors.invalidParameterValue("The zone id '" + id + "' does not exist.");
            }
        }
        xml.start("availabilityZoneInfo");
        for (Zone zone : zones) {
            boolean named = names.isEmpty() && ids.isEmpty() || names.contains(zone.name()) || ids.contains(zone.id());
            if (named && predicate.test(zone)) {
                xml.start("item")
                        .element("optInStatus", "opt-in-not-required")
                        .start("messageSet").end()
                        .element("regionName", region.name())
                        .element("zoneName", zone.name())
                        .element("zoneId", zone.id())
                        .element("groupName", region.name() + "-zg-1")
                        .element("networkBorderGroup", region.name())
                        .element("zoneType", "availability-zone")
                        .element("groupLongName", region.location() + " 1")
                        .element("zoneState", "available")
                        .end();
            }
        }
        xml.end();
    }

    private void describeVpcs(QueryParams params, io.awstutor.sandbox.http.ServiceCall call, XmlWriter xml) {
        authorize(call, "DescribeVpcs", "*");
        dryRun(params);
        RegionState state = backend.region(call.accountId(), call.region());
        List<Vpc> vpcs = backend.networks().describeVpcs(state, params.list("VpcId"), Ec2Requests.filters(params));
        xml.start("vpcSet");
        for (Vpc vpc : vpcs) {
            Ec2Xml.vpc(xml, "item", vpc, tags(state, vpc.id()));
        }
        xml.end();
    }

    private void describeSubnets(QueryParams params, io.awstutor.sandbox.http.ServiceCall call, XmlWriter xml) {
        authorize(call, "DescribeSubnets", "*");
        dryRun(params);
        RegionState state = backend.region(call.accountId(), call.region());
        List<Subnet> subnets = backend.networks().describeSubnets(state, params.list("SubnetId"), Ec2Requests.filters(params));
        xml.start("subnetSet");
        for (Subnet subnet : subnets) {
            Ec2Xml.subnet(xml, "item", subnet, backend.networks().availableAddresses(state, subnet), tags(state, subnet.id()), call.region());
        }
        xml.end();
    }

    private void createVpc(QueryParams params, io.awstutor.sandbox.http.ServiceCall call, XmlWriter xml) {
        authorize(call, "CreateVpc", Ec2Action.arn(call, "vpc/*"));
        dryRun(params);
        RegionState state = backend.region(call.accountId(), call.region());
        Vpc vpc = backend.networks().createVpc(state, params.get("CidrBlock"), Ec2Requests.tagSpecifications(params, "vpc"));
        Ec2Xml.vpc(xml, "vpc", vpc, tags(state, vpc.id()));
    }

    private void createSubnet(QueryParams params, io.awstutor.sandbox.http.ServiceCall call, XmlWriter xml) {
        authorize(call, "CreateSubnet", Ec2Action.arn(call, "subnet/*"));
        dryRun(params);
        RegionState state = backend.region(call.accountId(), call.region());
        Subnet subnet = backend.networks().createSubnet(state, params.get("VpcId"), params.get("CidrBlock"),
                params.get("AvailabilityZone"), params.get("AvailabilityZoneId"), Ec2Requests.tagSpecifications(params, "subnet"));
        Ec2Xml.subnet(xml, "subnet", subnet, backend.networks().availableAddresses(state, subnet), tags(state, subnet.id()), call.region());
    }

    private void deleteSubnet(QueryParams params, io.awstutor.sandbox.http.ServiceCall call, XmlWriter xml) {
        String id = params.get("SubnetId");
        authorize(call, "DeleteSubnet", Ec2Action.arn(call, "subnet/" + id));
        dryRun(params);
        RegionState state = backend.region(call.accountId(), call.region());
        backend.networks().deleteSubnet(state, id, backend.now(), backend.timings(), backend.externalEndpoints(state));
        xml.element("return", true);
    }

    private void deleteVpc(QueryParams params, io.awstutor.sandbox.http.ServiceCall call, XmlWriter xml) {
        String id = params.get("VpcId");
        authorize(call, "DeleteVpc", Ec2Action.arn(call, "vpc/" + id));
        dryRun(params);
        backend.networks().deleteVpc(backend.region(call.accountId(), call.region()), id);
        xml.element("return", true);
    }

    static Map<String, String> tags(RegionState state, String id) {
        synchronized (state) {
            return state.tags.of(id);
        }
    }

    static void dryRun(QueryParams params) {
        if (Ec2Requests.dryRun(params)) {
            throw Ec2Errors.dryRun();
        }
    }

}
