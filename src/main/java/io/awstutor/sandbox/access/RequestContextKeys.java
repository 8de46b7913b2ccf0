package io.awstutor.sandbox.access;

import io.awstutor.sandbox.auth.Caller;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The global condition keys every request carries into policy evaluation, as IAM defines
 * them: aws:SourceIp, aws:SecureTransport (the sandbox speaks plain HTTP), the times, the
 * principal's name, id, ARN, account and type, and the requested region.
 */
public final class RequestContextKeys {
    private RequestContextKeys() {
    }

    /** Global services with one endpoint, which is in us-east-1. */
    private static final java.util.Set<String> US_EAST_1_SERVICES = java.util.Set.of("iam", "cloudfront");

    /**
     * The aws:RequestedRegion of a request: the region it was signed for, except that every
     * call to a global service with its endpoint in us-east-1 (IAM, CloudFront) is made to
     * us-east-1 ("AWS: Denies access to AWS based on the requested Region"), whatever region a
     * client signs it with when given an endpoint URL; the SDK's aws-global is us-east-1 too.
     */
    public static String requestedRegion(String service, String scopeRegion) {
        return US_EAST_1_SERVICES.contains(service) || "aws-global".equals(scopeRegion) ? "us-east-1" : scopeRegion;
    }

    public static Map<String, List<String>> base(Caller caller, String sourceIp, String region, Instant now) {
        Map<String, List<String>> context = new HashMap<>();
        context.put("aws:SourceIp", List.of(sourceIp));
        context.put("aws:SecureTransport", List.of("false"));
        context.put("aws:CurrentTime", List.of(DateTimeFormatter.ISO_INSTANT.format(now.truncatedTo(ChronoUnit.SECONDS))));
        context.put("aws:EpochTime", List.of(String.valueOf(now.getEpochSecond())));
        context.put("aws:RequestedRegion", List.of(region));
        if (caller instanceof Caller.Root root) {
            principal(context, root.arn(), root.accountId(), root.userId(), "Account");
        } else if (caller instanceof Caller.User user) {
            principal(context, user.arn(), user.accountId(), user.userId(), "User");
            context.put("aws:username", List.of(user.userName()));
        } else if (caller instanceof Caller.AssumedRole role) {
            principal(context, role.roleArn(), role.accountId(), role.userId(), "AssumedRole");
        } else {
            context.put("aws:PrincipalType", List.of("Anonymous"));
        }
        return context;
    }

    private static void principal(Map<String, List<String>> context, String arn, String account, String userId, String type) {
        context.put("aws:PrincipalArn", List.of(arn));
        context.put("aws:PrincipalAccount", List.of(account));
        context.put("aws:userid", List.of(userId));
        context.put("aws:PrincipalType", List.of(type));
    }
}
