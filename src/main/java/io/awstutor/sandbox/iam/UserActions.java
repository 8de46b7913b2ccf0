package io.awstutor.sandbox.iam;

import io.awstutor.sandbox.auth.Caller;
import io.awstutor.sandbox.http.ServiceCall;
import io.awstutor.sandbox.protocol.AwsException;
import io.awstutor.sandbox.protocol.QueryParams;
import io.awstutor.sandbox.protocol.QueryServiceHandler.QueryAction;
import io.awstutor.sandbox.protocol.XmlWriter;

import java.util.Map;

/** CreateUser, GetUser, ListUsers, UpdateUser, DeleteUser; tags and the boundary through {@link PrincipalActions}. */
final class UserActions {
    private final IamBackend backend;

    UserActions(IamBackend backend) {
        this.backend = backend;
    }

    void register(Map<String, QueryAction> actions) {
        actions.put("CreateUser", this::createUser);
        actions.put("GetUser", this::getUser);
        actions.put("ListUsers", this::listUsers);
        actions.put("UpdateUser", this::updateUser);
        actions.put("DeleteUser", this::deleteUser);
        var users = backend.users();
        PrincipalActions.register(actions, new PrincipalActions.Principal("User", (account, name) -> userArn(backend, account, name),
                users::tag, users::untag, (account, name) -> users.get(account, name).tags(), users::setPermissionsBoundary));
        actions.put("ListMFADevices", (p, c, out) -> listNone(p, c, out, "ListMFADevices", "MFADevices"));
        actions.put("ListSigningCertificates", (p, c, out) -> listNone(p, c, out, "ListSigningCertificates", "Certificates"));
    }

    /** The ARN IAM authorizes a request about user {@code name} against (with the user's real path when it exists). */
    static String userArn(IamBackend backend, String accountId, String name) {
        return backend.users().find(accountId, name).map(u -> u.arn(accountId))
                .orElse(IamArns.of(accountId, "user", "/", name));
    }

    private void createUser(QueryParams p, ServiceCall call, XmlWriter out) {
        String name = p.required("UserName");
        String path = p.getOrDefault("Path", "/");
        call.authorize("iam:CreateUser", IamArns.of(call.accountId(), "user", path, name), "AccessDenied",
                IamParams.boundaryContext(p), java.util.Optional.empty());
        IamUser user = backend.users().create(call.accountId(), name, path, IamParams.tags(p), p.get("PermissionsBoundary"));
        IamXml.user(out, "User", user, call.accountId(), true);
    }

    private void getUser(QueryParams p, ServiceCall call, XmlWriter out) {
        String accountId = call.accountId();
        String name = p.get("UserName");
        if (name == null) {
            if (call.caller() instanceof Caller.Root) {
                // AWS answers GetUser for the root user with the account itself: no name, no path.
                out.start("User")
                        .element("UserId", accountId)
                        .element("Arn", IamArns.root(accountId))
                        .element("CreateDate", backend.accountCreated(accountId))
                        .end();
                return;
            }
            if (!(call.caller() instanceof Caller.User user)) {
                throw AwsException.validation("Must specify userName when calling with non-User credentials");
            }
            name = user.userName();
        }
        call.authorize("iam:GetUser", userArn(backend, accountId, name), "AccessDenied");
        IamXml.user(out, "User", backend.users().get(accountId, name), accountId, true);
    }

    /**
     * A user's MFA devices and signing certificates: the sandbox issues neither, so the list is
     * empty, as a new user's is on AWS (boto3's {@code user.mfa_devices} reads it). Without a
     * UserName it is the caller's own.
     */
    private void listNone(QueryParams p, ServiceCall call, XmlWriter out, String action, String element) {
        String name = p.get("UserName");
        if (name == null && call.caller() instanceof Caller.User user) {
            name = user.userName();
        }
        if (name != null) {
            call.authorize("iam:" + action, userArn(backend, call.accountId(), name), "AccessDenied");
            backend.users().get(call.accountId(), name);
        } else {
            call.authorize("iam:" + action, IamArns.root(call.accountId()), "AccessDenied");
        }
        out.start(element).end().element("IsTruncated", false);
    }

    private void listUsers(QueryParams p, ServiceCall call, XmlWriter out) {
        String prefix = IamParams.pathPrefix(p);
        call.authorize("iam:ListUsers", IamArns.listing(call.accountId(), "user", prefix), "AccessDenied");
        Page<IamUser> page = backend.users().list(call.accountId(), prefix, p.optional("Marker"), p.integer("MaxItems"));
        out.start("Users");
        // ListUsers leaves tags and the boundary out, as AWS does: they come from GetUser.
        page.items().forEach(u -> IamXml.user(out, "member", u, call.accountId(), false));
        out.end();
        IamXml.paging(out, page);
    }

    private void updateUser(QueryParams p, ServiceCall call, XmlWriter out) {
        String name = p.required("UserName");
        call.authorize("iam:UpdateUser", userArn(backend, call.accountId(), name), "AccessDenied");
        backend.users().update(call.accountId(), name, p.optional("NewUserName"), p.optional("NewPath"));
    }

    private void deleteUser(QueryParams p, ServiceCall call, XmlWriter out) {
        String name = p.required("UserName");
        call.authorize("iam:DeleteUser", userArn(backend, call.accountId(), name), "AccessDenied");
        backend.users().delete(call.accountId(), name);
    }
}
