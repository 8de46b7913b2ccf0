package io.awstutor.sandbox.iam.policy;

import io.awstutor.sandbox.protocol.Arns;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static io.awstutor.sandbox.iam.policy.PolicyParser.malformed;

/**
 * Turns one syntactically valid statement into a compiled {@link Statement}, applying IAM's
 * rules on Effect, actions, resources, principals and conditions, and those of the policy kind.
 */
final class StatementReader {
    private StatementReader() {}

    static Statement read(JsonNode s, int index, PolicyKind kind, boolean variables) {
        String sid = s.has("Sid") ? s.get("Sid").textValue() : null;
        if (kind.isIdentity() && sid != null && !isAlphanumeric(sid)) {
            throw malformed("Statement IDs (SID) must be alpha-numeric. Check that your input satisfies the regular expression [0-9A-Za-z]*");
        }
        Effect effect = effect(s.get("Effect"), kind);

        if (kind == PolicyKind.TRUST && (s.has("Resource") || s.has("NotResource"))) {
            throw malformed("Has prohibited field Resource");
        }
        boolean hasPrincipal = s.has("Principal") || s.has("NotPrincipal");
        if (kind.isIdentity() && hasPrincipal) {
            throw malformed("Policy document should not specify a principal.");
        }
        if ((kind == PolicyKind.TRUST || kind == PolicyKind.RESOURCE) && !hasPrincipal) {
            throw malformed("Missing required field Principal");
        }

        boolean notAction = s.has("NotAction");
        List<String> actionTexts = strings(s.get(notAction ? "NotAction" : "Action"));
        if (actionTexts.isEmpty()) throw malformed("Policy statement must contain actions.");
        List<Glob> actions = new ArrayList<>();
        for (String a : actionTexts) {
            if (kind == PolicyKind.RESOURCE) {
                try {
                    checkVendor(a);
                } catch (RuntimeException e) {
                    throw malformed("Policy has invalid action");
                }
            } else {
                checkVendor(a);
            }
            if (kind == PolicyKind.TRUST && !a.equals("*") && !a.toLowerCase(Locale.ROOT).startsWith("sts:")) {
                // the double space is AWS's own text
                throw malformed("Trust Policy statement actions can only be sts:AssumeRole, sts:AssumeRoleWithSAML,  and sts:AssumeRoleWithWebIdentity");
            }
            actions.add(Glob.of(a, true));
        }

        boolean hasResource = s.has("Resource") || s.has("NotResource");
        boolean notResource = s.has("NotResource");
        List<Statement.ResourcePattern> resources = null;
        if (hasResource) {
            List<String> texts = strings(s.get(notResource ? "NotResource" : "Resource"));
            if (texts.isEmpty()) throw malformed("Policy statement must contain resources.");
            resources = new ArrayList<>();
            for (String r : texts) {
                if (!r.equals("*") && (!r.startsWith("arn:") || r.indexOf(':', 4) < 0)) {
                    throw malformed(kind == PolicyKind.RESOURCE ? "Policy has invalid resource"
                            : "Resource " + r + " must be in ARN format or \"*\".");
                }
                resources.add(Statement.ResourcePattern.of(Template.parse(r, variables)));
            }
        } else if (kind.isIdentity() || kind == PolicyKind.RESOURCE) {
            throw malformed("Policy statement must contain resources.");
        }

        boolean notPrincipal = s.has("NotPrincipal");
        PrincipalSpec principal = hasPrincipal ? principal(s.get(notPrincipal ? "NotPrincipal" : "Principal"), kind) : null;

        List<Condition> conditions = conditions(s.get("Condition"), kind, variables);
        return new Statement(index, sid, effect, actions, notAction, resources, notResource, principal, notPrincipal, conditions);
    }

    private static boolean isAlphanumeric(String sid) {
        for (int i = 0; i < sid.length(); i++) {
            char c = sid.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return false;
        }
        return true;
    }

    /**
     * IAM answers a missing or unknown Effect with its generic messages (a wrongly cased one
     * fails its "legacy parsing"); S3's bucket policy validation names the problem.
     */
    private static Effect effect(JsonNode n, PolicyKind kind) {
        boolean s3 = kind == PolicyKind.RESOURCE;
        if (n == null) throw malformed(s3 ? "Missing required field Effect" : PolicyParser.SYNTAX);
        String text = n.textValue();
        for (Effect e : Effect.values()) {
            if (e.text().equals(text)) return e;
        }
        if (s3) throw malformed("Invalid effect: " + text);
        for (Effect e : Effect.values()) {
            if (e.text().equalsIgnoreCase(text)) throw malformed("The policy failed legacy parsing");
        }
        throw malformed(PolicyParser.SYNTAX);
    }

