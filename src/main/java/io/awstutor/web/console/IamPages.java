package io.awstutor.web.console;

import io.awstutor.web.Html;
import io.awstutor.web.WebRequest;
import io.awstutor.web.WebResponse;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.EvaluationResult;
import software.amazon.awssdk.services.iam.model.Group;
import software.amazon.awssdk.services.iam.model.Policy;
import software.amazon.awssdk.services.iam.model.PolicyScopeType;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.Statement;
import software.amazon.awssdk.services.iam.model.User;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * IAM: users (with their groups and access key ids — never a secret), groups, roles with their
 * trust policies, the account's own policies with their JSON, and the policy simulator, whose
 * answer names the statement that decided.
 */
final class IamPages {
    private final ConsoleClients clients;

    IamPages(ConsoleClients clients) {
        this.clients = clients;
    }

    WebResponse overview(WebRequest request, Operator who) throws Exception {
        IamClient iam = clients.iam(who);
        return ConsoleView.page(request, who, "iam", "IAM", "iam sts", () -> {
            Map<String, String> documents = new LinkedHashMap<>();
            Html policies = ConsoleView.guarded(() -> policies(iam, documents));
            Html users = ConsoleView.guarded(() -> users(iam));
            Html roles = ConsoleView.guarded(() -> roles(iam, documents));
            Html groups = ConsoleView.guarded(() -> groups(iam));
            return Html.of("<h2>Users</h2>{}<h2>Groups</h2>{}<h2>Roles</h2>{}<h2>Policies</h2>{}<h2 id=\"simulator\">Policy simulator</h2>{}",
                    users, groups, roles, policies, simulator(request, iam, documents));
        });
    }

    private Html users(IamClient iam) {
        List<Html> rows = new ArrayList<>();
        for (User user : iam.listUsersPaginator().users()) {
            Html groups = ConsoleView.guarded(() -> Html.text(String.join(", ", iam.listGroupsForUser(b -> b.userName(user.userName()))
                    .groups().stream().map(Group::groupName).toList())));
            Html keys = ConsoleView.guarded(() -> Html.each(iam.listAccessKeys(b -> b.userName(user.userName())).accessKeyMetadata(),
                    k -> Html.of("<code>{}</code> {}<br>", k.accessKeyId(), ConsoleView.badge(k.statusAsString()))));
            Html attached = ConsoleView.guarded(() -> Html.text(String.join(", ", iam.listAttachedUserPolicies(b -> b.userName(user.userName()))
                    .attachedPolicies().stream().map(p -> p.policyName()).toList())));
            rows.add(ConsoleView.row(Html.of("<strong>{}</strong><br><span class=\"muted mono\">{}</span>", user.userName(), user.arn()),
                    groups, attached, keys, ConsoleView.time(user.createDate())));
        }
        return ConsoleView.table("Users", List.of("User", "Groups", "Attached policies", "Access keys (ids only)", "Created"), rows,
                "No users yet.");
    }

    private Html groups(IamClient iam) {
        List<Html> rows = new ArrayList<>();
        for (Group group : iam.listGroupsPaginator().groups()) {
            Html members = ConsoleView.guarded(() -> Html.text(String.join(", ", iam.getGroup(b -> b.groupName(group.groupName()))
                    .users().stream().map(User::userName).toList())));
            Html attached = ConsoleView.guarded(() -> Html.text(String.join(", ", iam.listAttachedGroupPolicies(b -> b.groupName(group.groupName()))
                    .attachedPolicies().stream().map(p -> p.policyName()).toList())));
            rows.add(ConsoleView.row(Html.text(group.groupName()), members, attached, ConsoleView.time(group.createDate())));
        }
        return ConsoleView.table("Groups", List.of("Group", "Members", "Attached policies", "Created"), rows, "No groups yet.");
    }

    private Html roles(IamClient iam, Map<String, String> documents) {
        List<Html> rows = new ArrayList<>();
        for (Role role : iam.listRolesPaginator().roles()) {
            String stored = ConsoleView.urlDecode(role.assumeRolePolicyDocument());
            documents.put(role.arn(), stored);
            String trust = ConsoleView.prettyJson(stored);
            rows.add(ConsoleView.row(Html.of("<strong>{}</strong><br><span class=\"muted mono\">{}</span>", role.roleName(), role.arn()),
                    Html.of("<details><summary>Trust policy</summary><pre>{}</pre></details>", trust), ConsoleView.time(role.createDate())));
        }
        return ConsoleView.table("Roles", List.of("Role", "Who may assume it", "Created"), rows, "No roles yet.");
    }

