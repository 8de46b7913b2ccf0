package io.awstutor.sandbox.iam;

import io.awstutor.sandbox.http.ServiceCall;
import io.awstutor.sandbox.protocol.QueryParams;
import io.awstutor.sandbox.protocol.QueryServiceHandler.QueryAction;
import io.awstutor.sandbox.protocol.XmlWriter;

import java.util.Map;
import java.util.Optional;

/** CreateRole, GetRole, ListRoles, UpdateRole, UpdateAssumeRolePolicy, DeleteRole; tags and the boundary through {@link PrincipalActions}. */
final class RoleActions {
    private final IamBackend backend;

    RoleActions(IamBackend backend) {
        this.backend = backend;
    }

    void register(Map<String, QueryAction> actions) {
        actions.put("CreateRole", this::createRole);
        actions.put("GetRole", this::getRole);
        actions.put("ListRoles", this::listRoles);
        actions.put("UpdateRole", this::updateRole);
        actions.put("UpdateRoleDescription", this::updateRoleDescription);
        actions.put("UpdateAssumeRolePolicy", this::updateAssumeRolePolicy);
        actions.put("DeleteRole", this::deleteRole);
        var roles = backend.roles();
        PrincipalActions.register(actions, new PrincipalActions.Principal("Role", (account, name) -> roleArn(backend, account, name),
                roles::tag, roles::untag, (account, name) -> roles.get(account, name).tags(), roles::setPermissionsBoundary));
    }

    static String roleArn(IamBackend backend, String accountId, String name) {
        return backend.roles().find(accountId, name).map(r -> r.arn(accountId))
                .orElse(IamArns.of(accountId, "role", "/", name));
    }

    private void createRole(QueryParams p, ServiceCall call, XmlWriter out) {
        String name = p.required("RoleName");
        String path = p.getOrDefault("Path", "/");
        String trust = p.required("AssumeRolePolicyDocument");
        call.authorize("iam:CreateRole", IamArns.of(call.accountId(), "role", path, name), "AccessDenied",
                IamParams.boundaryContext(p), java.util.Optional.empty());
        IamRole role = backend.roles().create(call.accountId(), name, path, trust, p.get("Description"),
                p.integer("MaxSessionDuration"), IamParams.tags(p), p.get("PermissionsBoundary"));
        IamXml.role(out, "Role", role, call.accountId(), true);
    }

    private void getRole(QueryParams p, ServiceCall call, XmlWriter out) {
        String name = p.required("RoleName");
        call.authorize("iam:GetRole", roleArn(backend, call.accountId(), name), "AccessDenied");
        IamXml.role(out, "Role", backend.roles().get(call.accountId(), name), call.accountId(), true);
    }

    private void listRoles(QueryParams p, ServiceCall call, XmlWriter out) {
        String prefix = IamParams.pathPrefix(p);
        call.authorize("iam:ListRoles", IamArns.listing(call.accountId(), "role", prefix), "AccessDenied");
        Page<IamRole> page = backend.roles().list(call.accountId(), prefix, p.optional("Marker"), p.integer("MaxItems"));
        out.start("Roles");
        page.items().forEach(r -> IamXml.role(out, "member", r, call.accountId(), false));
        out.end();
        IamXml.paging(out, page);
    }

    private void updateRole(QueryParams p, ServiceCall call, XmlWriter out) {
        String name = p.required("RoleName");
        call.authorize("iam:UpdateRole", roleArn(backend, call.accountId(), name), "AccessDenied");
        backend.roles().update(call.accountId(), name, p.optional("Description"), p.integer("MaxSessionDuration"));
    }

    private void updateRoleDescription(QueryParams p, ServiceCall call, XmlWriter out) {
        String name = p.required("RoleName");
        String description = p.required("Description");
        call.authorize("iam:UpdateRoleDescription", roleArn(backend, call.accountId(), name), "AccessDenied");
        IamRole role = backend.roles().update(call.accountId(), name, Optional.of(description), Optional.empty());
        IamXml.role(out, "Role", role, call.accountId(), true);
    }

    private void updateAssumeRolePolicy(QueryParams p, ServiceCall call, XmlWriter out) {
        String name = p.required("RoleName");
        String document = p.required("PolicyDocument");
        call.authorize("iam:UpdateAssumeRolePolicy", roleArn(backend, call.accountId(), name), "AccessDenied");
        backend.roles().updateTrustPolicy(call.accountId(), name, document);
    }

    private void deleteRole(QueryParams p, ServiceCall call, XmlWriter out) {
        String name = p.required("RoleName");
        call.authorize("iam:DeleteRole", roleArn(backend, call.accountId(), name), "AccessDenied");
        backend.roles().delete(call.accountId(), name);
    }
}
