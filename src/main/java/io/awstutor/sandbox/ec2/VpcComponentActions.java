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
 * What every VPC comes with and a learner does not change in the sandbox, read as boto3's
 * {@code vpc.internet_gateways}, {@code vpc.network_acls} and {@code vpc.dhcp_options} read
 * it: the default VPC's internet gateway, each VPC's default network ACL (allow all, then the
 * final deny), and the region's DHCP option set. All derived from the VPCs (stable ids).
 */
final class VpcComponentActions {
    private final Ec2Backend backend;

    VpcComponentActions(Ec2Backend backend) {
        this.backend = backend;
    }

    void register(Map<String, QueryAction> actions) {
        actions.put("DescribeInternetGateways", this::describeInternetGateways);
        actions.put("DescribeNetworkAcls", this::describeNetworkAcls);
        actions.put("DescribeDhcpOptions", this::describeDhcpOptions);
    }

    private record Gateway(String id, Vpc vpc) {
    }

    private record Acl(String id, Vpc vpc, List<Subnet> subnets) {
    }

    private record Options(String id, String ownerId, String domainName) {
    }

    /** The VPCs and subnets of the caller's region, copied under the state's lock. */
    private static List<Vpc> vpcs(RegionState state) {
        synchronized (state) {
            return new ArrayList<>(state.vpcs.values());
        }
    }

    private void describeInternetGateways(QueryParams params, ServiceCall call, XmlWriter xml) {
        authorize(call, "DescribeInternetGateways", "*");
        dryRun(params);
        RegionState state = backend.region(call.accountId(), call.region());
        List<Gateway> gateways = new ArrayList<>();
        for (Vpc vpc : vpcs(state)) {
            String id = RouteTable.internetGatewayOf(vpc);
            if (id != null) {
                gateways.add(new Gateway(id, vpc));
            }
        }
        Map<String, Function<Gateway, Collection<String>>> names = new HashMap<>();
        names.put("internet-gateway-id", one(Gateway::id));
        names.put("attachment.vpc-id", g -> List.of(g.vpc().id()));
        names.put("attachment.state", g -> List.of("available"));
        names.put("owner-id", g -> List.of(g.vpc().ownerId()));
        new FilterMatcher<Gateway>(Ec2Requests.FILTERS, names, t -> NetworkActions.tags(state, t.id())).keepNamedAndMatching(gateways, Gateway::id,
                params.list("InternetGatewayId"), Ec2Requests.filters(params),
                id -> AwsException.badRequest("InvalidInternetGatewayID.NotFound", "The internetGateway ID \'" + id + "' does not exist"));
        xml.start("internetGatewaySet");
        for (Gateway gateway : gateways) {
            xml.start("item").element("internetGatewayId", gateway.id()).element("ownerId", gateway.vpc().ownerId())
                    .start("attachmentSet").start("item").element("vpcId", gateway.vpc().id()).element("state", "available").end().end();
            Ec2Xml.tagSetIfAny(xml, NetworkActions.tags(state, gateway.id()));
            xml.end();
        }
        xml.end();
    }

