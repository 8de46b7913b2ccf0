package io.awstutor.sandbox.iam;

import io.awstutor.sandbox.http.ServiceCall;
import io.awstutor.sandbox.protocol.QueryParams;
import io.awstutor.sandbox.protocol.QueryServiceHandler.QueryAction;
import io.awstutor.sandbox.protocol.XmlWriter;

import java.util.Map;

/** CreateAccountAlias, DeleteAccountAlias, ListAccountAliases, GetAccountSummary, GetAccountAuthorizationDetails. */
final class AccountActions {
    private final IamBackend backend;
    private final AuthorizationDetails details;

    AccountActions(IamBackend backend) {
        this.backend = backend;
        this.details = new AuthorizationDetails(backend);
    }

    void register(Map<String, QueryAction> actions) {
        actions.put("CreateAccountAlias", this::createAlias);
        actions.put("DeleteAccountAlias", this::deleteAlias);
        actions.put("ListAccountAliases", this::listAliases);
        actions.put("GetAccountSummary", this::summary);
        actions.put("GetAccountAuthorizationDetails", this::authorizationDetails);
    }

    private void createAlias(QueryParams p, ServiceCall call, XmlWriter out) {
        String alias = p.required("AccountAlias");
        call.authorize("iam:CreateAccountAlias", "*", "AccessDenied");
        backend.accountSettings().createAlias(call.accountId(), alias);
    }

    private void deleteAlias(QueryParams p, ServiceCall call, XmlWriter out) {
        String alias = p.required("AccountAlias");
        call.authorize("iam:DeleteAccountAlias", "*", "AccessDenied");
        backend.accountSettings().deleteAlias(call.accountId(), alias);
    }

    private void listAliases(QueryParams p, ServiceCall call, XmlWriter out) {
        call.authorize("iam:ListAccountAliases", "*", "AccessDenied");
        Page<String> page = Page.of(backend.accountSettings().aliases(call.accountId()), s -> s, p.optional("Marker"), p.integer("MaxItems"));
        out.start("AccountAliases");
        page.items().forEach(a -> out.element("member", a));
        out.end();
        IamXml.paging(out, page);
    }

    private void summary(QueryParams p, ServiceCall call, XmlWriter out) {
        call.authorize("iam:GetAccountSummary", "*", "AccessDenied");
        out.start("SummaryMap");
        backend.accountSettings().summary(call.accountId()).forEach((key, value) ->
                out.start("entry").element("key", key).element("value", value).end());
        out.end();
    }

    private void authorizationDetails(QueryParams p, ServiceCall call, XmlWriter out) {
        call.authorize("iam:GetAccountAuthorizationDetails", "*", "AccessDenied");
        String account = call.accountId();
        Page<AuthorizationDetails.Entry> page = details.list(account, p.list("Filter"), p.optional("Marker"), p.integer("MaxItems"));
        out.start("UserDetailList");
        for (AuthorizationDetails.Entry e : page.items()) {
            if (e instanceof AuthorizationDetails.UserEntry u) {
                IamUser user = u.user();
                out.start("member").element("Path", user.path()).element("UserName", user.name()).element("UserId", user.id())
                        .element("Arn", user.arn(account)).element("CreateDate", user.created());
                inline(out, "UserPolicyList", user.permissions());
                out.start("GroupList");
                u.groups().forEach(g -> out.element("member", g));
                out.end();
                attached(out, u.attached());
                IamXml.boundary(out, user.permissionsBoundary());
                IamXml.tags(out, "Tags", user.tags());
                out.end();
            }
        }
        out.end().start("GroupDetailList");
        for (AuthorizationDetails.Entry e : page.items()) {
            if (e instanceof AuthorizationDetails.GroupEntry g) {
                IamGroup group = g.group();
                out.start("member").element("Path", group.path()).element("GroupName", group.name()).element("GroupId", group.id())
                        .element("Arn", group.arn(account)).element("CreateDate", group.created());
                inline(out, "GroupPolicyList", group.permissions());
                attached(out, g.attached());
                out.end();
            }
        }
        out.end().start("RoleDetailList");
        for (AuthorizationDetails.Entry e : page.items()) {
            if (e instanceof AuthorizationDetails.RoleEntry r) {
                IamRole role = r.role();
                out.start("member").element("Path", role.path()).element("RoleName", role.name()).element("RoleId", role.id())
                        .element("Arn", role.arn(account)).element("CreateDate", role.created())
                        .element("AssumeRolePolicyDocument", IamXml.policyDocument(role.trustPolicy()))
                        .start("InstanceProfileList");
                r.profiles().forEach(view -> IamXml.instanceProfile(out, "member", view, account));
                out.end();
                inline(out, "RolePolicyList", role.permissions());
                attached(out, r.attached());
                IamXml.boundary(out, role.permissionsBoundary());
                IamXml.tags(out, "Tags", role.tags());
                out.end();
            }
        }
        out.end().start("Policies");
        for (AuthorizationDetails.Entry e : page.items()) {
            if (e instanceof AuthorizationDetails.PolicyEntry pe) {
                ManagedPolicy policy = pe.view().policy();
                out.start("member").element("PolicyName", policy.name()).element("PolicyId", policy.id())
                        .element("Arn", policy.arn()).element("Path", policy.path())
                        .element("DefaultVersionId", policy.defaultVersionId())
                        .element("AttachmentCount", pe.view().attachmentCount())
                        .element("PermissionsBoundaryUsageCount", pe.view().boundaryUsageCount())
                        .element("IsAttachable", true).element("Description", policy.description())
                        .element("CreateDate", policy.created()).element("UpdateDate", policy.updated())
                        .start("PolicyVersionList");
                ManagedPolicies.versionsNewestFirst(policy).forEach(v -> IamXml.policyVersion(out, "member", v, true));
                out.end().end();
            }
        }
        out.end();
        IamXml.paging(out, page);
    }

    private static void inline(XmlWriter out, String element, Permissions permissions) {
        out.start(element);
        permissions.inline().forEach((name, document) -> out.start("member").element("PolicyName", name)
                .element("PolicyDocument", IamXml.policyDocument(document)).end());
        out.end();
    }

    private static void attached(XmlWriter out, java.util.List<AuthorizationDetails.Attached> attached) {
        out.start("AttachedManagedPolicies");
        attached.forEach(a -> out.start("member").element("PolicyName", a.name()).element("PolicyArn", a.arn()).end());
        out.end();
    }
}
