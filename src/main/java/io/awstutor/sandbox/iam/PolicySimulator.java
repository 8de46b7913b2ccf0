package io.awstutor.sandbox.iam;

import io.awstutor.sandbox.protocol.Arns;
import io.awstutor.sandbox.protocol.ValidationErrors;
import io.awstutor.sandbox.auth.Caller;
import io.awstutor.sandbox.iam.policy.Decision;
import io.awstutor.sandbox.iam.policy.EvaluationRequest;
import io.awstutor.sandbox.iam.policy.MatchedStatement;
import io.awstutor.sandbox.iam.policy.NamedPolicy;
import io.awstutor.sandbox.iam.policy.PermissionsBoundary;
import io.awstutor.sandbox.iam.policy.PolicyDocument;
import io.awstutor.sandbox.iam.policy.PolicyEvaluator;
import io.awstutor.sandbox.iam.policy.PolicyKind;
import io.awstutor.sandbox.protocol.AwsException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * IAM's policy simulator (SimulatePrincipalPolicy, SimulateCustomPolicy), answered by the same
 * evaluator that enforces requests, so what it says is what the sandbox does. A permissions
 * boundary limits what identity policies allow: both must allow, a deny in either wins.
 */
final class PolicySimulator {
    private final IamBackend backend;
    private final PolicyEvaluator evaluator;

    PolicySimulator(IamBackend backend) {
        this.backend = backend;
        this.evaluator = new PolicyEvaluator(backend.clock());
    }

    /** What to simulate: the documents are JSON as the request gave them. */
    record Input(List<String> actions, List<String> resources, List<String> policyInputs,
                 List<String> boundaryInputs, Optional<String> resourcePolicy, Optional<String> resourceOwner,
                 Optional<String> callerArn, Map<String, List<String>> context) {
    }

    /** One statement that decided a result, with where it sits in its document. */
    record Matched(String sourceId, String sourceType, PolicyDocument.Position position) {
    }

    record Result(String action, String resource, Decision decision, List<Matched> matched,
                  Optional<Boolean> allowedByBoundary, List<String> missingContextValues) {
    }

    /** The identity a SimulatePrincipalPolicy names: its caller (none for a group), policies and boundary. */
    private record Principal(Caller caller, List<IdentityPolicies.Sourced> policies, Optional<NamedPolicy> boundary) {
    }

    private Principal principal(String accountId, String policySourceArn) {
        String prefix = Arns.globalPrefix("iam", accountId, "");
        if (!policySourceArn.startsWith(prefix)) {
            throw IamErrors.invalidInput("Invalid ARN: " + policySourceArn + " is not an IAM user, group or role of this account.");
        }
        String resource = policySourceArn.substring(prefix.length());
        String type = resource.contains("/") ? resource.substring(0, resource.indexOf('/')) : resource;
        String name = resource.substring(resource.lastIndexOf('/') + 1);
        IdentityPolicies identities = backend.identityPolicies();
        return backend.read(accountId, account -> switch (type) {
            case "user" -> {
                IamUser user = account.requireUser(name);
                yield new Principal(new Caller.User(accountId, user.name(), user.path(), user.id()),
                        identities.forUser(account, name), identities.boundary(account, user.permissionsBoundary()));
            }
            case "role" -> {
                IamRole role = account.requireRole(name);
                yield new Principal(new Caller.AssumedRole(accountId, role.name(), role.id(), "simulation"),
                        identities.forRole(account, name), identities.boundary(account, role.permissionsBoundary()));
            }
            case "group" -> {
                account.requireGroup(name);
                yield new Principal(null, identities.forGroup(account, name), Optional.empty());
            }
            default -> throw IamErrors.invalidInput("Invalid ARN: " + policySourceArn + " is not an IAM user, group or role.");
        });
    }

    /**
     * GetContextKeysForPrincipalPolicy / GetContextKeysForCustomPolicy: the condition keys the
     * principal's policies (when {@code policySourceArn} is given) and the input documents test,
     * each once, in order of appearance.
     */
    List<String> contextKeys(String accountId, Optional<String> policySourceArn, List<String> policyInputs) {
        List<PolicyDocument> documents = new ArrayList<>();
        policySourceArn.ifPresent(arn -> {
            Principal principal = principal(accountId, arn);
            principal.policies().forEach(p -> documents.add(p.policy().document()));
        });
        inputs("PolicyInputList", policyInputs).forEach(p -> documents.add(p.policy().document()));
        Map<String, String> keys = new LinkedHashMap<>();
        documents.forEach(d -> d.conditionKeys().forEach(k -> keys.putIfAbsent(k.toLowerCase(java.util.Locale.ROOT), k)));
        return List.copyOf(keys.values());
    }

    List<Result> simulatePrincipal(String accountId, String policySourceArn, Input input) {
        Principal principal = principal(accountId, policySourceArn);
        Caller caller = principal.caller() != null ? principal.caller() : callerFor(accountId, input.callerArn());
        List<IdentityPolicies.Sourced> policies = new ArrayList<>(principal.policies());
        policies.addAll(inputs("PolicyInputList", input.policyInputs()));
        List<IdentityPolicies.Sourced> boundaries = new ArrayList<>(inputs("PermissionsBoundaryPolicyInputList", input.boundaryInputs()));
        principal.boundary().ifPresent(b -> boundaries.add(new IdentityPolicies.Sourced(b, IdentityPolicies.SourceType.USER_MANAGED)));
        return simulate(caller, policies, boundaries, input);
    }