    private void describeNetworkAcls(QueryParams params, ServiceCall call, XmlWriter xml) {
        authorize(call, "DescribeNetworkAcls", "*");
        dryRun(params);
        RegionState state = backend.region(call.accountId(), call.region());
        List<Acl> acls = new ArrayList<>();
        synchronized (state) {
            for (Vpc vpc : state.vpcs.values()) {
                acls.add(new Acl(Ec2Ids.stable("acl", "acl/" + vpc.id()), vpc,
                        state.subnets.values().stream().filter(s -> s.vpcId().equals(vpc.id())).toList()));
            }
        }
        Map<String, Function<Acl, Collection<String>>> names = new HashMap<>();
        names.put("network-acl-id", one(Acl::id));
        names.put("vpc-id", a -> List.of(a.vpc().id()));
        names.put("default", a -> List.of("true"));
        names.put("owner-id", a -> List.of(a.vpc().ownerId()));
        names.put("association.subnet-id", a -> a.subnets().stream().map(Subnet::id).toList());
        names.put("association.network-acl-id", one(Acl::id));
        names.put("entry.rule-number", a -> List.of("100", "32767"));
        names.put("entry.rule-action", a -> List.of("allow", "deny"));
        new FilterMatcher<Acl>(Ec2Requests.FILTERS, names, t -> NetworkActions.tags(state, t.id())).keepNamedAndMatching(acls, Acl::id,
                params.list("NetworkAclId"), Ec2Requests.filters(params),
                id -> AwsException.badRequest("InvalidNetworkAclID.NotFound", "The networkAcl ID \'" + id + "' does not exist"));
        xml.start("networkAclSet");
        for (Acl acl : acls) {
            xml.start("item").element("networkAclId", acl.id()).element("vpcId", acl.vpc().id()).element("default", true)
                    .start("entrySet");
            for (boolean egress : new boolean[] {true, false}) {
                xml.start("item").element("ruleNumber", 100).element("protocol", "-1").element("ruleAction", "allow")
                        .element("egress", egress).element("cidrBlock", "0.0.0.0/0").end();
                xml.start("item").element("ruleNumber", 32767).element("protocol", "-1").element("ruleAction", "deny")
                        .element("egress", egress).element("cidrBlock", "0.0.0.0/0").end();
            }
            xml.end().start("associationSet");
            for (Subnet subnet : acl.subnets()) {
                xml.start("item").element("networkAclAssociationId", Ec2Ids.stable("aclassoc", "aclassoc/" + subnet.id()))
                        .element("networkAclId", acl.id()).element("subnetId", subnet.id()).end();
            }
            xml.end();
            Ec2Xml.tagSetIfAny(xml, NetworkActions.tags(state, acl.id()));
            xml.element("ownerId", acl.vpc().ownerId()).end();
        }
        xml.end();
    }

    /** The one option set every VPC of the region uses: AWS's DNS and the region's internal domain. */
    private void describeDhcpOptions(QueryParams params, ServiceCall call, XmlWriter xml) {
        authorize(call, "DescribeDhcpOptions", "*");
        dryRun(params);
        RegionState state = backend.region(call.accountId(), call.region());
        List<Options> options = new ArrayList<>();
        String domain = call.region().equals("us-east-1") ? "ec2.internal" : call.region() + ".compute.internal";
        vpcs(state).stream().map(Vpc::dhcpOptionsId).distinct()
                .forEach(id -> options.add(new Options(id, state.accountId(), domain)));
        Map<String, Function<Options, Collection<String>>> names = new HashMap<>();
        names.put("dhcp-options-id", one(Options::id));
        names.put("owner-id", one(Options::ownerId));
        names.put("key", o -> List.of("domain-name", "domain-name-servers"));
        names.put("value", o -> List.of(o.domainName(), "AmazonProvidedDNS"));
        new FilterMatcher<Options>(Ec2Requests.FILTERS, names, t -> NetworkActions.tags(state, t.id())).keepNamedAndMatching(options, Options::id,
                params.list("DhcpOptionsId"), Ec2Requests.filters(params),
                id -> AwsException.badRequest("InvalidDhcpOptionID.NotFound", "The DhcpOption ID \'" + id + "' does not exist"));
        xml.start("dhcpOptionsSet");
        for (Options o : options) {
            xml.start("item").element("dhcpOptionsId", o.id()).element("ownerId", o.ownerId()).start("dhcpConfigurationSet")
                    .start("item").element("key", "domain-name").start("valueSet").start("item").element("value", o.domainName())
                    .end().end().end()
                    .start("item").element("key", "domain-name-servers").start("valueSet").start("item")
                    .element("value", "AmazonProvidedDNS").end().end().end()
                    .end();
            Ec2Xml.tagSetIfAny(xml, NetworkActions.tags(state, o.id()));
            xml.end();
        }
        xml.end();
    }
}
