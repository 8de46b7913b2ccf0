package io.awstutor.sandbox.iam;

import io.awstutor.sandbox.protocol.Tag;
import io.awstutor.sandbox.auth.Caller;
import io.awstutor.sandbox.http.ServiceCall;
import io.awstutor.sandbox.protocol.AwsException;
import io.awstutor.sandbox.protocol.QueryParams;
import io.awstutor.sandbox.protocol.QueryServiceHandler.QueryAction;
import io.awstutor.sandbox.protocol.XmlWriter;

import java.util.Map;

/** Instance profiles, login profiles and the account password policy. */
final class ProfileActions {
    private final IamBackend backend;

    ProfileActions(IamBackend backend) {
        this.backend = backend;
    }

    void register(Map<String, QueryAction> actions) {
        actions.put("CreateInstanceProfile", this::createInstanceProfile);
        actions.put("GetInstanceProfile", this::getInstanceProfile);
        actions.put("ListInstanceProfiles", this::listInstanceProfiles);
        actions.put("ListInstanceProfilesForRole", this::listInstanceProfilesForRole);
        actions.put("DeleteInstanceProfile", this::deleteInstanceProfile);
        actions.put("AddRoleToInstanceProfile", this::addRole);
        actions.put("RemoveRoleFromInstanceProfile", this::removeRole);
        actions.put("TagInstanceProfile", this::tagProfile);
        actions.put("UntagInstanceProfile", this::untagProfile);
        actions.put("ListInstanceProfileTags", this::listProfileTags);
        actions.put("CreateLoginProfile", this::createLoginProfile);
        actions.put("GetLoginProfile", this::getLoginProfile);
        actions.put("UpdateLoginProfile", this::updateLoginProfile);
        actions.put("DeleteLoginProfile", this::deleteLoginProfile);
        actions.put("GetAccountPasswordPolicy", this::getPasswordPolicy);
        actions.put("UpdateAccountPasswordPolicy", this::updatePasswordPolicy);
        actions.put("DeleteAccountPasswordPolicy", this::deletePasswordPolicy);
    }

    private String profileArn(String accountId, String name) {
        return backend.instanceProfiles().find(accountId, name).map(p -> p.arn(accountId))
                .orElse(IamArns.of(accountId, "instance-profile", "/", name));
    }

    private void createInstanceProfile(QueryParams p, ServiceCall call, XmlWriter out) {
        String name = p.required("InstanceProfileName");
        String path = p.getOrDefault("Path", "/");
        call.authorize("iam:CreateInstanceProfile", IamArns.of(call.accountId(), "instance-profile", path, name), "AccessDenied");
        IamXml.instanceProfile(out, "InstanceProfile",
                backend.instanceProfiles().create(call.accountId(), name, path, IamParams.tags(p)), call.accountId());
    }

    private void getInstanceProfile(QueryParams p, ServiceCall call, XmlWriter out) {
        String name = p.required("InstanceProfileName");
        call.authorize("iam:GetInstanceProfile", profileArn(call.accountId(), name), "AccessDenied");
        IamXml.instanceProfile(out, "InstanceProfile", backend.instanceProfiles().get(call.accountId(), name), call.accountId());
    }

    private void listInstanceProfiles(QueryParams p, ServiceCall call, XmlWriter out) {
        String prefix = IamParams.pathPrefix(p);
        call.authorize("iam:ListInstanceProfiles", IamArns.listing(call.accountId(), "instance-profile", prefix), "AccessDenied");
        writeProfiles(out, backend.instanceProfiles().list(call.accountId(), prefix, p.optional("Marker"), p.integer("MaxItems")), call);
    }

    private void listInstanceProfilesForRole(QueryParams p, ServiceCall call, XmlWriter out) {
        String role = p.required("RoleName");
        call.authorize("iam:ListInstanceProfilesForRole", RoleActions.roleArn(backend, call.accountId(), role), "AccessDenied");
        writeProfiles(out, backend.instanceProfiles().listForRole(call.accountId(), role, p.optional("Marker"), p.integer("MaxItems")), call);
    }

    private static void writeProfiles(XmlWriter out, Page<InstanceProfiles.ProfileView> page, ServiceCall call) {
        out.start("InstanceProfiles");
        page.items().forEach(v -> IamXml.instanceProfile(out, "member", v, call.accountId()));
        out.end();
        IamXml.paging(out, page);
    }

    private void deleteInstanceProfile(QueryParams p, ServiceCall call, XmlWriter out) {
        String name = p.required("InstanceProfileName");
        call.authorize("iam:DeleteInstanceProfile", profileArn(call.accountId(), name), "AccessDenied");
        backend.instanceProfiles().delete(call.accountId(), name);
    }

    private void addRole(QueryParams p, ServiceCall call, XmlWriter out) {
        String name = p.required("InstanceProfileName");
        String role = p.required("RoleName");
        call.authorize("iam:AddRoleToInstanceProfile", profileArn(call.accountId(), name), "AccessDenied");
        backend.instanceProfiles().addRole(call.accountId(), name, role);
    }

    private void removeRole(QueryParams p, ServiceCall call, XmlWriter out) {
        String name = p.required("InstanceProfileName");
        String role = p.required("RoleName");
        call.authorize("iam:RemoveRoleFromInstanceProfile", profileArn(call.accountId(), name), "AccessDenied");
        backend.instanceProfiles().removeRole(call.accountId(), name, role);
    }

