package io.awstutor.shell;

import io.awstutor.jshell.agent.CallRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Says in one short line per call what a snippet changed in the account:
 * {@code + user alice}, {@code - bucket learn-ab12-photos}, {@code ~ sg-0a1b… ingress tcp/3306}.
 * Only successful mutating calls count; reads change nothing.
 */
public final class ChangeDescriber {
    private static final List<String> CREATE = List.of("Create", "Put", "Run", "Allocate", "Import", "Add", "Attach", "Upload", "Copy", "Tag", "Authorize", "Assume", "Register", "Verify", "Send", "Complete", "Restore");
    private static final List<String> DELETE = List.of("Delete", "Terminate", "Remove", "Detach", "Release", "Revoke", "Untag", "Deregister", "Abort");
    private static final List<String> MODIFY = List.of("Modify", "Update", "Set", "Start", "Stop", "Reboot", "Change", "Enable", "Disable", "Reset");

    private ChangeDescriber() {
    }

    public static List<String> describe(List<CallRecord> calls) {
        List<String> lines = new ArrayList<>();
        for (CallRecord call : calls) {
            if (call.ok()) {
                describe(call).ifPresent(lines::add);
            }
        }
        return lines;
    }

    static Optional<String> describe(CallRecord call) {
        String op = call.operation();
        String sign;
        String verb;
        if ((verb = prefix(op, CREATE)) != null) {
            sign = "+";
        } else if ((verb = prefix(op, DELETE)) != null) {
            sign = "-";
        } else if ((verb = prefix(op, MODIFY)) != null) {
            sign = "~";
        } else {
            return Optional.empty();
        }
        if (op.equals("AssumeRole") || op.startsWith("Send") || op.startsWith("Verify")) {
            sign = "~";
        }
        String noun = humanize(op.substring(verb.length()));
        String subject = subject(call).orElse("");
        String where = call.resourceRegion() == null || isGlobal(call.service()) ? "" : " (" + call.resourceRegion() + ")";
        if (noun.startsWith("security group ingress") || noun.startsWith("security group egress")) {
            // "+ ingress rule on sg-0a1b: tcp/3306 from sg-9f8e": the rule is what came or went
            String direction = noun.contains("ingress") ? "ingress" : "egress";
            Map<String, Object> response = call.response() == null ? Map.of() : call.response();
            if (verb.equals("Revoke") && response.get("UnknownIpPermissions") instanceof List<?> unknown && !unknown.isEmpty()) {
                // EC2 answers a revoke of rules it does not have with success and lists them as unknown
                List<String> asked = new ArrayList<>();
                unknown.stream().filter(p -> p instanceof Map<?, ?>).forEach(p -> asked.add(rule((Map<?, ?>) p)));
                List<String> removed = new ArrayList<>();
                if (response.get("RevokedSecurityGroupRules") instanceof List<?> revoked) {
                    revoked.stream().filter(r -> r instanceof Map<?, ?>).forEach(r -> removed.add(revokedRule((Map<?, ?>) r)));
                }
                String none = "= no " + direction + " rule on " + subject + " matched " + String.join("; ", asked)
                        + ": nothing removed" + where;
                return Optional.of(removed.isEmpty() ? none
                        : "- " + direction + " rule on " + subject + ": " + String.join("; ", removed) + where + "\n" + none);
            }
            String rules = detail(call).map(d -> ": " + d).orElse("");
            return Optional.of((verb.equals("Revoke") ? "-" : "+") + " " + direction + " rule on " + subject + rules + where);
        }
        if (noun.equals("instances") && !subject.isEmpty() && !subject.contains(",")) {
            noun = "instance";
        }
        // "+ user policy bob" would hide that nothing was created: relations keep their verb
        boolean relation = List.of("Attach", "Detach", "Add", "Remove", "Authorize", "Revoke", "Tag", "Untag").contains(verb);
        String action = sign.equals("~") || relation ? verb.toLowerCase(Locale.ROOT) + " " : "";
        String detail = detail(call).map(d -> " (" + d + ")").orElse("");
        return Optional.of(sign + " " + action + noun + (subject.isEmpty() ? "" : " " + subject) + detail + where);
    }

    private static boolean isGlobal(String service) {
        String s = service.toLowerCase(Locale.ROOT);
        return s.equals("iam") || s.equals("cloudfront") || s.equals("sts");
    }

    private static String prefix(String op, List<String> verbs) {
        for (String verb : verbs) {
            if (op.startsWith(verb) && op.length() > verb.length() && Character.isUpperCase(op.charAt(verb.length()))) {
                return verb;
            }
        }
        return null;
    }

    /** "SecurityGroupIngress" -> "security group ingress", "DBInstance" -> "DB instance" (AWS writes DB so). */
    static String humanize(String camel) {
        String words = camel.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replaceAll("([A-Z]+)([A-Z][a-z])", "$1 $2").toLowerCase(Locale.ROOT);
        return words.replaceAll("\\bdb\\b", "DB");
    }

