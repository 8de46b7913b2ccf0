package io.awstutor.sandbox.iam;

import io.awstutor.sandbox.protocol.Tag;
import io.awstutor.sandbox.protocol.ValidationErrors;
import io.awstutor.sandbox.http.ServiceCall;
import io.awstutor.sandbox.protocol.QueryParams;
import io.awstutor.sandbox.protocol.QueryServiceHandler.QueryAction;
import io.awstutor.sandbox.protocol.XmlWriter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Managed policies and their versions: Create/Get/List/Delete, the version actions, ListEntitiesForPolicy. */
final class PolicyActions {
    private final IamBackend backend;

    PolicyActions(IamBackend backend) {
        this.backend = backend;
    }

    void register(Map<String, QueryAction> actions) {
        actions.put("CreatePolicy", this::createPolicy);
        actions.put("GetPolicy", this::getPolicy);
        actions.put("ListPolicies", this::listPolicies);
        actions.put("DeletePolicy", this::deletePolicy);
        actions.put("CreatePolicyVersion", this::createVersion);
        actions.put("GetPolicyVersion", this::getVersion);
        actions.put("ListPolicyVersions", this::listVersions);
        actions.put("DeletePolicyVersion", this::deleteVersion);
        actions.put("SetDefaultPolicyVersion", this::setDefaultVersion);
        actions.put("ListEntitiesForPolicy", this::entitiesForPolicy);
        actions.put("TagPolicy", this::tagPolicy);
        actions.put("UntagPolicy", this::untagPolicy);
        actions.put("ListPolicyTags", this::listPolicyTags);
    }

    private void createPolicy(QueryParams p, ServiceCall call, XmlWriter out) {
        String name = p.required("PolicyName");
        String path = p.getOrDefault("Path", "/");
        String document = p.required("PolicyDocument");
        call.authorize("iam:CreatePolicy", IamArns.of(call.accountId(), "policy", path, name), "AccessDenied");
        ManagedPolicy policy = backend.managedPolicies().create(call.accountId(), name, path, document,
                p.get("Description"), IamParams.tags(p));
        IamXml.policy(out, "Policy", new ManagedPolicies.PolicyView(policy, 0, 0), true);
    }

    private void getPolicy(QueryParams p, ServiceCall call, XmlWriter out) {
        String arn = p.required("PolicyArn");
        call.authorize("iam:GetPolicy", arn, "AccessDenied");
        ManagedPolicies.PolicyView view = backend.managedPolicies().get(call.accountId(), arn);
        IamXml.policy(out, "Policy", view, true);
    }

    private void listPolicies(QueryParams p, ServiceCall call, XmlWriter out) {
        String prefix = IamValidation.policyPath("pathPrefix", IamParams.pathPrefix(p));
        call.authorize("iam:ListPolicies", IamArns.listing(call.accountId(), "policy", prefix), "AccessDenied");
        Page<ManagedPolicies.PolicyView> page = backend.managedPolicies().list(call.accountId(),
                p.getOrDefault("Scope", "All"), p.bool("OnlyAttached").orElse(false), prefix,
                p.optional("Marker"), p.integer("MaxItems"));
        out.start("Policies");
        // ListPolicies leaves out Description and Tags in AWS; the writer only adds tags when asked.
        page.items().forEach(v -> IamXml.policy(out, "member", v, false));
        out.end();
        IamXml.paging(out, page);
    }

    private void deletePolicy(QueryParams p, ServiceCall call, XmlWriter out) {
        String arn = p.required("PolicyArn");
        call.authorize("iam:DeletePolicy", arn, "AccessDenied");
        backend.managedPolicies().delete(call.accountId(), arn);
    }

    private void createVersion(QueryParams p, ServiceCall call, XmlWriter out) {
        String arn = p.required("PolicyArn");
        String document = p.required("PolicyDocument");
        call.authorize("iam:CreatePolicyVersion", arn, "AccessDenied");
        ManagedPolicies.VersionView view = backend.managedPolicies().createVersion(call.accountId(), arn, document,
                p.bool("SetAsDefault").orElse(false));
        IamXml.policyVersion(out, "PolicyVersion", view, false);
    }

    private void getVersion(QueryParams p, ServiceCall call, XmlWriter out) {
        String arn = p.required("PolicyArn");
        String versionId = p.required("VersionId");
        call.authorize("iam:GetPolicyVersion", arn, "AccessDenied");
        IamXml.policyVersion(out, "PolicyVersion", backend.managedPolicies().getVersion(call.accountId(), arn, versionId), true);
    }

