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
    private final Map<String, List<String>> values;
    private Instant now;

    RequestContext(EvaluationRequest request, Clock clock) {
        this.action = request.action();
        this.resource = request.resourceArn();
        this.resourceArn = ArnGlob.Arn.split(resource);
        this.caller = request.caller();
        this.clock = clock;
        Map<String, List<String>> supplied = request.context();
        this.values = new HashMap<>(supplied.size() * 2 + 8);
        derive(caller);
        for (Map.Entry<String, List<String>> e : supplied.entrySet()) {
            values.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue());
        }
    }

    private void derive(Caller c) {
        if (c instanceof Caller.Anonymous) {
            return;
        }
        put("aws:userid", c.userId());
        put("aws:principalaccount", c.accountId());
        if (c instanceof Caller.User u) {
            put("aws:username", u.userName());
            put("aws:principalarn", u.arn());
            put("aws:principaltype", "User");
        } else if (c instanceof Caller.AssumedRole r) {
            // aws:PrincipalArn of a role session is the role's ARN ("AWS global condition context keys")
            put("aws:principalarn", r.roleArn());
            put("aws:principaltype", "AssumedRole");
        } else {
            put("aws:principalarn", c.arn());
            put("aws:principaltype", "Account");
        }
    }

    private void put(String key, String value) {
        if (value != null) values.put(key, List.of(value));
    }

    String action() { return action; }
    String resource() { return resource; }
    ArnGlob.Arn resourceArn() { return resourceArn; }
    Caller caller() { return caller; }

    /** The key's values, or null when the request does not carry it (absent or empty). */
    List<String> values(String lowerCaseKey) {
        List<String> v = values.get(lowerCaseKey);
        if (v == null) {
            if (lowerCaseKey.equals(CURRENT_TIME)) {
                v = List.of(now().toString());
            } else if (lowerCaseKey.equals(EPOCH_TIME)) {
                v = List.of(Long.toString(now().getEpochSecond()));
            } else {
                return null;
            }
        }
        return v.isEmpty() ? null : v;
    }

    private Instant now() {
        if (now == null) now = clock.instant();
        return now;
    }

    /** A policy variable's value: defined when the key has exactly one value. */
    @Override
    public String apply(String key) {
        List<String> v = values(key.toLowerCase(Locale.ROOT));
        return v != null && v.size() == 1 ? v.get(0) : null;
    }
}
