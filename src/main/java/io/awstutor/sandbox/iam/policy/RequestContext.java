package io.awstutor.sandbox.iam.policy;

import io.awstutor.sandbox.auth.Caller;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * One request as the evaluator sees it: the action, the resource ARN cut into components, and
 * the condition keys (case-insensitive, as IAM's keys are). Keys derived from the caller
 * (aws:username, aws:userid, aws:PrincipalArn, aws:PrincipalAccount, aws:PrincipalType) and the
 * clock (aws:CurrentTime, aws:EpochTime) are filled in unless the request supplies them.
 * Also the source of policy variables: a variable is defined when its key has exactly one value.
 */
final class RequestContext implements Function<String, String> {
    static final String CURRENT_TIME = "aws:currenttime";
    static final String EPOCH_TIME = "aws:epochtime";

    private final String action;
    private final String resource;
    private final ArnGlob.Arn resourceArn;
    private final Caller caller;
    private final Clock clock;
    private final Map<String, List<String>> supplied;
    /** The supplied keys lower-cased, built only when a key is looked up in another case. */
    private Map<String, List<String>> suppliedLowerCase;
    private Instant now;

    RequestContext(EvaluationRequest request, Clock clock) {
        this.action = request.action();
        this.resource = request.resourceArn();
        this.resourceArn = ArnGlob.Arn.split(resource);
        this.caller = request.caller();
        this.clock = clock;
        this.supplied = request.context();
    }

    /** Keys IAM derives from the caller and the clock, when the request did not supply them. */
    private List<String> derived(String lowerCaseKey) {
        Caller c = caller;
        if (lowerCaseKey.equals(CURRENT_TIME)) return List.of(now().toString());
        if (lowerCaseKey.equals(EPOCH_TIME)) return List.of(Long.toString(now().getEpochSecond()));
        if (c instanceof Caller.Anonymous) return null;
        return switch (lowerCaseKey) {
            case "aws:userid" -> List.of(c.userId());
            case "aws:principalaccount" -> List.of(c.accountId());
            case "aws:username" -> c instanceof Caller.User u ? List.of(u.userName()) : null;
            // aws:PrincipalArn of a role session is the role's ARN ("AWS global condition context keys")
            case "aws:principalarn" -> List.of(c instanceof Caller.AssumedRole r ? r.roleArn() : c.arn());
            case "aws:principaltype" -> List.of(c instanceof Caller.User ? "User"
                    : c instanceof Caller.AssumedRole ? "AssumedRole" : "Account");
            default -> null;
        };
    }

    String action() { return action; }
    String resource() { return resource; }
    ArnGlob.Arn resourceArn() { return resourceArn; }
    Caller caller() { return caller; }

    /** The key's values, or null when the request does not carry it (absent or empty). */
    List<String> values(String key, String lowerCaseKey) {
        List<String> v = supplied.get(key);
        if (v == null) {
            if (suppliedLowerCase == null) {
                suppliedLowerCase = new HashMap<>(supplied.size() * 2);
                for (Map.Entry<String, List<String>> e : supplied.entrySet()) {
                    suppliedLowerCase.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue());
                }
            }
            v = suppliedLowerCase.get(lowerCaseKey);
            if (v == null) v = derived(lowerCaseKey);
        }
        return v == null || v.isEmpty() ? null : v;
    }

    List<String> values(String lowerCaseKey) {
        return values(lowerCaseKey, lowerCaseKey);
    }

    private Instant now() {
        if (now == null) now = clock.instant();
        return now;
    }

    /** A policy variable's value: defined when the key has exactly one value. */
    @Override
    public String apply(String key) {
        List<String> v = values(key, key.toLowerCase(Locale.ROOT));
        return v != null && v.size() == 1 ? v.get(0) : null;
    }
}
