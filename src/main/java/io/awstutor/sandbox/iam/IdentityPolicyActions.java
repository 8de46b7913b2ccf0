package io.awstutor.sandbox.iam;

import io.awstutor.sandbox.http.ServiceCall;
import io.awstutor.sandbox.protocol.QueryParams;
import io.awstutor.sandbox.protocol.QueryServiceHandler.QueryAction;
import io.awstutor.sandbox.protocol.XmlWriter;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The policies held by users, groups and roles, one set of actions per kind:
 * Attach/Detach/ListAttached{Kind}Policies and Put/Get/Delete/List{Kind}Policy (inline).
 */
final class IdentityPolicyActions {
    private final IamBackend backend;

    IdentityPolicyActions(IamBackend backend) {
        this.backend = backend;
    }

    void register(Map<String, QueryAction> actions) {
        for (IdentityKind kind : IdentityKind.values()) {
            String k = kind.capitalized;
            actions.put("Attach" + k + "Policy", (p, call, out) -> attach(kind, p, call));
            actions.put("Detach" + k + "Policy", (p, call, out) -> detach(kind, p, call));
            actions.put("ListAttached" + k + "Policies", (p, call, out) -> listAttached(kind, p, call, out));
            actions.put("Put" + k + "Policy", (p, call, out) -> putInline(kind, p, call));
            actions.put("Get" + k + "Policy", (p, call, out) -> getInline(kind, p, call, out));
            actions.put("Delete" + k + "Policy", (p, call, out) -> deleteInline(kind, p, call));
            actions.put("List" + k + "Policies", (p, call, out) -> listInline(kind, p, call, out));
        }
    }

    private String arn(IdentityKind kind, String accountId, String name) {
        return switch (kind) {
            case USER -> UserActions.userArn(backend, accountId, name);
            case GROUP -> GroupActions.groupArn(backend, accountId, name);
            case ROLE -> RoleActions.roleArn(backend, accountId, name);
        };
    }

    private void attach(IdentityKind kind, QueryParams p, ServiceCall call) {
        String name = p.required(kind.nameMember());
        String policyArn = p.required("PolicyArn");
        call.authorize("iam:Attach" + kind.capitalized + "Policy", arn(kind, call.accountId(), name), "AccessDenied",
                Map.of("iam:PolicyARN", List.of(policyArn)), Optional.empty());
        backend.managedPolicies().attach(kind, call.accountId(), name, policyArn);
    }

    private void detach(IdentityKind kind, QueryParams p, ServiceCall call) {
        String name = p.required(kind.nameMember());
        String policyArn = p.required("PolicyArn");
        call.authorize("iam:Detach" + kind.capitalized + "Policy", arn(kind, call.accountId(), name), "AccessDenied",
                Map.of("iam:PolicyARN", List.of(policyArn)), Optional.empty());
        backend.managedPolicies().detach(kind, call.accountId(), name, policyArn);
    }

    private void listAttached(IdentityKind kind, QueryParams p, ServiceCall call, XmlWriter out) {
        String name = p.required(kind.nameMember());
        call.authorize("iam:ListAttached" + kind.capitalized + "Policies", arn(kind, call.accountId(), name), "AccessDenied");
        Page<ManagedPolicy> page = backend.managedPolicies().listAttached(kind, call.accountId(), name,
                IamParams.pathPrefix(p), p.optional("Marker"), p.integer("MaxItems"));
        out.start("AttachedPolicies");
        page.items().forEach(policy -> out.start("member")
                .element("PolicyName", policy.name())
                .element("PolicyArn", policy.arn())
                .end());
        out.end();
        IamXml.paging(out, page);
    }

    private void putInline(IdentityKind kind, QueryParams p, ServiceCall call) {
        String name = p.required(kind.nameMember());
        String policyName = p.required("PolicyName");
        String document = p.required("PolicyDocument");
        call.authorize("iam:Put" + kind.capitalized + "Policy", arn(kind, call.accountId(), name), "AccessDenied");
        backend.inlinePolicies().put(kind, call.accountId(), name, policyName, document);
    }

    private void getInline(IdentityKind kind, QueryParams p, ServiceCall call, XmlWriter out) {
        String name = p.required(kind.nameMember());
        String policyName = p.required("PolicyName");
        call.authorize("iam:Get" + kind.capitalized + "Policy", arn(kind, call.accountId(), name), "AccessDenied");
        InlinePolicies.InlinePolicy policy = backend.inlinePolicies().get(kind, call.accountId(), name, policyName);
        out.element(kind.nameMember(), policy.identityName())
                .element("PolicyName", policy.policyName())
                .element("PolicyDocument", IamXml.policyDocument(policy.document()));
    }

    private void deleteInline(IdentityKind kind, QueryParams p, ServiceCall call) {
        String name = p.required(kind.nameMember());
        String policyName = p.required("PolicyName");
        call.authorize("iam:Delete" + kind.capitalized + "Policy", arn(kind, call.accountId(), name), "AccessDenied");
        backend.inlinePolicies().delete(kind, call.accountId(), name, policyName);
    }

    private void listInline(IdentityKind kind, QueryParams p, ServiceCall call, XmlWriter out) {
        String name = p.required(kind.nameMember());
        call.authorize("iam:List" + kind.capitalized + "Policies", arn(kind, call.accountId(), name), "AccessDenied");
        Page<String> page = backend.inlinePolicies().list(kind, call.accountId(), name, p.optional("Marker"), p.integer("MaxItems"));
        out.start("PolicyNames");
        page.items().forEach(n -> out.element("member", n));
        out.end();
        IamXml.paging(out, page);
    }
}
