package io.awstutor.sandbox.ec2;

import io.awstutor.sandbox.protocol.Arns;
import io.awstutor.sandbox.protocol.XmlWriter;

import java.util.List;
import java.util.Map;

/**
 * EC2's response shapes for groups, rules, tags, VPCs and subnets: lower-camel element
 * names from the service model's locationName, lists as a wrapper of {@code <item>}s.
 */
final class Ec2Xml {
    private Ec2Xml() {
    }

    static void tagSet(XmlWriter xml, Map<String, String> tags) {
        xml.start("tagSet");
        tags.forEach((k, v) -> xml.start("item").element("key", k).element("value", v).end());
        xml.end();
    }

    /**
     * The tagSet of instances, groups, VPCs, subnets and images, which AWS leaves out when there
     * are none: boto3 then gives {@code 'Tags'} no key and {@code instance.tags} None, and a
     * script must not pass here only to fail on AWS. (Rules and key pairs keep an empty set.)
     */
    static void tagSetIfAny(XmlWriter xml, Map<String, String> tags) {
        if (!tags.isEmpty()) {
            tagSet(xml, tags);
        }
    }

    static void securityGroup(XmlWriter xml, SecurityGroup group, Map<String, String> tags, String region) {
        xml.start("item")
                .element("ownerId", group.ownerId())
                .element("groupId", group.id())
                .element("groupName", group.name())
                .element("groupDescription", group.description())
                .element("vpcId", group.vpcId())
                .element("securityGroupArn", group.arn(region));
        permissions(xml, "ipPermissions", group.ingress());
        permissions(xml, "ipPermissionsEgress", group.egress());
        tagSetIfAny(xml, tags);
        xml.end();
    }

    static void permissions(XmlWriter xml, String element, List<SecurityGroupRule> rules) {
        xml.start(element);
        for (IpPermission permission : IpPermission.group(rules)) {
            permission(xml, permission);
        }
        xml.end();
    }

    static void permissionList(XmlWriter xml, String element, List<IpPermission> permissions) {
        xml.start(element);
        permissions.forEach(p -> permission(xml, p));
        xml.end();
    }

    private static void permission(XmlWriter xml, IpPermission permission) {
        xml.start("item").element("ipProtocol", permission.protocol())
                .element("fromPort", permission.fromPort())
                .element("toPort", permission.toPort());
        xml.start("groups");
        for (IpPermission.Peer peer : permission.peers()) {
            if (peer.peer() instanceof RulePeer.Group g) {
                xml.start("item").element("userId", g.userId()).element("groupId", g.groupId())
                        .element("description", peer.description()).end();
            }
        }
        xml.end().start("ipRanges");
        for (IpPermission.Peer peer : permission.peers()) {
            if (peer.peer() instanceof RulePeer.Ipv4 r) {
                xml.start("item").element("cidrIp", r.cidr()).element("description", peer.description()).end();
            }
        }
        xml.end().start("ipv6Ranges");
        for (IpPermission.Peer peer : permission.peers()) {
            if (peer.peer() instanceof RulePeer.Ipv6 r) {
                xml.start("item").element("cidrIpv6", r.cidr()).element("description", peer.description()).end();
            }
        }
        xml.end().start("prefixListIds");
        for (IpPermission.Peer peer : permission.peers()) {
            if (peer.peer() instanceof RulePeer.PrefixList r) {
                xml.start("item").element("prefixListId", r.prefixListId()).element("description", peer.description()).end();
            }
        }
        xml.end().end();
    }

    static void rule(XmlWriter xml, SecurityGroupRule rule, Map<String, String> tags, String region) {
        xml.start("item")
                .element("securityGroupRuleId", rule.id())
                .element("groupId", rule.groupId())
                .element("groupOwnerId", rule.ownerId())
                .element("isEgress", rule.egress())
                .element("ipProtocol", rule.protocol())
                .element("fromPort", rule.fromPort() == null ? -1 : rule.fromPort())
                .element("toPort", rule.toPort() == null ? -1 : rule.toPort());
        peerElements(xml, rule.peer());
        xml.element("description", rule.description());
        tagSet(xml, tags);
        xml.element("securityGroupRuleArn", Arns.regional("ec2", region, rule.ownerId(), "security-group-rule/" + rule.id()));
        xml.end();
    }

    static void revokedRule(XmlWriter xml, SecurityGroupRule rule) {
        xml.start("item")
                .element("securityGroupRuleId", rule.id())
                .element("groupId", rule.groupId())
                .element("isEgress", rule.egress())
                .element("ipProtocol", rule.protocol())
                .element("fromPort", rule.fromPort() == null ? -1 : rule.fromPort())
                .element("toPort", rule.toPort() == null ? -1 : rule.toPort());
        RulePeer peer = rule.peer();
        if (peer instanceof RulePeer.Ipv4 r) {
            xml.element("cidrIpv4", r.cidr());
        } else if (peer instanceof RulePeer.Ipv6 r) {
            xml.element("cidrIpv6", r.cidr());
        } else if (peer instanceof RulePeer.PrefixList r) {
            xml.element("prefixListId", r.prefixListId());
        } else if (peer instanceof RulePeer.Group g) {
            xml.element("referencedGroupId", g.groupId());
        }
        xml.element("description", rule.description()).end();
    }

    private static void peerElements(XmlWriter xml, RulePeer peer) {
        if (peer instanceof RulePeer.Ipv4 r) {
            xml.element("cidrIpv4", r.cidr());
        } else if (peer instanceof RulePeer.Ipv6 r) {
            xml.element("cidrIpv6", r.cidr());
        } else if (peer instanceof RulePeer.PrefixList r) {
            xml.element("prefixListId", r.prefixListId());
        } else if (peer instanceof RulePeer.Group g) {
            xml.start("referencedGroupInfo").element("groupId", g.groupId()).element("userId", g.userId()).end();
        }
    }

    static void vpc(XmlWriter xml, String element, Vpc vpc, Map<String, String> tags) {
        xml.start(element)
                .element("vpcId", vpc.id())
                .element("ownerId", vpc.ownerId())
                .element("state", "available")
                .element("cidrBlock", vpc.cidrBlock())
                .start("cidrBlockAssociationSet").start("item")
                .element("cidrBlock", vpc.cidrBlock())
                .element("associationId", vpc.cidrAssociationId())
                .start("cidrBlockState").element("state", "associated").end()
                .end().end()
                .element("dhcpOptionsId", vpc.dhcpOptionsId())
                .element("instanceTenancy", "default")
                .element("isDefault", vpc.isDefault());
        tagSetIfAny(xml, tags);
        xml.end();
    }

    static void subnet(XmlWriter xml, String element, Subnet subnet, long available, Map<String, String> tags, String region) {
        xml.start(element)
                .element("subnetId", subnet.id())
                .element("subnetArn", subnet.arn(region))
                .element("state", "available")
                .element("ownerId", subnet.ownerId())
                .element("vpcId", subnet.vpcId())
                .element("cidrBlock", subnet.cidrBlock())
                .element("availableIpAddressCount", available)
                .element("availabilityZone", subnet.availabilityZone())
                .element("availabilityZoneId", subnet.availabilityZoneId())
                .element("defaultForAz", subnet.defaultForAz())
                .element("mapPublicIpOnLaunch", subnet.mapPublicIpOnLaunch())
                .element("assignIpv6AddressOnCreation", false)
                .element("ipv6Native", false)
                .start("ipv6CidrBlockAssociationSet").end();
        tagSetIfAny(xml, tags);
        xml.end();
    }
}
