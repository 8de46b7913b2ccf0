package io.awstutor.sandbox.iam;

import io.awstutor.sandbox.auth.Caller;
import io.awstutor.sandbox.http.ServiceCall;
import io.awstutor.sandbox.protocol.AwsException;
import io.awstutor.sandbox.protocol.QueryParams;
import io.awstutor.sandbox.protocol.QueryServiceHandler.QueryAction;
import io.awstutor.sandbox.protocol.XmlWriter;

import java.util.Map;

/** CreateAccessKey, ListAccessKeys, UpdateAccessKey, DeleteAccessKey, GetAccessKeyLastUsed. */
final class AccessKeyActions {
    private final IamBackend backend;

    AccessKeyActions(IamBackend backend) {
        this.backend = backend;
    }

    void register(Map<String, QueryAction> actions) {
        actions.put("CreateAccessKey", this::create);
        actions.put("ListAccessKeys", this::list);
        actions.put("UpdateAccessKey", this::update);
        actions.put("DeleteAccessKey", this::delete);
        actions.put("GetAccessKeyLastUsed", this::lastUsed);
    }

    /**
     * Without UserName the keys are the caller's own. The root user's keys are not IAM's to
     * manage here (the sandbox's root pair is fixed), so root must name a user.
     */
    private static String userName(QueryParams p, ServiceCall call) {
        String name = p.get("UserName");
        if (name != null) {
            return name;
        }
        if (call.caller() instanceof Caller.User user) {
            return user.userName();
        }
        if (call.caller() instanceof Caller.Root) {
            throw AwsException.validation("The root user's access keys cannot be managed in this sandbox: specify UserName.");
        }
        throw AwsException.validation("Must specify userName when calling with non-User credentials");
    }

    private void create(QueryParams p, ServiceCall call, XmlWriter out) {
        String name = userName(p, call);
        call.authorize("iam:CreateAccessKey", UserActions.userArn(backend, call.accountId(), name), "AccessDenied");
        AccessKey key = backend.accessKeys().create(call.accountId(), name);
        out.start("AccessKey")
                .element("UserName", key.userName())
                .element("AccessKeyId", key.id())
                .element("Status", key.status())
                .element("SecretAccessKey", key.secret())
                .element("CreateDate", key.created())
                .end();
    }

    private void list(QueryParams p, ServiceCall call, XmlWriter out) {
        String name = userName(p, call);
        call.authorize("iam:ListAccessKeys", UserActions.userArn(backend, call.accountId(), name), "AccessDenied");
        Page<AccessKey> page = backend.accessKeys().list(call.accountId(), name, p.optional("Marker"), p.integer("MaxItems"));
        out.start("AccessKeyMetadata");
        for (AccessKey key : page.items()) {
            out.start("member")
                    .element("UserName", key.userName())
                    .element("AccessKeyId", key.id())
                    .element("Status", key.status())
                    .element("CreateDate", key.created())
                    .end();
        }
        out.end();
        IamXml.paging(out, page);
    }

    private void update(QueryParams p, ServiceCall call, XmlWriter out) {
        String name = userName(p, call);
        call.authorize("iam:UpdateAccessKey", UserActions.userArn(backend, call.accountId(), name), "AccessDenied");
        backend.accessKeys().update(call.accountId(), name, p.required("AccessKeyId"), p.required("Status"));
    }

    private void delete(QueryParams p, ServiceCall call, XmlWriter out) {
        String name = userName(p, call);
        call.authorize("iam:DeleteAccessKey", UserActions.userArn(backend, call.accountId(), name), "AccessDenied");
        backend.accessKeys().delete(call.accountId(), name, p.required("AccessKeyId"));
    }

    private void lastUsed(QueryParams p, ServiceCall call, XmlWriter out) {
        String keyId = p.required("AccessKeyId");
        AccessKeys.LastUsed used = backend.accessKeys().lastUsed(call.accountId(), keyId);
        call.authorize("iam:GetAccessKeyLastUsed", UserActions.userArn(backend, call.accountId(), used.userName()), "AccessDenied");
        out.element("UserName", used.userName()).start("AccessKeyLastUsed");
        if (used.use().isPresent()) {
            out.element("LastUsedDate", used.use().get().when())
                    .element("ServiceName", used.use().get().service())
                    .element("Region", used.use().get().region());
        } else {
            out.element("ServiceName", "N/A").element("Region", "N/A");
        }
        out.end();
    }
}
