package io.awstutor.sandbox.sts;

import io.awstutor.sandbox.protocol.Arns;
import io.awstutor.sandbox.protocol.ValidationErrors;
import io.awstutor.sandbox.SandboxContext;
import io.awstutor.sandbox.auth.Caller;
import io.awstutor.sandbox.auth.Credential;
import io.awstutor.sandbox.protocol.AwsException;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * STS's rules: who may get which temporary credentials for how long. Authorization (the
 * caller's sts:AssumeRole permission and the role's trust policy) is the adapter's call to
 * make before {@link #assumeRole}; this class knows the limits AWS sets.
 */
public final class StsBackend {
    public static final int MIN_DURATION = 900;
    public static final int MAX_ASSUME_ROLE_DURATION = 43200;
    public static final int MAX_SESSION_TOKEN_DURATION = 129600;
    public static final int DEFAULT_SESSION_TOKEN_DURATION = 43200;
    /** Root's session tokens last at most an hour. */
    public static final int MAX_ROOT_SESSION_TOKEN_DURATION = 3600;
    /** A role session assuming another role ("role chaining") gets at most an hour. */
    public static final int MAX_CHAINED_DURATION = 3600;
    private static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]*");
    private static final Pattern ACCOUNT_ID = Pattern.compile("^\\d{12}$");

    private final SandboxContext context;
    private final RoleDirectory roles;
    private final StsSessions sessions;
    private final Optional<SessionsFile> file;

    public StsBackend(SandboxContext context, RoleDirectory roles) {
        this.context = context;
        this.roles = roles;
        this.sessions = new StsSessions();
        this.file = context.dataDirFor("sts").map(dir -> new SessionsFile(dir.resolve("sessions.json")));
        file.ifPresent(f -> sessions.restore(f.load()));
    }

    /** The credential store of the sessions this backend issues. */
    public StsSessions sessions() {
        return sessions;
    }

    /** Parameter checks AWS makes before anything else. */
    public static void validateAssumeRole(String roleArn, String sessionName, Integer durationSeconds) {
        if (roleArn == null) {
            throw ValidationErrors.missing("roleArn");
        }
        if (roleArn.length() < 20) {
            throw ValidationErrors.invalid(roleArn, "roleArn", ValidationErrors.minLength(20));
        }
        if (sessionName == null) {
            throw ValidationErrors.missing("roleSessionName");
        }
        if (sessionName.length() < 2 || sessionName.length() > 64) {
            throw ValidationErrors.invalid(sessionName, "roleSessionName",
                    sessionName.length() < 2 ? ValidationErrors.minLength(2) : ValidationErrors.maxLength(64));
        }
        if (!SESSION_NAME.matcher(sessionName).matches()) {
            throw ValidationErrors.invalid(sessionName, "roleSessionName", ValidationErrors.pattern("[\\w+=,.@-]*"));
        }
        validateDuration(durationSeconds, MAX_ASSUME_ROLE_DURATION);
    }

    private static void validateDuration(Integer seconds, int max) {
        if (seconds == null) {
            return;
        }
        if (seconds < MIN_DURATION) {
            throw ValidationErrors.invalid(seconds, "durationSeconds", ValidationErrors.minValue(MIN_DURATION));
        }
        if (seconds > max) {
            throw ValidationErrors.invalid(seconds, "durationSeconds", ValidationErrors.maxValue(max));
        }
    }

    /**
     * The role to assume, or AWS's answer when it cannot be: root may not assume roles, and a
     * role that does not exist is refused exactly like one the caller may not assume.
     */
    public RoleInfo roleToAssume(Caller caller, String roleArn) {
        if (caller instanceof Caller.Root) {
            throw AwsException.forbidden("AccessDenied", "Roles may not be assumed by root accounts.");
        }
        Optional<RoleInfo> role = Arns.parse(roleArn)
                .filter(a -> a.service().equals("iam") && a.resourceAsString().startsWith("role/") && a.resourceAsString().length() > 5)
                .flatMap(a -> a.accountId().filter(ACCOUNT_ID.asPredicate()))
                .flatMap(account -> roles.role(account, roleArn));
        return role.orElseThrow(() -> AwsException.forbidden("AccessDenied", "User: " + caller.arn()
                + " is not authorized to perform: sts:AssumeRole on resource: " + roleArn));
    }

    /** A session of the role, once the caller has been allowed to assume it. */
    public Credential assumeRole(Caller caller, RoleInfo role, String sessionName, Integer durationSeconds) {
        int duration = durationSeconds == null ? 3600 : durationSeconds;
        if (caller instanceof Caller.AssumedRole && duration > MAX_CHAINED_DURATION) {
            throw AwsException.validation("The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.");
        }
        if (duration > role.maxSessionDurationSeconds()) {
            throw AwsException.validation("The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
        }
        Caller session = new Caller.AssumedRole(role.accountId(), role.roleName(), role.roleId(), sessionName);
        return issue(session, duration);
    }

    /**
     * GetSessionToken: the caller's own permissions, for a while. Only long-term keys may ask:
     * not role sessions, nor a session token's own credentials ({@code withSessionCredentials}).
     */
    public Credential sessionToken(Caller caller, boolean withSessionCredentials, Integer durationSeconds) {
        if (caller instanceof Caller.AssumedRole || withSessionCredentials) {
            throw AwsException.forbidden("AccessDenied", "Cannot call GetSessionToken with session credentials");
        }
        validateDuration(durationSeconds, MAX_SESSION_TOKEN_DURATION);
        int duration = durationSeconds == null ? DEFAULT_SESSION_TOKEN_DURATION : durationSeconds;
        if (caller instanceof Caller.Root) {
            duration = Math.min(duration, MAX_ROOT_SESSION_TOKEN_DURATION);
        }
        return issue(caller, duration);
    }

    private Credential issue(Caller caller, int seconds) {
        Instant now = context.now();
        Credential credential = sessions.issue(caller, now, now.plusSeconds(seconds));
        file.ifPresent(f -> f.save(sessions.all()));
        return credential;
    }
}
