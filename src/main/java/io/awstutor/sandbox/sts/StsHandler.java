package io.awstutor.sandbox.sts;

import io.awstutor.sandbox.auth.Caller;
import io.awstutor.sandbox.auth.Credential;
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
import java.util.Set;
import java.util.Optional;

/** STS over the AWS query protocol: who am I, role sessions, session tokens. */
public final class StsHandler extends QueryServiceHandler {
    public static final String NAMESPACE = "https://sts.amazonaws.com/doc/2011-06-15/";

    private final StsBackend backend;
    private static final Set<String> AWS_OPERATIONS = AwsOperations.load(StsHandler.class, "aws-operations.txt");

    private final Map<String, QueryAction> actions;

    public StsHandler(StsBackend backend) {
        super("sts", NAMESPACE, "2011-06-15", ResponseShape.WRAPPED_RESULT);
        this.backend = backend;
        this.actions = Map.of(
                "GetCallerIdentity", this::getCallerIdentity,
                "AssumeRole", this::assumeRole,
                "GetSessionToken", this::getSessionToken);
    }

    @Override
    protected Map<String, QueryAction> actions() {
        return actions;
    }

    @Override
    protected Set<String> awsOperations() {
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
        if (params.get("Policy") != null || !params.structs("PolicyArns").isEmpty()) {
            // a session policy narrows the role's permissions; ignoring it would grant more than AWS does
            throw AwsException.badRequest("UnsupportedParameter",
                    "The sandbox does not support session policies (Policy, PolicyArns) in AssumeRole yet.");
        }
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

    /** Needs no permission either (AWS does not check sts:GetSessionToken against policies). */
    private void getSessionToken(QueryParams params, ServiceCall call, XmlWriter result) {
        boolean signedWithSession = SignatureParser.parse(call.request())
                .flatMap(SignatureParts::securityToken).filter(t -> !t.isEmpty()).isPresent();
        Credential credential = backend.sessionToken(call.caller(), signedWithSession, params.integer("DurationSeconds").orElse(null));
        writeCredentials(result, credential);
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
