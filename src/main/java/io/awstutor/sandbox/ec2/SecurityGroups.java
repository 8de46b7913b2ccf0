package io.awstutor.sandbox.ec2;

import io.awstutor.sandbox.protocol.Filter;
import io.awstutor.sandbox.protocol.AwsException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Security groups and AWS's rules about them: names unique per VPC, the default group that
 * cannot be deleted, a group still referenced (by another group's rule, an instance, a DB
 * instance) that cannot be deleted, rules that must not repeat.
 */
public final class SecurityGroups {
    static final int MAX_RULES_PER_DIRECTION = 60;

    private final Ec2Backend backend;

    SecurityGroups(Ec2Backend backend) {
        this.backend = backend;
    }

    public SecurityGroup create(RegionState state, String name, String description, String vpcId, Map<String, String> tags) {
        if (name == null || name.isEmpty()) {
            throw Ec2Errors.missingParameter("GroupName");
        }
        if (description == null) {
            throw Ec2Errors.missingParameter("GroupDescription");
        }
        if (name.startsWith("sg-")) {
            throw Ec2Errors.invalidParameterValue("Group names may not be in the format sg-*.");
        }
        if (name.length() > 255) {
            throw Ec2Errors.invalidParameterValue("Invalid value '" + name + "' for groupName. Length exceeds maximum of 255 characters.");
        }
        if (description.length() > 255) {
            throw Ec2Errors.invalidParameterValue("Invalid value for parameter GroupDescription. Length exceeds maximum of 255 characters.");
        }
        synchronized (state) {
            String vpc = vpcId;
            if (vpc == null) {
                if (state.defaultVpcId == null || !state.vpcs.containsKey(state.defaultVpcId)) {
                    throw AwsException.badRequest("VPCIdNotSpecified", "No default VPC for this user");
                }
                vpc = state.defaultVpcId;
            } else if (!state.vpcs.containsKey(vpc)) {
                throw Ec2Errors.vpcNotFound(vpc);
            }
            for (SecurityGroup existing : state.groups.values()) {
                if (existing.vpcId().equals(vpc) && existing.name().equals(name)) {
                    throw AwsException.badRequest("InvalidGroup.Duplicate",
                            "The security group '" + name + "' already exists for VPC '" + vpc + "'");
                }
            }
            SecurityGroup group = new SecurityGroup(Ec2Ids.next("sg"), name, description, vpc, state.accountId);
            state.groups.put(group.id(), group);
            state.addRule(group, state.allowAllEgress(group));
            state.tags.put(group.id(), tags);
            return group;
        }
    }

    /** The group named by id, or by name in the default VPC, as the API's GroupId/GroupName pair does. */
    public SecurityGroup find(RegionState state, String groupId, String groupName) {
        synchronized (state) {
            if (groupId != null) {
                return byId(state, groupId);
            }
            if (groupName != null) {
                return byName(state, state.defaultVpcId, groupName);
            }
            throw Ec2Errors.missingParameter("GroupId");
        }
    }

    SecurityGroup byId(RegionState state, String groupId) {
        if (!Ec2Ids.wellFormed(groupId, "sg")) {
            throw Ec2Errors.malformed("InvalidGroupId.Malformed", groupId, "sg");
        }
        SecurityGroup group = state.groups.get(groupId);
        if (group == null) {
            throw Ec2Errors.groupNotFound(groupId);
        }
        return group;
    }

    public SecurityGroup byName(RegionState state, String vpcId, String name) {
        synchronized (state) {
            for (SecurityGroup group : state.groups.values()) {
                if (group.name().equals(name) && group.vpcId().equals(vpcId)) {
                    return group;
                }
            }
            throw Ec2Errors.groupNameNotFound(name, vpcId, vpcId.equals(state.defaultVpcId));
        }
    }

    public SecurityGroup delete(RegionState state, String groupId, String groupName) {
        List<NetworkEndpoint> external = backend.externalEndpoints(state);
        synchronized (state) {
            SecurityGroup group = find(state, groupId, groupName);
            if (group.isDefault()) {
                throw AwsException.badRequest("CannotDelete",
                        "the specified group: \"" + group.id() + "\" name: \"default\" cannot be deleted by a user");
            }
            if (inUse(state, group, external)) {
                throw AwsException.badRequest("DependencyViolation", "resource " + group.id() + " has a dependent object");
            }
            state.removeGroup(group);
            return group;
        }
    }