    private Html policies(IamClient iam, Map<String, String> documents) {
        List<Html> rows = new ArrayList<>();
        for (Policy policy : iam.listPoliciesPaginator(b -> b.scope(PolicyScopeType.LOCAL)).policies()) {
            Html document = ConsoleView.guarded(() -> {
                String stored = ConsoleView.urlDecode(iam.getPolicyVersion(b -> b.policyArn(policy.arn())
                        .versionId(policy.defaultVersionId())).policyVersion().document());
                documents.put(policy.arn(), stored);
                documents.put(policy.policyName(), stored);
                String json = ConsoleView.prettyJson(stored);
                return Html.of("<details><summary>JSON ({})</summary><pre>{}</pre></details>", policy.defaultVersionId(), json);
            });
            rows.add(ConsoleView.row(Html.of("<strong>{}</strong><br><span class=\"muted mono\">{}</span>", policy.policyName(), policy.arn()),
                    policy.attachmentCount(), document));
        }
        return ConsoleView.table("Customer managed policies", List.of("Policy", "Attachments", "Document"), rows,
                "No customer managed policies yet (AWS managed ones are attached by ARN).");
    }

    /** The simulator form and, once a principal is given, IAM's answer with the statement that decided it. */
    private Html simulator(WebRequest request, IamClient iam, Map<String, String> documents) {
        String principal = request.param("principal", "");
        String action = request.param("action", "s3:ListAllMyBuckets");
        String resource = request.param("resource", "*");
        Html form = Html.of("""
                <form method="get" action="{}#simulator" class="panel simulator">
                <p class="muted">Would this user or role be allowed to do this? IAM evaluates its policies and says which statement decides.</p>
                <div class="row">
                <label>User or role ARN <input name="principal" value="{}" size="44" required placeholder="arn:aws:iam::000000000000:user/alice"></label>
                <label>Action <input name="action" value="{}" required></label>
                <label>Resource ARN <input name="resource" value="{}"></label>
                <button type="submit">Simulate</button></div></form>""",
                Html.href(ConsoleView.PREFIX + "/iam"), principal, action, resource);
        if (principal.isBlank()) {
            return form;
        }
        Html answer;
        try {
            EvaluationResult result = iam.simulatePrincipalPolicy(b -> b.policySourceArn(principal.strip())
                    .actionNames(action.strip()).resourceArns(resource.isBlank() ? "*" : resource.strip())).evaluationResults().get(0);
            answer = Html.of("<div class=\"panel\" id=\"simulation\"><p><strong>{}</strong> {} on <code>{}</code>: {}</p>{}</div>",
                    action, result.evalDecisionAsString().equals("allowed") ? "is allowed" : "is denied", result.evalResourceName(),
                    ConsoleView.badge(result.evalDecisionAsString()), deciding(result, documents));
        } catch (AwsServiceException refused) {
            answer = ConsoleView.error(refused);
        }
        return Html.join(form, answer);
    }

    private static Html deciding(EvaluationResult result, Map<String, String> documents) {
        if (result.matchedStatements().isEmpty()) {
            return Html.raw("<p>No statement matches: nothing allows it, so it is denied by default (an implicit deny).</p>");
        }
        return Html.each(result.matchedStatements(), m -> Html.of("<p>Decided by this statement of <code>{}</code> ({}):</p><pre class=\"statement\">{}</pre>",
                m.sourcePolicyId(), m.sourcePolicyTypeAsString(), excerpt(documents.get(m.sourcePolicyId()), m)));
    }

    /** The statement's own text, when the document is one this page read (the positions refer to it as stored). */
    private static String excerpt(String document, Statement m) {
        String elsewhere = "(its text is in the policy " + m.sourcePolicyId() + ")";
        if (document == null || m.startPosition() == null || m.endPosition() == null) {
            return elsewhere;
        }
        int from = offset(document, m.startPosition().line(), m.startPosition().column());
        int to = offset(document, m.endPosition().line(), m.endPosition().column());
        if (from < 0 || to < 0 || to <= from) {
            return elsewhere;
        }
        return ConsoleView.prettyJson(document.substring(from, Math.min(document.length(), to + 1)));
    }

    /** The index of a 1-based line and column in the text, or -1 when there is none. */
    private static int offset(String text, int line, int column) {
        int at = 0;
        for (int l = 1; l < line; l++) {
            at = text.indexOf('\n', at);
            if (at < 0) {
                return -1;
            }
            at++;
        }
        int index = at + column - 1;
        return index >= 0 && index < text.length() ? index : -1;
    }
}
