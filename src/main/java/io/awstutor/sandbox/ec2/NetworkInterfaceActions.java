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
 * DescribeNetworkInterfaces: instances' and RDS's interfaces (see {@link NetworkInterface}).
 * Terraform asks it before deleting a security group, to find interfaces that still hold it.
 */
final class NetworkInterfaceActions {
    private final Ec2Backend backend;

    NetworkInterfaceActions(Ec2Backend backend) {
        this.backend = backend;
    }

    void register(Map<String, QueryAction> actions) {
        actions.put("DescribeNetworkInterfaces", this::describe);
    }

    private void describe(QueryParams params, ServiceCall call, XmlWriter xml) {
        authorize(call, "DescribeNetworkInterfaces", "*");
        dryRun(params);
        RegionState state = backend.region(call.accountId(), call.region());
        String region = call.region();
        Map<String, Function<NetworkInterface, Collection<String>>> names = new HashMap<>();
        names.put("network-interface-id", one(NetworkInterface::id));
        names.put("subnet-id", n -> List.of(n.subnet().id()));
        names.put("vpc-id", n -> List.of(n.subnet().vpcId()));
        names.put("availability-zone", n -> List.of(n.subnet().availabilityZone()));
        names.put("description", one(NetworkInterface::description));
        names.put("owner-id", one(NetworkInterface::ownerId));
        names.put("requester-id", one(NetworkInterface::requesterId));
        names.put("requester-managed", n -> List.of(String.valueOf(n.requesterManaged())));
        names.put("status", n -> List.of("in-use"));
        names.put("interface-type", n -> List.of("interface"));
        names.put("mac-address", one(NetworkInterface::macAddress));
        names.put("private-ip-address", one(NetworkInterface::privateIp));
        names.put("addresses.private-ip-address", one(NetworkInterface::privateIp));
        names.put("private-dns-name", n -> List.of(Ec2Dns.privateName(region, n.privateIp())));
        names.put("association.public-ip", one(NetworkInterface::publicIp));
        names.put("group-id", NetworkInterface::groupIds);
        names.put("group-name", n -> n.groups().stream().map(Instance.GroupRef::groupName).toList());
        names.put("attachment.instance-id", one(NetworkInterface::instanceId));
        names.put("attachment.instance-owner-id", one(NetworkInterface::instanceOwnerId));
        names.put("attachment.attachment-id", one(NetworkInterface::attachmentId));
        names.put("attachment.device-index", one(NetworkInterface::deviceIndex));
        names.put("attachment.status", n -> List.of("attached"));
        names.put("source-dest-check", n -> List.of("true"));
        List<String> ids = params.list("NetworkInterfaceId");
        List<NetworkInterface> selected;
        List<NetworkEndpoint> external = backend.externalEndpoints(state);
        synchronized (state) {
            selected = new ArrayList<>(NetworkInterface.all(state, backend.instances(), external));
            for (String id : ids) {
                if (!Ec2Ids.wellFormed(id, "eni")) {
                    throw AwsException.badRequest("InvalidNetworkInterfaceId.Malformed", "Invalid id: \"" + id + "\" (expecting \"eni-...\")");
                }
            }
            new FilterMatcher<NetworkInterface>(Ec2Requests.FILTERS, names, n -> state.tags.of(n.id())).keepNamedAndMatching(selected, NetworkInterface::id,
                    ids, Ec2Requests.filters(params),
                    id -> AwsException.badRequest("InvalidNetworkInterfaceID.NotFound", "The networkInterface ID '" + id + "' does not exist"));
        }
        xml.start("networkInterfaceSet");
        for (NetworkInterface eni : selected) {
            write(xml, eni, region, NetworkActions.tags(state, eni.id()));
        }
        xml.end();
    }

    private static void write(XmlWriter xml, NetworkInterface eni, String region, Map<String, String> tags) {
        String privateDns = Ec2Dns.privateName(region, eni.privateIp());
        xml.start("item")
                .element("networkInterfaceId", eni.id())
                .element("subnetId", eni.subnet().id())
                .element("vpcId", eni.subnet().vpcId())
                .element("availabilityZone", eni.subnet().availabilityZone())
                .element("description", eni.description())
                .element("ownerId", eni.ownerId())
                .element("requesterId", eni.requesterId())
                .element("requesterManaged", eni.requesterManaged())
                .element("status", "in-use")
                .element("macAddress", eni.macAddress())
                .element("privateIpAddress", eni.privateIp())
                .element("privateDnsName", privateDns)
                .element("sourceDestCheck", true)
                .start("groupSet");
        for (Instance.GroupRef group : eni.groups()) {
            xml.start("item").element("groupId", group.groupId()).element("groupName", group.groupName()).end();
        }
        xml.end().start("attachment")
                .element("attachmentId", eni.attachmentId())
                .element("instanceId", eni.instanceId())
                .element("instanceOwnerId", eni.instanceOwnerId())
                .element("deviceIndex", eni.deviceIndex())
                .element("status", "attached")
                .element("attachTime", eni.attachTime())
                .element("deleteOnTermination", eni.instanceId() != null)
                .element("networkCardIndex", 0)
                .end();
        if (eni.publicIp() != null) {
            xml.start("association").element("publicIp", eni.publicIp())
                    .element("publicDnsName", Ec2Dns.publicName(region, eni.publicIp())).element("ipOwnerId", "amazon").end();
        }
        Ec2Xml.tagSetIfAny(xml, tags);
        xml.start("privateIpAddressesSet").start("item")
                .element("privateIpAddress", eni.privateIp())
                .element("privateDnsName", privateDns)
                .element("primary", true);
        if (eni.publicIp() != null) {
            xml.start("association").element("publicIp", eni.publicIp())
                    .element("publicDnsName", Ec2Dns.publicName(region, eni.publicIp())).element("ipOwnerId", "amazon").end();
        }
        xml.end().end()
                .start("ipv6AddressesSet").end()
                .element("interfaceType", "interface")
                .end();
    }
}