    private void tagProfile(QueryParams p, ServiceCall call, XmlWriter out) {
        String name = p.required("InstanceProfileName");
        call.authorize("iam:TagInstanceProfile", profileArn(call.accountId(), name), "AccessDenied");
        backend.instanceProfiles().tag(call.accountId(), name, IamParams.tags(p));
    }

    private void untagProfile(QueryParams p, ServiceCall call, XmlWriter out) {
        String name = p.required("InstanceProfileName");
        call.authorize("iam:UntagInstanceProfile", profileArn(call.accountId(), name), "AccessDenied");
        backend.instanceProfiles().untag(call.accountId(), name, p.list("TagKeys"));
    }

    private void listProfileTags(QueryParams p, ServiceCall call, XmlWriter out) {
        String name = p.required("InstanceProfileName");
        call.authorize("iam:ListInstanceProfileTags", profileArn(call.accountId(), name), "AccessDenied");
        Page<Tag> page = Tagging.page(backend.instanceProfiles().get(call.accountId(), name).profile().tags(), p.optional("Marker"), p.integer("MaxItems"));
        IamXml.tags(out, "Tags", page.items());
        IamXml.paging(out, page);
    }

    private static String loginUser(QueryParams p, ServiceCall call) {
        String name = p.get("UserName");
        if (name != null) {
            return name;
        }
        if (call.caller() instanceof Caller.User user) {
            return user.userName();
        }
        throw AwsException.validation("Must specify userName when calling with non-User credentials");
    }

    private void createLoginProfile(QueryParams p, ServiceCall call, XmlWriter out) {
        String user = loginUser(p, call);
        String password = p.required("Password");
        call.authorize("iam:CreateLoginProfile", UserActions.userArn(backend, call.accountId(), user), "AccessDenied");
        LoginProfile profile = backend.loginProfiles().create(call.accountId(), user, password,
                p.bool("PasswordResetRequired").orElse(false));
        writeLoginProfile(out, profile);
    }

    private void getLoginProfile(QueryParams p, ServiceCall call, XmlWriter out) {
        String user = loginUser(p, call);
        call.authorize("iam:GetLoginProfile", UserActions.userArn(backend, call.accountId(), user), "AccessDenied");
        writeLoginProfile(out, backend.loginProfiles().get(call.accountId(), user));
    }

    private static void writeLoginProfile(XmlWriter out, LoginProfile profile) {
        out.start("LoginProfile")
                .element("UserName", profile.userName())
                .element("CreateDate", profile.created())
                .element("PasswordResetRequired", profile.passwordResetRequired())
                .end();
    }

    private void updateLoginProfile(QueryParams p, ServiceCall call, XmlWriter out) {
        String user = p.required("UserName");
        call.authorize("iam:UpdateLoginProfile", UserActions.userArn(backend, call.accountId(), user), "AccessDenied");
        backend.loginProfiles().update(call.accountId(), user, p.optional("Password"), p.bool("PasswordResetRequired"));
    }

    private void deleteLoginProfile(QueryParams p, ServiceCall call, XmlWriter out) {
        String user = loginUser(p, call);
        call.authorize("iam:DeleteLoginProfile", UserActions.userArn(backend, call.accountId(), user), "AccessDenied");
        backend.loginProfiles().delete(call.accountId(), user);
    }

    private void getPasswordPolicy(QueryParams p, ServiceCall call, XmlWriter out) {
        call.authorize("iam:GetAccountPasswordPolicy", "*", "AccessDenied");
        PasswordPolicy policy = backend.loginProfiles().passwordPolicy(call.accountId())
                .orElseThrow(() -> LoginProfiles.noPasswordPolicy(call.accountId()));
        out.start("PasswordPolicy")
                .element("MinimumPasswordLength", policy.minimumPasswordLength())
                .element("RequireSymbols", policy.requireSymbols())
                .element("RequireNumbers", policy.requireNumbers())
                .element("RequireUppercaseCharacters", policy.requireUppercaseCharacters())
                .element("RequireLowercaseCharacters", policy.requireLowercaseCharacters())
                .element("AllowUsersToChangePassword", policy.allowUsersToChangePassword())
                .element("ExpirePasswords", policy.maxPasswordAge() != null)
                .element("MaxPasswordAge", policy.maxPasswordAge())
                .element("PasswordReusePrevention", policy.passwordReusePrevention())
                .element("HardExpiry", policy.hardExpiry())
                .end();
    }

    private void updatePasswordPolicy(QueryParams p, ServiceCall call, XmlWriter out) {
        call.authorize("iam:UpdateAccountPasswordPolicy", "*", "AccessDenied");
        backend.loginProfiles().setPasswordPolicy(call.accountId(), new PasswordPolicy(
                p.integer("MinimumPasswordLength").orElse(8),
                p.bool("RequireSymbols").orElse(false),
                p.bool("RequireNumbers").orElse(false),
                p.bool("RequireUppercaseCharacters").orElse(false),
                p.bool("RequireLowercaseCharacters").orElse(false),
                p.bool("AllowUsersToChangePassword").orElse(false),
                p.integer("MaxPasswordAge").orElse(null),
                p.integer("PasswordReusePrevention").orElse(null),
                p.bool("HardExpiry").orElse(false)));
    }

    private void deletePasswordPolicy(QueryParams p, ServiceCall call, XmlWriter out) {
        call.authorize("iam:DeleteAccountPasswordPolicy", "*", "AccessDenied");
        backend.loginProfiles().deletePasswordPolicy(call.accountId());
    }
}
