package io.awstutor.sandbox.iam;

import io.awstutor.sandbox.http.ServiceCall;
import io.awstutor.sandbox.protocol.QueryParams;
import io.awstutor.sandbox.protocol.QueryServiceHandler.QueryAction;
import io.awstutor.sandbox.protocol.XmlWriter;

import java.util.Map;

/** CreateGroup, GetGroup, ListGroups, UpdateGroup, DeleteGroup, membership. */
final class GroupActions {
    private final IamBackend backend;

    GroupActions(IamBackend backend) {
        this.backend = backend;
    }

    void register(Map<String, QueryAction> actions) {
        actions.put("CreateGroup", this::createGroup);
        actions.put("GetGroup", this::getGroup);
        actions.put("ListGroups", this::listGroups);
        actions.put("UpdateGroup", this::updateGroup);
        actions.put("DeleteGroup", this::deleteGroup);
        actions.put("AddUserToGroup", this::addUser);
        actions.put("RemoveUserFromGroup", this::removeUser);
        actions.put("ListGroupsForUser", this::groupsForUser);
    }

    static String groupArn(IamBackend backend, String accountId, String name) {
        return backend.groups().find(accountId, name).map(g -> g.arn(accountId))
                .orElse(IamArns.of(accountId, "group", "/", name));
    }

    private void createGroup(QueryParams p, ServiceCall call, XmlWriter out) {
        String name = p.required("GroupName");
        String path = p.getOrDefault("Path", "/");
        call.authorize("iam:CreateGroup", IamArns.of(call.accountId(), "group", path, name), "AccessDenied");
        IamXml.group(out, "Group", backend.groups().create(call.accountId(), name, path), call.accountId());
    }

    private void getGroup(QueryParams p, ServiceCall call, XmlWriter out) {
        String name = p.required("GroupName");
        call.authorize("iam:GetGroup", groupArn(backend, call.accountId(), name), "AccessDenied");
        Groups.GroupMembers members = backend.groups().get(call.accountId(), name, p.optional("Marker"), p.integer("MaxItems"));
        IamXml.group(out, "Group", members.group(), call.accountId());
        out.start("Users");
        members.users().items().forEach(u -> IamXml.user(out, "member", u, call.accountId(), false));
        out.end();
        IamXml.paging(out, members.users());
    }

    private void listGroups(QueryParams p, ServiceCall call, XmlWriter out) {
        String prefix = IamParams.pathPrefix(p);
        call.authorize("iam:ListGroups", IamArns.listing(call.accountId(), "group", prefix), "AccessDenied");
        Page<IamGroup> page = backend.groups().list(call.accountId(), prefix, p.optional("Marker"), p.integer("MaxItems"));
        out.start("Groups");
        page.items().forEach(g -> IamXml.group(out, "member", g, call.accountId()));
        out.end();
        IamXml.paging(out, page);
    }

    private void updateGroup(QueryParams p, ServiceCall call, XmlWriter out) {
        String name = p.required("GroupName");
        call.authorize("iam:UpdateGroup", groupArn(backend, call.accountId(), name), "AccessDenied");
        backend.groups().update(call.accountId(), name, p.optional("NewGroupName"), p.optional("NewPath"));
    }

    private void deleteGroup(QueryParams p, ServiceCall call, XmlWriter out) {
        String name = p.required("GroupName");
        call.authorize("iam:DeleteGroup", groupArn(backend, call.accountId(), name), "AccessDenied");
        backend.groups().delete(call.accountId(), name);
    }

    private void addUser(QueryParams p, ServiceCall call, XmlWriter out) {
        String group = p.required("GroupName");
        String user = p.required("UserName");
        call.authorize("iam:AddUserToGroup", groupArn(backend, call.accountId(), group), "AccessDenied");
        backend.groups().addUser(call.accountId(), group, user);
    }

    private void removeUser(QueryParams p, ServiceCall call, XmlWriter out) {
        String group = p.required("GroupName");
        String user = p.required("UserName");
        call.authorize("iam:RemoveUserFromGroup", groupArn(backend, call.accountId(), group), "AccessDenied");
        backend.groups().removeUser(call.accountId(), group, user);
    }

    private void groupsForUser(QueryParams p, ServiceCall call, XmlWriter out) {
        String user = p.required("UserName");
        call.authorize("iam:ListGroupsForUser", UserActions.userArn(backend, call.accountId(), user), "AccessDenied");
        Page<IamGroup> page = backend.groups().groupsForUser(call.accountId(), user, p.optional("Marker"), p.integer("MaxItems"));
        out.start("Groups");
        page.items().forEach(g -> IamXml.group(out, "member", g, call.accountId()));
        out.end();
        IamXml.paging(out, page);
    }
}
