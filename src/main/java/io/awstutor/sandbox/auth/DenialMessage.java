package io.awstutor.sandbox.auth;

/**
 * AWS's sentence for a refused request (since 2021 it says why):
 * {@code User: ARN is not authorized to perform: ACTION on resource: ARN because no
 * identity-based policy allows the ACTION action}, or {@code … with an explicit deny in a
 * resource-based policy}. Built from what decided the request, never from the explanation's
 * English. S3 quotes the resource; sts:AssumeRole's message gives no reason.
 */
public final class DenialMessage {
    private DenialMessage() {
    }

    public static String of(Caller caller, String action, String resourceArn, Authorizer.Decision decision,
                            boolean quoteResource) {
        String resource = quoteResource ? "\"" + resourceArn + "\"" : resourceArn;
        return "User: " + caller.arn() + " is not authorized to perform: " + action + " on resource: " + resource
                + because(action, decision);
    }

    private static String because(String action, Authorizer.Decision decision) {
        if (action.equalsIgnoreCase("sts:AssumeRole")) {
            return "";
        }
        if (decision.explicitDeny()) {
            return " with an explicit deny in " + switch (decision.basis()) {
                case RESOURCE_POLICY -> "a resource-based policy";
                case PERMISSIONS_BOUNDARY -> "a permissions boundary";
                default -> "an identity-based policy";
            };
        }
        return switch (decision.basis()) {
            case PERMISSIONS_BOUNDARY -> " because no permissions boundary allows the " + action + " action";
            case NO_RESOURCE_ALLOW -> " because no resource-based policy allows the " + action + " action";
            default -> " because no identity-based policy allows the " + action + " action";
        };
    }
}
