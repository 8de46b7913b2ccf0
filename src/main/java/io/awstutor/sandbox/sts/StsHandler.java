package io.awstutor.sandbox.sts;

import io.awstutor.sandbox.protocol.ValidationErrors;
import io.awstutor.sandbox.auth.Caller;
import io.awstutor.sandbox.auth.Credential;
import io.awstutor.sandbox.auth.CredentialStore;
import io.awstutor.sandbox.auth.SignatureParser;
import io.awstutor.sandbox.auth.SignatureParts;
import io.awstutor.sandbox.http.ServiceCall;
import io.awstutor.sandbox.protocol.AwsException;
import io.awstutor.sandbox.protocol.QueryParams;
import io.awstutor.sandbox.protocol.AwsOperations;
import io.awstutor.sandbox.protocol.QueryServiceHandler;
import io.awstutor.sandbox.protocol.XmlWriter;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** STS over the AWS query protocol: who am I, role sessions, session tokens. */
public final class StsHandler extends QueryServiceHandler {
    public static final String NAMESPACE = "https://sts.amazonaws.com/doc/2011-06-15/";

    private static final AwsOperations AWS_OPERATIONS = AwsOperations.load(StsHandler.class, "aws-operations.txt");
    /** Request parameter to what it is, for {@link #refuseUnsupported}. */
    private static final Map<String, String> UNSUPPORTED_PARAMETERS = Map.of(
            "Policy", "session policies", "PolicyArns", "session policies", "Tags", "session tags",
            "TransitiveTagKeys", "session tags", "SourceIdentity", "source identities",
            "SerialNumber", "MFA devices", "TokenCode", "MFA devices", "ProvidedContexts", "provided contexts");
    private static final Pattern ACCESS_KEY_ID = Pattern.compile("[\\w]+");

    private final StsBackend backend;
    private final CredentialStore keys;
    private final Map<String, QueryAction> actions;

    /** {@code keys}: every key the sandbox knows, for GetAccessKeyInfo. */
    public StsHandler(StsBackend backend, CredentialStore keys) {
        super("sts", NAMESPACE, "2011-06-15", ResponseShape.WRAPPED_RESULT);
        this.backend = backend;
        this.keys = keys;
        this.actions = Map.of(
                "GetCallerIdentity", this::getCallerIdentity,
                "AssumeRole", this::assumeRole,
                "GetSessionToken", this::getSessionToken,
                "GetAccessKeyInfo", this::getAccessKeyInfo);
    }

    @Override
    protected Map<String, QueryAction> actions() {
        return actions;
    }

    @Override
    protected AwsOperations awsOperations() {
        return AWS_OPERATIONS;
    }

    /** Needs no permission: AWS answers it even when every action is denied. */
    private void getCallerIdentity(QueryParams params, ServiceCall call, XmlWriter result) {
        result.element("Arn", call.caller().arn())
                .element("UserId", call.caller().userId())
                .element("Account", call.caller().accountId());
    }

    /**
     * The caller must be allowed sts:AssumeRole on the role by the policies that apply (its
     * identity policies, and the role's trust policy, which must itself allow the caller).
     */
    private void assumeRole(QueryParams params, ServiceCall call, XmlWriter result) {
        String roleArn = params.get("RoleArn");
        String sessionName = params.get("RoleSessionName");
        Integer duration = params.integer("DurationSeconds").orElse(null);
        StsBackend.validateAssumeRole(roleArn, sessionName, duration);
        refuseUnsupported(params, "AssumeRole");
        RoleInfo role = backend.roleToAssume(call.caller(), roleArn);
        Map<String, List<String>> context = new HashMap<>();
        context.put("sts:RoleSessionName", List.of(sessionName));
        params.optional("ExternalId").ifPresent(id -> context.put("sts:ExternalId", List.of(id)));
        call.authorize("sts:AssumeRole", roleArn, "AccessDenied", context, Optional.of(role.trustPolicy()));
        Credential credential = backend.assumeRole(call.caller(), role, sessionName, duration);
        Caller.AssumedRole session = (Caller.AssumedRole) credential.caller();
        writeCredentials(result, credential);
        result.start("AssumedRoleUser")
                .element("AssumedRoleId", session.userId())
                .element("Arn", session.arn())
                .end();
    }

    /**
     * Parameters the sandbox does not implement, each of which AWS would check or enforce
     * (a session policy narrows the session; session tags need sts:TagSession; a source
     * identity sts:SetSourceIdentity; an MFA code a device that verifies it): ignoring one would
     * grant more than AWS does, so the call is refused, naming it.
     */
    private static void refuseUnsupported(QueryParams params, String operation) {
        UNSUPPORTED_PARAMETERS.forEach((name, what) -> {
            if (params.get(name) != null || !params.list(name).isEmpty() || !params.structs(name).isEmpty()) {
                throw AwsException.badRequest("UnsupportedParameter", "The sandbox does not support " + what
                        + " (" + name + ") in " + operation + " yet.");
            }
        });
    }

    /** Needs no permission either (AWS does not check sts:GetSessionToken against policies). */
    private void getSessionToken(QueryParams params, ServiceCall call, XmlWriter result) {
        refuseUnsupported(params, "GetSessionToken");
        boolean signedWithSession = SignatureParser.parse(call.request())
                .flatMap(SignatureParts::securityToken).filter(t -> !t.isEmpty()).isPresent();
        Credential credential = backend.sessionToken(call.caller(), signedWithSession, params.integer("DurationSeconds").orElse(null));
        writeCredentials(result, credential);
    }

    /**
     * The account a key belongs to, whoever asks (AWS: any account's key, in any state). AWS
     * decodes it from the key id; the sandbox knows only the keys it issued, and says so for
     * any other rather than guess an account.
     */
    private void getAccessKeyInfo(QueryParams params, ServiceCall call, XmlWriter result) {
        String keyId = params.get("AccessKeyId");
        if (keyId == null) {
            throw ValidationErrors.missing("accessKeyId");
        }
        if (keyId.length() < 16 || keyId.length() > 128) {
            throw ValidationErrors.invalid(keyId, "accessKeyId",
                    keyId.length() < 16 ? ValidationErrors.minLength(16) : ValidationErrors.maxLength(128));
        }
        if (!ACCESS_KEY_ID.matcher(keyId).matches()) {
            throw ValidationErrors.invalid(keyId, "accessKeyId", ValidationErrors.pattern("[\\w]*"));
        }
        call.authorize("sts:GetAccessKeyInfo", "*", "AccessDenied");
        Credential key = keys.lookup(keyId).orElseThrow(() -> AwsException.badRequest("InvalidParameterValue",
                "The sandbox did not issue the access key " + keyId + ", so it cannot tell its account "
                        + "(it knows the keys of its own IAM users, its STS sessions and the root key)."));
        result.element("Account", key.caller().accountId());
    }

    private static void writeCredentials(XmlWriter result, Credential credential) {
        result.start("Credentials")
                .element("AccessKeyId", credential.accessKeyId())
                .element("SecretAccessKey", credential.secretAccessKey())
                .element("SessionToken", credential.sessionToken().orElseThrow())
                .element("Expiration", credential.expiration().orElseThrow())
                .end();
    }
}
