package io.awstutor.sandbox.ec2;

import io.awstutor.sandbox.protocol.KeyedPages;

import io.awstutor.sandbox.http.ServiceCall;
import io.awstutor.sandbox.protocol.QueryParams;
import io.awstutor.sandbox.protocol.QueryServiceHandler.QueryAction;
import io.awstutor.sandbox.protocol.XmlWriter;

import java.util.List;
import java.util.Map;

import static io.awstutor.sandbox.ec2.Ec2Action.authorize;
import static io.awstutor.sandbox.ec2.NetworkActions.dryRun;
import static io.awstutor.sandbox.ec2.NetworkActions.tags;

/** The security group actions: create, describe, authorize, revoke, delete, and the rules view. */
final class SecurityGroupActions {
    private final Ec2Backend backend;

    SecurityGroupActions(Ec2Backend backend) {
        this.backend = backend;
    }

    void register(Map<String, QueryAction> actions) {
        actions.put("CreateSecurityGroup", this::create);
        actions.put("DescribeSecurityGroups", this::describe);
        actions.put("DescribeSecurityGroupRules", this::describeRules);
        actions.put("DeleteSecurityGroup", this::delete);
        actions.put("AuthorizeSecurityGroupIngress", (p, c, x) -> authorizeRules(p, c, x, false));
        actions.put("AuthorizeSecurityGroupEgress", (p, c, x) -> authorizeRules(p, c, x, true));
        actions.put("RevokeSecurityGroupIngress", (p, c, x) -> revokeRules(p, c, x, false));
        actions.put("RevokeSecurityGroupEgress", (p, c, x) -> revokeRules(p, c, x, true));
        actions.put("UpdateSecurityGroupRuleDescriptionsIngress", (p, c, x) -> updateDescriptions(p, c, x, false));
        actions.put("UpdateSecurityGroupRuleDescriptionsEgress", (p, c, x) -> updateDescriptions(p, c, x, true));
    }

    private void create(QueryParams params, ServiceCall call, XmlWriter xml) {
        authorize(call, "CreateSecurityGroup", Ec2Action.arn(call, "security-group/*"));
        dryRun(params);
        RegionState state = backend.region(call.accountId(), call.region());
        SecurityGroup group = backend.securityGroups().create(state, params.get("GroupName"), params.get("GroupDescription"),
                params.get("VpcId"), Ec2Requests.tagSpecifications(params, "security-group"));
        Map<String, String> tags = tags(state, group.id());
        xml.element("return", true).element("groupId", group.id());
        if (!tags.isEmpty()) {
            Ec2Xml.tagSet(xml, tags);
        }
        xml.element("securityGroupArn", group.arn(call.region()));
    }

    private void describe(QueryParams params, ServiceCall call, XmlWriter xml) {
        authorize(call, "DescribeSecurityGroups", "*");
        dryRun(params);
        RegionState state = backend.region(call.accountId(), call.region());
        List<String> ids = params.list("GroupId");
        Integer max = Ec2Requests.maxResults(params, "MaxResults", 5, 1000);
        if (max != null && !ids.isEmpty()) {
            throw Ec2Errors.invalidParameterCombination("The parameter groupIdSet cannot be used with the parameter maxResults");
        }
        List<SecurityGroup> groups = backend.securityGroups().describe(state, ids, params.list("GroupName"), Ec2Requests.filters(params));
        KeyedPages.Page<SecurityGroup> page = Ec2Requests.page(params, groups, SecurityGroup::id, max);
        xml.start("securityGroupInfo");
        for (SecurityGroup group : page.items()) {
            Ec2Xml.securityGroup(xml, group, tags(state, group.id()), call.region());
        }
        xml.end();
        page.next().ifPresent(token -> xml.element("nextToken", token));
    }

    private void describeRules(QueryParams params, ServiceCall call, XmlWriter xml) {
        authorize(call, "DescribeSecurityGroupRules", "*");
        dryRun(params);
        RegionState state = backend.region(call.accountId(), call.region());
        Integer max = Ec2Requests.maxResults(params, "MaxResults", 5, 1000);
        List<SecurityGroupRule> rules = backend.securityGroups().describeRules(state, params.list("SecurityGroupRuleId"),
                Ec2Requests.filters(params));
        KeyedPages.Page<SecurityGroupRule> page = Ec2Requests.page(params, rules, SecurityGroupRule::id, max);
        xml.start("securityGroupRuleSet");
        for (SecurityGroupRule rule : page.items()) {
            Ec2Xml.rule(xml, rule, tags(state, rule.id()), call.region());
        }
        xml.end();
        page.next().ifPresent(token -> xml.element("nextToken", token));
    }