    List<Result> simulateCustom(String accountId, Input input) {
        if (input.policyInputs().isEmpty()) {
            throw ValidationErrors.missing("policyInputList");
        }
        return simulate(callerFor(accountId, input.callerArn()), inputs("PolicyInputList", input.policyInputs()),
                inputs("PermissionsBoundaryPolicyInputList", input.boundaryInputs()), input);
    }

    private List<Result> simulate(Caller caller, List<IdentityPolicies.Sourced> policies,
                                  List<IdentityPolicies.Sourced> boundaries, Input input) {
        if (input.actions().isEmpty()) {
            throw ValidationErrors.missing("actionNames");
        }
        Map<String, IdentityPolicies.Sourced> bySource = new HashMap<>();
        policies.forEach(p -> bySource.putIfAbsent(p.policy().sourceId(), p));
        boundaries.forEach(p -> bySource.putIfAbsent(p.policy().sourceId(), p));
        Optional<NamedPolicy> resourcePolicy = input.resourcePolicy().map(json -> new NamedPolicy("ResourcePolicy",
                parse(json, PolicyKind.RESOURCE)));
        resourcePolicy.ifPresent(p -> bySource.put(p.sourceId(), new IdentityPolicies.Sourced(p, IdentityPolicies.SourceType.RESOURCE)));

        Map<String, List<String>> context = new LinkedHashMap<>(input.context());
        input.resourceOwner().ifPresent(owner -> context.put(EvaluationRequest.RESOURCE_ACCOUNT, List.of(accountOf(owner))));
        if (caller instanceof Caller.User user && user.userName() == null
                && context.keySet().stream().noneMatch(k -> k.equalsIgnoreCase("aws:PrincipalArn"))) {
            // The nameless simulated user has no ARN of its own: the key is absent unless given.
            context.put("aws:PrincipalArn", List.of());
        }
        List<NamedPolicy> identity = policies.stream().map(IdentityPolicies.Sourced::policy).toList();
        List<NamedPolicy> boundary = boundaries.stream().map(IdentityPolicies.Sourced::policy).toList();
        List<String> resources = input.resources().isEmpty() ? List.of("*") : input.resources();

        List<Result> results = new ArrayList<>();
        for (String action : input.actions()) {
            for (String resource : resources) {
                EvaluationRequest request = new EvaluationRequest(action, resource, identity, resourcePolicy, caller, context);
                PermissionsBoundary.Outcome outcome = PermissionsBoundary.apply(evaluator, request, evaluator.evaluate(request), boundary);
                Decision decision = outcome.evaluation().decision();
                List<MatchedStatement> matched = outcome.evaluation().matched();
                Optional<Boolean> allowedByBoundary = outcome.allowedByBoundary();
                results.add(new Result(action, resource, decision, located(matched, bySource), allowedByBoundary,
                        evaluator.missingContextKeys(request, boundary)));
            }
        }
        return results;
    }

    private static List<Matched> located(List<MatchedStatement> matched, Map<String, IdentityPolicies.Sourced> bySource) {
        List<Matched> result = new ArrayList<>(matched.size());
        for (MatchedStatement m : matched) {
            IdentityPolicies.Sourced source = bySource.get(m.sourceId());
            PolicyDocument.Position position = source == null ? null : source.policy().document().position(m.index());
            result.add(new Matched(m.sourceId(), source == null ? "none" : source.type().wireName, position));
        }
        return result;
    }

    /** PolicyInputList.1, PolicyInputList.2, ...: the simulator names input documents by their place. */
    private static List<IdentityPolicies.Sourced> inputs(String member, List<String> documents) {
        List<IdentityPolicies.Sourced> result = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            result.add(new IdentityPolicies.Sourced(new NamedPolicy(member + "." + (i + 1),
                    parse(documents.get(i), PolicyKind.IDENTITY)), IdentityPolicies.SourceType.NONE));
        }
        return result;
    }

    /** The simulator reports a broken input document as invalid input, with the parser's reason. */
    private static PolicyDocument parse(String json, PolicyKind kind) {
        try {
            return PolicyDocument.parse(json, kind);
        } catch (AwsException malformed) {
            throw IamErrors.invalidInput(malformed.getMessage());
        }
    }

    /**
     * CallerArn names the IAM user the simulation runs as; without it the caller is a user of
     * the account with no name, so keys such as aws:username are simply absent.
     */
    private Caller callerFor(String accountId, Optional<String> callerArn) {
        if (callerArn.isPresent()) {
            String arn = callerArn.get();
            var parsed = Arns.parse(arn).filter(a -> a.service().equals("iam") && a.resourceAsString().startsWith("user/"))
                    .orElseThrow(() -> IamErrors.invalidInput("Invalid CallerArn: " + arn + " (the simulator runs as an IAM user)."));
            String account = parsed.accountId().orElse("");
            String pathAndName = parsed.resourceAsString().substring("user".length());
            String name = pathAndName.substring(pathAndName.lastIndexOf('/') + 1);
            String path = pathAndName.substring(0, pathAndName.lastIndexOf('/') + 1);
            String id = backend.users().find(account, name).map(IamUser::id).orElse(null);
            return new Caller.User(account, name, path, id);
        }
        return new Caller.User(accountId, null, "/", null);
    }

    private static String accountOf(String owner) {
        return Arns.parse(owner).map(a -> a.accountId().orElse("")).orElse(owner);
    }
}