    private boolean inUse(RegionState state, SecurityGroup group, List<NetworkEndpoint> external) {
        for (String ruleId : state.referencingRules.getOrDefault(group.id(), Set.of())) {
            SecurityGroupRule rule = state.rules.get(ruleId);
            if (rule != null && !rule.groupId().equals(group.id())) {
                return true;
            }
        }
        java.time.Instant now = backend.now();
        for (Instance instance : state.instances.values()) {
            if (instance.groupIds().contains(group.id()) && instance.state(now, backend.timings()).holdsNetwork()) {
                return true;
            }
        }
        for (NetworkEndpoint endpoint : external) {
            if (endpoint.securityGroupIds().contains(group.id())) {
                return true;
            }
        }
        return false;
    }

    public List<SecurityGroupRule> authorize(RegionState state, SecurityGroup group, boolean egress,
                                             List<IpPermission> permissions, Map<String, String> tags) {
        if (permissions.isEmpty()) {
            throw Ec2Errors.missingParameter("IpPermissions");
        }
        synchronized (state) {
            List<SecurityGroupRule> added = new ArrayList<>();
            for (IpPermission permission : permissions) {
                RuleValidation.checkPorts(permission);
                for (IpPermission.Peer peer : permission.peers()) {
                    if (peer.peer() instanceof RulePeer.Group ref && ref.userId().equals(state.accountId)) {
                        SecurityGroup referenced = byId(state, ref.groupId());
                        if (!referenced.vpcId().equals(group.vpcId())) {
                            throw AwsException.badRequest("InvalidGroup.NotFound",
                                    "You have specified two resources that belong to different networks.");
                        }
                    }
                    SecurityGroupRule rule = new SecurityGroupRule(Ec2Ids.next("sgr"), group.id(), state.accountId, egress,
                            permission.protocol(), permission.fromPort(), permission.toPort(), peer.peer(), peer.description());
                    for (SecurityGroupRule existing : group.rules(egress)) {
                        if (existing.sameAs(rule)) {
                            throw duplicate(rule);
                        }
                    }
                    for (SecurityGroupRule earlier : added) {
                        if (earlier.sameAs(rule)) {
                            throw duplicate(rule);
                        }
                    }
                    added.add(rule);
                }
            }
            if (group.rules(egress).size() + added.size() > MAX_RULES_PER_DIRECTION) {
                throw AwsException.badRequest("RulesPerSecurityGroupLimitExceeded",
                        "The maximum number of rules per security group has been reached.");
            }
            state.addRules(group, egress, added);
            for (SecurityGroupRule rule : added) {
                state.tags.put(rule.id(), tags);
            }
            return added;
        }
    }

    private static AwsException duplicate(SecurityGroupRule rule) {
        return AwsException.badRequest("InvalidPermission.Duplicate", "the specified rule \"" + rule.text() + "\" already exists");
    }

    /**
     * UpdateSecurityGroupRuleDescriptions: new descriptions for existing rules, named by id
     * or by value. A rule that does not exist is InvalidPermission.NotFound.
     */
    public void updateDescriptions(RegionState state, SecurityGroup group, boolean egress, List<IpPermission> permissions,
                              Map<String, String> byRuleId) {
        synchronized (state) {
            List<SecurityGroupRule> updates = new ArrayList<>();
            for (IpPermission permission : permissions) {
                for (IpPermission.Peer peer : permission.peers()) {
                    SecurityGroupRule probe = new SecurityGroupRule("", group.id(), state.accountId, egress,
                            permission.protocol(), permission.fromPort(), permission.toPort(), peer.peer(), null);
                    SecurityGroupRule match = group.rules(egress).stream().filter(probe::sameAs).findFirst()
                            .orElseThrow(() -> AwsException.badRequest("InvalidPermission.NotFound",
                                    "The specified rule does not exist in this security group."));
                    updates.add(match.withDescription(peer.description()));
                }
            }
            byRuleId.forEach((ruleId, description) -> {
                SecurityGroupRule match = group.rules(egress).stream().filter(r -> r.id().equals(ruleId)).findFirst()
                        .orElseThrow(() -> AwsException.badRequest("InvalidSecurityGroupRuleId.NotFound",
                                "The security group rule ID '" + ruleId + "' does not exist"));
                updates.add(match.withDescription(description));
            });
            if (updates.isEmpty()) {
                throw Ec2Errors.missingParameter("IpPermissions");
            }
            updates.forEach(rule -> state.replaceRule(group, rule));
        }
    }