    /** What a relation connects the subject to: the policy attached, the rule's port and source. */
    private static Optional<String> detail(CallRecord call) {
        Map<String, Object> request = call.request() == null ? Map.of() : call.request();
        if (request.get("PolicyArn") instanceof String arn && !call.operation().startsWith("CreatePolicy")
                && !call.operation().equals("DeletePolicy")) {
            return Optional.of(arn.substring(arn.lastIndexOf('/') + 1));
        }
        if (request.get("IpPermissions") instanceof List<?> permissions && !permissions.isEmpty()) {
            List<String> rules = new ArrayList<>();
            for (Object permission : permissions) {
                if (permission instanceof Map<?, ?> p) {
                    rules.add(rule(p));
                }
            }
            return Optional.of(String.join("; ", rules));
        }
        if (request.get("FromPort") != null) {
            return Optional.of(request.getOrDefault("IpProtocol", "tcp") + "/" + request.get("FromPort")
                    + (request.get("CidrIp") != null ? " from " + request.get("CidrIp") : "")
                    + (request.get("SourceSecurityGroupName") != null ? " from " + request.get("SourceSecurityGroupName") : ""));
        }
        return Optional.empty();
    }

    private static String rule(Map<?, ?> permission) {
        Object protocol = permission.get("IpProtocol");
        Object from = permission.get("FromPort");
        Object to = permission.get("ToPort");
        String ports = from == null ? "all" : from.equals(to) || to == null ? String.valueOf(from) : from + "-" + to;
        List<String> sources = new ArrayList<>();
        for (String key : List.of("IpRanges", "Ipv6Ranges", "UserIdGroupPairs", "PrefixListIds")) {
            if (permission.get(key) instanceof List<?> items) {
                for (Object item : items) {
                    if (item instanceof Map<?, ?> m) {
                        Object source = m.get("CidrIp") != null ? m.get("CidrIp") : m.get("CidrIpv6") != null ? m.get("CidrIpv6")
                                : m.get("GroupId") != null ? m.get("GroupId") : m.get("PrefixListId");
                        if (source != null) {
                            sources.add(String.valueOf(source));
                        }
                    }
                }
            }
        }
        String proto = "-1".equals(String.valueOf(protocol)) ? "all traffic" : protocol + "/" + ports;
        return proto + (sources.isEmpty() ? "" : " from " + String.join(", ", sources));
    }

    /** A rule as RevokeSecurityGroup* reports it removed: {IpProtocol, FromPort, ToPort, CidrIpv4 | ReferencedGroupInfo}. */
    private static String revokedRule(Map<?, ?> r) {
        Object from = r.get("FromPort");
        Object to = r.get("ToPort");
        String ports = from == null || "-1".equals(String.valueOf(from)) ? "all"
                : from.equals(to) || to == null ? String.valueOf(from) : from + "-" + to;
        Object source = r.get("CidrIpv4") != null ? r.get("CidrIpv4") : r.get("CidrIpv6") != null ? r.get("CidrIpv6")
                : r.get("ReferencedGroupInfo") instanceof Map<?, ?> g ? g.get("GroupId") : r.get("PrefixListId");
        String proto = "-1".equals(String.valueOf(r.get("IpProtocol"))) ? "all traffic" : r.get("IpProtocol") + "/" + ports;
        return proto + (source == null ? "" : " from " + source);
    }

    /** The most telling name or id in the request, else in the response. */
    private static Optional<String> subject(CallRecord call) {
        // an object is named by its key; the bucket alone would repeat one line per upload
        if (call.request() != null && call.request().get("Bucket") instanceof String bucket
                && call.request().get("Key") instanceof String key && !key.isBlank()) {
            return Optional.of(bucket + "/" + key);
        }
        if (call.response() != null && call.response().get("Instances") instanceof List<?> instances && !instances.isEmpty()) {
            List<String> ids = instances.stream().filter(i -> i instanceof Map<?, ?> m && m.get("InstanceId") != null)
                    .map(i -> String.valueOf(((Map<?, ?>) i).get("InstanceId"))).toList();
            if (!ids.isEmpty()) {
                return Optional.of(String.join(", ", ids));
            }
        }
        for (Map<String, Object> fields : List.of(call.request(), call.response())) {
            if (fields == null) {
                continue;
            }
            for (String key : List.of("UserName", "GroupName", "RoleName", "PolicyName", "PolicyArn", "Bucket", "Key",
                    "GroupId", "InstanceIds", "DBInstanceIdentifier", "DBClusterIdentifier", "KeyName", "AccessKeyId",
                    "InstanceProfileName", "EmailAddress", "Identity", "Domain", "DistributionId", "Id", "VpcId", "SubnetId",
                    "Resources")) {
                Object value = fields.get(key);
                if (value instanceof String s && !s.isBlank()) {
                    return Optional.of(key.equals("Key") ? "object " + s : s);
                }
                if (value instanceof List<?> list && !list.isEmpty()) {
                    return Optional.of(String.join(", ", list.stream().map(String::valueOf).toList()));
                }
            }
            // CloudFront answers with the new resource nested: {Distribution: {Id, DomainName, ...}}
            for (String nested : List.of("Distribution", "Invalidation")) {
                if (fields.get(nested) instanceof Map<?, ?> inner && inner.get("Id") instanceof String id) {
                    return Optional.of(id + (inner.get("DomainName") instanceof String domain ? " " + domain : ""));
                }
            }
        }
        return Optional.empty();
    }
}