    private void listVersions(QueryParams p, ServiceCall call, XmlWriter out) {
        String arn = p.required("PolicyArn");
        call.authorize("iam:ListPolicyVersions", arn, "AccessDenied");
        Page<ManagedPolicies.VersionView> page = backend.managedPolicies().listVersions(call.accountId(), arn,
                p.optional("Marker"), p.integer("MaxItems"));
        out.start("Versions");
        // ListPolicyVersions carries no documents in AWS's answers.
        page.items().forEach(v -> IamXml.policyVersion(out, "member", v, false));
        out.end();
        IamXml.paging(out, page);
    }

    private void deleteVersion(QueryParams p, ServiceCall call, XmlWriter out) {
        String arn = p.required("PolicyArn");
        String versionId = p.required("VersionId");
        call.authorize("iam:DeletePolicyVersion", arn, "AccessDenied");
        backend.managedPolicies().deleteVersion(call.accountId(), arn, versionId);
    }

    private void setDefaultVersion(QueryParams p, ServiceCall call, XmlWriter out) {
        String arn = p.required("PolicyArn");
        String versionId = p.required("VersionId");
        call.authorize("iam:SetDefaultPolicyVersion", arn, "AccessDenied");
        backend.managedPolicies().setDefaultVersion(call.accountId(), arn, versionId);
    }

    private void entitiesForPolicy(QueryParams p, ServiceCall call, XmlWriter out) {
        String arn = p.required("PolicyArn");
        String filter = p.getOrDefault("EntityFilter", "");
        if (!filter.isEmpty() && !AuthorizationDetails.FILTERS.contains(filter)) {
            throw ValidationErrors.invalid(filter, "entityFilter", ValidationErrors.oneOf(AuthorizationDetails.FILTERS));
        }
        String usage = p.getOrDefault("PolicyUsageFilter", "PermissionsPolicy");
        if (!List.of("PermissionsPolicy", "PermissionsBoundary").contains(usage)) {
            throw ValidationErrors.invalid(usage, "policyUsageFilter",
                    ValidationErrors.oneOf(java.util.List.of("PermissionsPolicy", "PermissionsBoundary")));
        }
        call.authorize("iam:ListEntitiesForPolicy", arn, "AccessDenied");
        ManagedPolicies.Entities entities = backend.managedPolicies().entitiesFor(call.accountId(), arn,
                IamParams.pathPrefix(p), usage.equals("PermissionsBoundary"));
        // one page across the three lists, groups first, as the response lists them
        List<EntityRow> rows = new ArrayList<>();
        if (filter.isEmpty() || filter.equals("Group")) {
            entities.groups().forEach(g -> rows.add(new EntityRow("1" + IamAccount.key(g.name()), "Group", g.name(), g.id())));
        }
        if (filter.isEmpty() || filter.equals("User")) {
            entities.users().forEach(u -> rows.add(new EntityRow("2" + IamAccount.key(u.name()), "User", u.name(), u.id())));
        }
        if (filter.isEmpty() || filter.equals("Role")) {
            entities.roles().forEach(r -> rows.add(new EntityRow("3" + IamAccount.key(r.name()), "Role", r.name(), r.id())));
        }
        Page<EntityRow> page = Page.of(rows, EntityRow::key, p.optional("Marker"), p.integer("MaxItems"));
        for (String kind : new String[] {"Group", "User", "Role"}) {
            out.start("Policy" + kind + "s");
            page.items().stream().filter(row -> row.kind().equals(kind)).forEach(row ->
                    out.start("member").element(kind + "Name", row.name()).element(kind + "Id", row.id()).end());
            out.end();
        }
        IamXml.paging(out, page);
    }

    /** One entity in ListEntitiesForPolicy's page; the key orders groups, users, roles. */
    private record EntityRow(String key, String kind, String name, String id) {
    }

    private void tagPolicy(QueryParams p, ServiceCall call, XmlWriter out) {
        String arn = p.required("PolicyArn");
        call.authorize("iam:TagPolicy", arn, "AccessDenied");
        backend.managedPolicies().tag(call.accountId(), arn, IamParams.tags(p));
    }

    private void untagPolicy(QueryParams p, ServiceCall call, XmlWriter out) {
        String arn = p.required("PolicyArn");
        call.authorize("iam:UntagPolicy", arn, "AccessDenied");
        backend.managedPolicies().untag(call.accountId(), arn, p.list("TagKeys"));
    }

    private void listPolicyTags(QueryParams p, ServiceCall call, XmlWriter out) {
        String arn = p.required("PolicyArn");
        call.authorize("iam:ListPolicyTags", arn, "AccessDenied");
        List<Tag> tags = backend.managedPolicies().get(call.accountId(), arn).policy().tags();
        Page<Tag> page = Tagging.page(tags, p.optional("Marker"), p.integer("MaxItems"));
        IamXml.tags(out, "Tags", page.items());
        IamXml.paging(out, page);
    }
}
