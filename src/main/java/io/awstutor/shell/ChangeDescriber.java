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
        String where = call.region() == null || isGlobal(call.service()) ? "" : " (" + call.region() + ")";
        String action = sign.equals("~") ? verb.toLowerCase(Locale.ROOT) + " " : "";
        return Optional.of(sign + " " + action + noun + (subject.isEmpty() ? "" : " " + subject) + where);
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

    /** "SecurityGroupIngress" -> "security group ingress". */
    static String humanize(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replaceAll("([A-Z]+)([A-Z][a-z])", "$1 $2").toLowerCase(Locale.ROOT);
    }

    /** The most telling name or id in the request, else in the response. */
    private static Optional<String> subject(CallRecord call) {
        for (Map<String, Object> fields : List.of(call.request(), call.response())) {
            if (fields == null) {
                continue;
            }
            for (String key : List.of("UserName", "GroupName", "RoleName", "PolicyName", "PolicyArn", "Bucket", "Key",
                    "GroupId", "InstanceIds", "DBInstanceIdentifier", "DBClusterIdentifier", "KeyName", "AccessKeyId",
                    "InstanceProfileName", "EmailAddress", "Identity", "Id", "VpcId", "SubnetId", "Resources")) {
                Object value = fields.get(key);
                if (value instanceof String s && !s.isBlank()) {
                    return Optional.of(key.equals("Key") ? "object " + s : s);
                }
                if (value instanceof List<?> list && !list.isEmpty()) {
                    return Optional.of(String.join(", ", list.stream().map(String::valueOf).toList()));
                }
            }
        }
        return Optional.empty();
    }
}
