package io.awstutor.check;

import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.DbInstanceNotFoundException;
import software.amazon.awssdk.services.rds.model.VpcSecurityGroupMembership;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Traffic on a TCP port can (or, for {@code not-reachable}, cannot) get from an address
 * outside AWS or an instance to an instance or DB instance, as the security groups decide:
 * <pre>
 * - reachable: {from: {address: 203.0.113.7}, to: {instance: ${prefix}-web1}, port: 80}
 * - not-reachable: {from: {instance: ${prefix}-web2}, to: {db: ${prefix}-db}, port: 3306}
 * - reachable: {from: {my-machine: true}, to: {db: ${prefix}-db}, port: 3306}
 * </pre>
 * {@code my-machine} is the learner's own computer, by the public address the target sees it
 * come from ({@code clients.myPublicIp()}).
 * Both ends must exist (and an instance must be running), so the check cannot pass on an
 * empty account. Instances are named by their Name tag, DB instances by identifier.
 */
public record ReachabilityCheck(boolean expected, Map<String, String> from, Map<String, String> to, int port,
                                Optional<String> region) implements Check {

    static ReachabilityCheck parse(String kind, Object value) {
        Spec spec = Spec.of(kind, value, "port", "from", "to", "region");
        return new ReachabilityCheck(kind.equals("reachable"), end(spec.map("from"), kind, "from", "address", "instance", "my-machine"),
                end(spec.map("to"), kind, "to", "instance", "db"),
                spec.integer("port").orElseThrow(() -> new IllegalArgumentException("check '" + kind + "' needs 'port'")),
                spec.optional("region"));
    }

    private static Map<String, String> end(Map<?, ?> map, String kind, String side, String... allowed) {
        if (map.size() != 1 || !List.of(allowed).contains(String.valueOf(map.keySet().iterator().next()))) {
            throw new IllegalArgumentException("check '" + kind + "': '" + side + "' is one of " + String.join(", ", allowed)
                    + ", e.g. {" + allowed[0] + ": ...}");
        }
        Map.Entry<?, ?> entry = map.entrySet().iterator().next();
        return Map.of(String.valueOf(entry.getKey()), String.valueOf(entry.getValue()));
    }

    /** An end that could not be resolved, with the reason the learner sees. */
    private record Resolved(NetworkPaths.Endpoint endpoint, String problem) {
    }

    @Override
    public Verdict run(CheckContext context) {
        String regionName = Ec2Lookup.region(context, region);
        try (Ec2Client ec2 = context.clients().ec2(regionName); RdsClient rds = context.clients().rds(regionName)) {
            Resolved target = resolve(context, ec2, rds, to);
            if (target.problem() != null) {
                return Verdict.fail(target.problem());
            }
            String address = from.containsKey("my-machine") ? context.clients().myPublicIp() : from.get("address");
            Resolved source = address == null ? resolve(context, ec2, rds, from) : null;
            if (source != null && source.problem() != null) {
                return Verdict.fail(source.problem());
            }
            List<String> groupIds = new ArrayList<>(target.endpoint().groupIds());
            if (source != null) {
                groupIds.addAll(source.endpoint().groupIds());
            }
            Map<String, SecurityGroup> groups = new HashMap<>();
            if (!groupIds.isEmpty()) {
                for (SecurityGroup group : ec2.describeSecurityGroups(b -> b.groupIds(groupIds.stream().distinct().toList()))
                        .securityGroups()) {
                    groups.put(group.groupId(), group);
                }
            }
            NetworkPaths paths = new NetworkPaths(groups);
            String sourceName = from.containsKey("my-machine") ? "your machine (" + address + ")"
                    : address != null ? context.substitute(address) : source.endpoint().label();
            NetworkPaths.Path path = address != null
                    ? paths.fromAddress(context.substitute(address), target.endpoint(), port)
                    : paths.between(source.endpoint(), target.endpoint(), port);
            String question = sourceName + " → " + target.endpoint().label() + " on port " + port;
            if (path.open() == expected) {
                return Verdict.pass(question + (expected ? " is open: " : " is closed: ") + path.explanation());
            }
            return Verdict.fail(expected
                    ? "Traffic from " + sourceName + " cannot reach " + target.endpoint().label() + " on port " + port + ": "
                            + path.explanation() + "."
                    : "Traffic from " + sourceName + " still reaches " + target.endpoint().label() + " on port " + port + ": "
                            + path.explanation() + ".");
        }
    }

    private Resolved resolve(CheckContext context, Ec2Client ec2, RdsClient rds, Map<String, String> end) {
        if (end.containsKey("instance")) {
            String name = context.substitute(end.get("instance"));
            Optional<Instance> instance = Ec2Lookup.liveInstanceNamed(ec2, name);
            if (instance.isEmpty()) {
                return new Resolved(null, "No instance tagged Name=" + name + " is there yet.");
            }
            Instance i = instance.get();
            if (!"running".equals(i.state().nameAsString())) {
                return new Resolved(null, "The instance " + name + " (" + i.instanceId() + ") is " + i.state().nameAsString()
                        + ", not running; wait with ec2.waiter().waitUntilInstanceRunning(...).");
            }
            return new Resolved(new NetworkPaths.Endpoint(name + " (" + i.instanceId() + ")", i.vpcId(), i.privateIpAddress(),
                    i.publicIpAddress() != null, i.securityGroups().stream().map(g -> g.groupId()).toList()), null);
        }
        String id = context.substitute(end.get("db"));
        DBInstance db;
        try {
            db = rds.describeDBInstances(b -> b.dbInstanceIdentifier(id)).dbInstances().stream().findFirst().orElse(null);
        } catch (DbInstanceNotFoundException e) {
            db = null;
        }
        if (db == null || "deleting".equals(db.dbInstanceStatus())) {
            return new Resolved(null, "There is no DB instance named " + id + " yet.");
        }
        String vpc = db.dbSubnetGroup() == null ? null : db.dbSubnetGroup().vpcId();
        return new Resolved(new NetworkPaths.Endpoint("DB " + id, vpc, null, Boolean.TRUE.equals(db.publiclyAccessible()),
                db.vpcSecurityGroups().stream().map(VpcSecurityGroupMembership::vpcSecurityGroupId).toList()), null);
    }

    @Override
    public String describe() {
        return (expected ? "reachable " : "not reachable ") + from + " → " + to + " port " + port;
    }
}
