package io.awstutor.sandbox.iam;

import io.awstutor.sandbox.http.ServiceCall;
import io.awstutor.sandbox.protocol.QueryParams;
import io.awstutor.sandbox.protocol.QueryServiceHandler.QueryAction;
import io.awstutor.sandbox.protocol.Tag;
import io.awstutor.sandbox.protocol.XmlWriter;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.BinaryOperator;

/**
 * The actions IAM has alike for users and roles: Tag*, Untag*, List*Tags and the permissions
 * boundary's Put* and Delete*. {@link Principal} says what differs: the noun in the action and
 * parameter names ({@code TagUser}/{@code UserName}), the ARN authorized against, and the store.
 */
final class PrincipalActions {
    /** A change to the principal {@code name} of an account. */
    @FunctionalInterface
    interface Change<V> {
        void apply(String accountId, String name, V value);
    }

    /**
     * Users or roles: {@code noun} is "User" or "Role", {@code arn} the ARN for (account, name),
     * and how its store tags, untags, reads tags and sets the boundary.
     */
    record Principal(String noun, BinaryOperator<String> arn, Change<List<Tag>> tag, Change<List<String>> untag,
                     BiFunction<String, String, List<Tag>> tags, Change<String> boundary) {
    }

    private final Principal principal;

    private PrincipalActions(Principal principal) {
        this.principal = principal;
    }

    static void register(Map<String, QueryAction> actions, Principal principal) {
        PrincipalActions a = new PrincipalActions(principal);
        String noun = principal.noun();
        actions.put("Tag" + noun, a::tag);
        actions.put("Untag" + noun, a::untag);
        actions.put("List" + noun + "Tags", a::listTags);
        actions.put("Put" + noun + "PermissionsBoundary", a::putBoundary);
        actions.put("Delete" + noun + "PermissionsBoundary", a::deleteBoundary);
    }

    /** The principal's name, after the caller has been authorized for {@code action} on it. */
    private String authorized(QueryParams p, ServiceCall call, String action) {
        String name = p.required(principal.noun() + "Name");
        call.authorize("iam:" + action, principal.arn().apply(call.accountId(), name), "AccessDenied");
        return name;
    }

    private void tag(QueryParams p, ServiceCall call, XmlWriter out) {
        String name = authorized(p, call, "Tag" + principal.noun());
        principal.tag().apply(call.accountId(), name, IamParams.tags(p));
    }

    private void untag(QueryParams p, ServiceCall call, XmlWriter out) {
        String name = authorized(p, call, "Untag" + principal.noun());
        principal.untag().apply(call.accountId(), name, p.list("TagKeys"));
    }

    private void listTags(QueryParams p, ServiceCall call, XmlWriter out) {
        String name = authorized(p, call, "List" + principal.noun() + "Tags");
        Page<Tag> page = Tagging.page(principal.tags().apply(call.accountId(), name), p.optional("Marker"), p.integer("MaxItems"));
        IamXml.tags(out, "Tags", page.items());
        IamXml.paging(out, page);
    }

    private void putBoundary(QueryParams p, ServiceCall call, XmlWriter out) {
        String name = p.required(principal.noun() + "Name");
        String boundary = p.required("PermissionsBoundary");
        call.authorize("iam:Put" + principal.noun() + "PermissionsBoundary", principal.arn().apply(call.accountId(), name),
                "AccessDenied", IamParams.boundaryContext(p), Optional.empty());
        principal.boundary().apply(call.accountId(), name, boundary);
    }

    private void deleteBoundary(QueryParams p, ServiceCall call, XmlWriter out) {
        String name = authorized(p, call, "Delete" + principal.noun() + "PermissionsBoundary");
        principal.boundary().apply(call.accountId(), name, null);
    }
}