    /** "service:Action" with a valid vendor; "Actions/Conditions" because IAM checks condition keys alike. */
    private static void checkVendor(String name) {
        if (name.equals("*")) return;
        int colon = name.indexOf(':');
        if (colon < 0) throw malformed("Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.");
        if (name.indexOf(':', colon + 1) >= 0) throw malformed("Actions/Condition can contain only one colon.");
        String vendor = name.substring(0, colon);
        if (vendor.isEmpty()) throw malformed("Vendor " + vendor + " is not valid");
        for (int i = 0; i < vendor.length(); i++) {
            char c = vendor.charAt(i);
            boolean ok = Character.isLetterOrDigit(c) || c == '-' || c == '.' || c == '*' || c == '?';
            if (!ok) throw malformed("Vendor " + vendor + " is not valid");
        }
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n == null) return out;
        if (n.isTextual()) {
            out.add(n.textValue());
        } else {
            for (JsonNode e : n) out.add(e.textValue());
        }
        return out;
    }

    private static PrincipalSpec principal(JsonNode n, PolicyKind kind) {
        if (n.isTextual()) {
            if (!n.textValue().equals("*")) throw malformed(PolicyParser.SYNTAX);
            return new PrincipalSpec(true, Set.of(), Set.of(), Set.of(), Set.of(), Set.of());
        }
        boolean everyone = false;
        Set<String> accounts = new HashSet<>();
        Set<String> arns = new HashSet<>();
        Set<String> services = new HashSet<>();
        Set<String> federated = new HashSet<>();
        Set<String> canonical = new HashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            for (String v : strings(e.getValue())) {
                switch (e.getKey()) {
                    case "AWS" -> {
                        if (v.equals("*")) {
                            everyone = true;
                        } else if (isAccountId(v)) {
                            accounts.add(v);
                        } else if (v.startsWith("arn:") && v.endsWith(":root") && isAccountId(accountOf(v))) {
                            accounts.add(accountOf(v));
                        } else if (v.startsWith("arn:") && v.split(":", 6).length == 6 && !v.contains("*")) {
                            arns.add(v);
                        } else {
                            // IAM quotes the offending principal; S3 does not
                            throw malformed(kind == PolicyKind.RESOURCE ? "Invalid principal in policy"
                                    : "Invalid principal in policy: \"AWS\":\"" + v + "\"");
                        }
                    }
                    case "Service" -> {
                        if (v.isEmpty()) throw malformed("Invalid principal in policy: \"Service\":\"\"");
                        services.add(v);
                    }
                    case "Federated" -> federated.add(v);
                    default -> canonical.add(v);
                }
            }
        }
        return new PrincipalSpec(everyone, accounts, arns, services, federated, canonical);
    }

    private static boolean isAccountId(String v) {
        if (v.length() != 12) return false;
        for (int i = 0; i < 12; i++) {
            if (v.charAt(i) < '0' || v.charAt(i) > '9') return false;
        }
        return true;
    }

    private static String accountOf(String arn) {
        return Arns.parse(arn).flatMap(a -> a.accountId()).orElse("");
    }

    private static List<Condition> conditions(JsonNode n, PolicyKind kind, boolean variables) {
        List<Condition> out = new ArrayList<>();
        if (n == null) return out;
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> block = it.next();
            String text = block.getKey();
            String rest = text;
            Condition.Qualifier qualifier = Condition.Qualifier.NONE;
            if (startsWithIgnoreCase(rest, "ForAnyValue:")) {
                qualifier = Condition.Qualifier.FOR_ANY_VALUE;
                rest = rest.substring("ForAnyValue:".length());
            } else if (startsWithIgnoreCase(rest, "ForAllValues:")) {
                qualifier = Condition.Qualifier.FOR_ALL_VALUES;
                rest = rest.substring("ForAllValues:".length());
            }
            boolean ifExists = false;
            ConditionOperator op = ConditionOperator.byName(rest);
            if (op == null && rest.length() > "IfExists".length()
                    && rest.regionMatches(true, rest.length() - "IfExists".length(), "IfExists", 0, "IfExists".length())) {
                op = ConditionOperator.byName(rest.substring(0, rest.length() - "IfExists".length()));
                ifExists = op != null && !op.isNull();
                if (op != null && op.isNull()) op = null;
            }
            if (op == null) {
                throw malformed(kind == PolicyKind.RESOURCE ? "Invalid Condition type : " + text : PolicyParser.SYNTAX);
            }
            for (Iterator<Map.Entry<String, JsonNode>> keys = block.getValue().fields(); keys.hasNext(); ) {
                Map.Entry<String, JsonNode> k = keys.next();
                checkVendor(k.getKey());
                List<Template> values = new ArrayList<>();
                if (k.getValue().isArray()) {
                    for (JsonNode v : k.getValue()) values.add(Template.parse(v.asText(), variables));
                } else {
                    values.add(Template.parse(k.getValue().asText(), variables));
                }
                if (op.isDate()) {
                    for (Template v : values) {
                        // IAM rejects a date it cannot read when the policy is stored
                        if (v.isConstant() && Values.epochMillis(v.source()) == null) {
                            throw malformed("The policy failed legacy parsing");
                        }
                    }
                }
                out.add(new Condition(text, op, qualifier, ifExists, k.getKey(), values));
            }
        }
        return out;
    }

    private static boolean startsWithIgnoreCase(String s, String prefix) {
        return s.regionMatches(true, 0, prefix, 0, prefix.length());
    }
}