    private void delete(QueryParams params, ServiceCall call, XmlWriter xml) {
        RegionState state = backend.region(call.accountId(), call.region());
        SecurityGroup group = backend.securityGroups().find(state, params.get("GroupId"), params.get("GroupName"));
        authorize(call, "DeleteSecurityGroup", group.arn(call.region()));
        dryRun(params);
        backend.securityGroups().delete(state, group.id(), null);
        xml.element("return", true).element("groupId", group.id());
    }

    private void authorizeRules(QueryParams params, ServiceCall call, XmlWriter xml, boolean egress) {
        RegionState state = backend.region(call.accountId(), call.region());
        String groupId = params.get("GroupId");
        if (egress && groupId == null) {
            throw Ec2Errors.missingParameter("GroupId");
        }
        SecurityGroup group = backend.securityGroups().find(state, groupId, params.get("GroupName"));
        authorize(call, egress ? "AuthorizeSecurityGroupEgress" : "AuthorizeSecurityGroupIngress", group.arn(call.region()));
        List<IpPermission> permissions = Ec2Requests.permissions(params, backend, state, group);
        dryRun(params);
        List<SecurityGroupRule> added = backend.securityGroups().authorize(state, group, egress, permissions,
                Ec2Requests.tagSpecifications(params, "security-group-rule"));
        xml.element("return", true).start("securityGroupRuleSet");
        for (SecurityGroupRule rule : added) {
            Ec2Xml.rule(xml, rule, tags(state, rule.id()), call.region());
        }
        xml.end();
    }

    private void updateDescriptions(QueryParams params, ServiceCall call, XmlWriter xml, boolean egress) {
        RegionState state = backend.region(call.accountId(), call.region());
        SecurityGroup group = backend.securityGroups().find(state, params.get("GroupId"), params.get("GroupName"));
        authorize(call, egress ? "UpdateSecurityGroupRuleDescriptionsEgress" : "UpdateSecurityGroupRuleDescriptionsIngress",
                group.arn(call.region()));
        List<IpPermission> permissions = Ec2Requests.permissions(params, backend, state, group);
        Map<String, String> byRuleId = new java.util.LinkedHashMap<>();
        for (QueryParams entry : params.structs("SecurityGroupRuleDescription")) {
            String ruleId = entry.get("SecurityGroupRuleId");
            if (ruleId == null) {
                throw Ec2Errors.missingParameter("SecurityGroupRuleId");
            }
            byRuleId.put(ruleId, entry.get("Description"));
        }
        dryRun(params);
        backend.securityGroups().updateDescriptions(state, group, egress, permissions, byRuleId);
        xml.element("return", true);
    }

    private void revokeRules(QueryParams params, ServiceCall call, XmlWriter xml, boolean egress) {
        RegionState state = backend.region(call.accountId(), call.region());
        String groupId = params.get("GroupId");
        if (egress && groupId == null) {
            throw Ec2Errors.missingParameter("GroupId");
        }
        SecurityGroup group = backend.securityGroups().find(state, groupId, params.get("GroupName"));
        authorize(call, egress ? "RevokeSecurityGroupEgress" : "RevokeSecurityGroupIngress", group.arn(call.region()));
        List<IpPermission> permissions = Ec2Requests.permissions(params, backend, state, group);
        List<String> ruleIds = params.list("SecurityGroupRuleId");
        if (permissions.isEmpty() && ruleIds.isEmpty()) {
            throw Ec2Errors.missingParameter("IpPermissions");
        }
        dryRun(params);
        SecurityGroups.Revoked result = backend.securityGroups().revoke(state, group, egress, permissions, ruleIds);
        xml.element("return", true);
        if (!result.unknown().isEmpty()) {
            Ec2Xml.permissionList(xml, "unknownIpPermissionSet", result.unknown());
        }
        xml.start("revokedSecurityGroupRuleSet");
        for (SecurityGroupRule rule : result.revoked()) {
            Ec2Xml.revokedRule(xml, rule);
        }
        xml.end();
    }
}