    public record Revoked(List<SecurityGroupRule> revoked, List<IpPermission> unknown) {
    }

    /**
     * Removes rules given by id or by value. In the default VPC a rule that does not exist is
     * reported back as unknown; elsewhere AWS refuses the whole request.
     */
    public Revoked revoke(RegionState state, SecurityGroup group, boolean egress, List<IpPermission> permissions, List<String> ruleIds) {
        synchronized (state) {
            Map<String, SecurityGroupRule> current = new LinkedHashMap<>();
            group.rules(egress).forEach(r -> current.put(r.id(), r));
            Set<String> removed = new HashSet<>();
            List<SecurityGroupRule> revoked = new ArrayList<>();
            for (String ruleId : ruleIds) {
                SecurityGroupRule rule = current.get(ruleId);
                if (rule == null) {
                    throw AwsException.badRequest("InvalidSecurityGroupRuleId.NotFound",
                            "The security group rule ID '" + ruleId + "' does not exist");
                }
                if (removed.add(ruleId)) {
                    revoked.add(rule);
                }
            }
            List<IpPermission> unknown = new ArrayList<>();
            for (IpPermission permission : permissions) {
                RuleValidation.checkPorts(permission);
                List<IpPermission.Peer> missing = new ArrayList<>();
                for (IpPermission.Peer peer : permission.peers()) {
                    SecurityGroupRule probe = new SecurityGroupRule("", group.id(), state.accountId, egress,
                            permission.protocol(), permission.fromPort(), permission.toPort(), peer.peer(), null);
                    SecurityGroupRule match = current.values().stream().filter(probe::sameAs).findFirst().orElse(null);
                    if (match == null) {
                        missing.add(peer);
                    } else if (removed.add(match.id())) {
                        revoked.add(match);
                    }
                }
                if (!missing.isEmpty()) {
                    unknown.add(new IpPermission(permission.protocol(), permission.fromPort(), permission.toPort(), missing));
                }
            }
            boolean defaultVpc = group.vpcId().equals(state.defaultVpcId);
            if (!unknown.isEmpty() && !defaultVpc) {
                throw AwsException.badRequest("InvalidPermission.NotFound", "The specified rule does not exist in this security group.");
            }
            state.removeRules(group, egress, removed);
            return new Revoked(revoked, unknown);
        }
    }

    public List<SecurityGroup> describe(RegionState state, List<String> groupIds, List<String> groupNames, List<Filter> filters) {
        Predicate<SecurityGroup> predicate = SecurityGroupFilters.groups(state).predicate(filters);
        synchronized (state) {
            List<SecurityGroup> selected = new ArrayList<>();
            if (!groupIds.isEmpty() || !groupNames.isEmpty()) {
                Set<String> seen = new HashSet<>();
                for (String id : groupIds) {
                    SecurityGroup group = byId(state, id);
                    if (seen.add(group.id())) {
                        selected.add(group);
                    }
                }
                for (String name : groupNames) {
                    SecurityGroup group = byName(state, state.defaultVpcId, name);
                    if (seen.add(group.id())) {
                        selected.add(group);
                    }
                }
            } else {
                selected.addAll(state.groups.values());
            }
            selected.removeIf(predicate.negate());
            return selected;
        }
    }

    public List<SecurityGroupRule> describeRules(RegionState state, List<String> ruleIds, List<Filter> filters) {
        Predicate<SecurityGroupRule> predicate = SecurityGroupFilters.rules(state).predicate(filters);
        synchronized (state) {
            List<SecurityGroupRule> selected = new ArrayList<>();
            if (!ruleIds.isEmpty()) {
                for (String id : ruleIds) {
                    SecurityGroupRule rule = state.rules.get(id);
                    if (rule == null) {
                        throw AwsException.badRequest("InvalidSecurityGroupRuleId.NotFound",
                                "The security group rule ID '" + id + "' does not exist");
                    }
                    selected.add(rule);
                }
            } else {
                for (SecurityGroup group : state.groups.values()) {
                    selected.addAll(group.allRules());
                }
            }
            selected.removeIf(predicate.negate());
            return selected;
        }
    }

    /** Group names for the instance shape: each instance lists its groups' ids and names. */
    public String nameOf(RegionState state, String groupId) {
        synchronized (state) {
            SecurityGroup group = state.groups.get(groupId);
            return group == null ? null : group.name();
        }
    }
}
