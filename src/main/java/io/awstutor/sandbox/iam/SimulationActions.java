package io.awstutor.sandbox.iam;

import io.awstutor.sandbox.protocol.ValidationErrors;
import io.awstutor.sandbox.http.ServiceCall;
import io.awstutor.sandbox.iam.policy.PolicyDocument;
import io.awstutor.sandbox.protocol.QueryParams;
import io.awstutor.sandbox.protocol.QueryServiceHandler.QueryAction;
import io.awstutor.sandbox.protocol.XmlWriter;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** SimulatePrincipalPolicy, SimulateCustomPolicy and the GetContextKeysFor… pair: the policy simulator over the query protocol. */
final class SimulationActions {
    private final PolicySimulator simulator;

    SimulationActions(IamBackend backend) {
        this.simulator = new PolicySimulator(backend);
    }

    void register(Map<String, QueryAction> actions) {
        actions.put("SimulatePrincipalPolicy", this::simulatePrincipal);
        actions.put("SimulateCustomPolicy", this::simulateCustom);
        actions.put("GetContextKeysForPrincipalPolicy", this::contextKeysForPrincipal);
        actions.put("GetContextKeysForCustomPolicy", this::contextKeysForCustom);
    }

    private void simulatePrincipal(QueryParams p, ServiceCall call, XmlWriter out) {
        String source = p.required("PolicySourceArn");
        call.authorize("iam:SimulatePrincipalPolicy", source, "AccessDenied");
        write(out, p, simulator.simulatePrincipal(call.accountId(), source, input(p)));
    }

    private void simulateCustom(QueryParams p, ServiceCall call, XmlWriter out) {
        call.authorize("iam:SimulateCustomPolicy", "*", "AccessDenied");
        write(out, p, simulator.simulateCustom(call.accountId(), input(p)));
    }

    private void contextKeysForPrincipal(QueryParams p, ServiceCall call, XmlWriter out) {
        String source = p.required("PolicySourceArn");
        call.authorize("iam:GetContextKeysForPrincipalPolicy", source, "AccessDenied");
        writeKeys(out, simulator.contextKeys(call.accountId(), java.util.Optional.of(source), p.list("PolicyInputList")));
    }

    private void contextKeysForCustom(QueryParams p, ServiceCall call, XmlWriter out) {
        List<String> inputs = p.list("PolicyInputList");
        if (inputs.isEmpty()) {
            throw io.awstutor.sandbox.protocol.AwsException.validation(
                    ValidationErrors.message(null, "policyInputList", ValidationErrors.notNull()));
        }
        call.authorize("iam:GetContextKeysForCustomPolicy", "*", "AccessDenied");
        writeKeys(out, simulator.contextKeys(call.accountId(), java.util.Optional.empty(), inputs));
    }

    private static void writeKeys(XmlWriter out, List<String> keys) {
        out.start("ContextKeyNames");
        keys.forEach(k -> out.element("member", k));
        out.end();
    }

    private static PolicySimulator.Input input(QueryParams p) {
        Map<String, List<String>> context = new LinkedHashMap<>();
        for (QueryParams entry : p.structs("ContextEntries")) {
            String key = entry.get("ContextKeyName");
            if (key != null) {
                context.put(key, entry.list("ContextKeyValues"));
            }
        }
        return new PolicySimulator.Input(p.list("ActionNames"), p.list("ResourceArns"), p.list("PolicyInputList"),
                p.list("PermissionsBoundaryPolicyInputList"), p.optional("ResourcePolicy"), p.optional("ResourceOwner"),
                p.optional("CallerArn"), context);
    }

    private static void write(XmlWriter out, QueryParams p, List<PolicySimulator.Result> results) {
        List<Indexed> indexed = new java.util.ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            indexed.add(new Indexed(String.format("%08d", i), results.get(i)));
        }
        Page<Indexed> page = Page.of(indexed, Indexed::key, p.optional("Marker"), p.integer("MaxItems"));
        out.start("EvaluationResults");
        for (Indexed item : page.items()) {
            PolicySimulator.Result r = item.result();
            out.start("member")
                    .element("EvalActionName", r.action())
                    .element("EvalResourceName", r.resource())
                    .element("EvalDecision", r.decision().simulatorName())
                    .start("MatchedStatements");
            for (PolicySimulator.Matched m : r.matched()) {
                out.start("member").element("SourcePolicyId", m.sourceId()).element("SourcePolicyType", m.sourceType());
                PolicyDocument.Position at = m.position();
                if (at != null) {
                    out.start("StartPosition").element("Line", at.startLine()).element("Column", at.startColumn()).end()
                            .start("EndPosition").element("Line", at.endLine()).element("Column", at.endColumn()).end();
                }
                out.end();
            }
            out.end().start("MissingContextValues");
            r.missingContextValues().forEach(key -> out.element("member", key));
            out.end();
            r.allowedByBoundary().ifPresent(allowed -> out.start("PermissionsBoundaryDecisionDetail")
                    .element("AllowedByPermissionsBoundary", allowed).end());
            out.end();
        }
        out.end();
        IamXml.paging(out, page);
    }

    private record Indexed(String key, PolicySimulator.Result result) {
    }
}
