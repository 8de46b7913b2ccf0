package io.awstutor.jshell.agent;

import java.util.Map;

/**
 * One call a learner's client made, as the shell sees it after the snippet: which service
 * and operation, whether it worked, AWS's error code and status when not, and the simple
 * fields of the request and response (secrets masked) from which the shell tells what changed.
 */
public record CallRecord(String service, String operation, String region, boolean ok, int status,
                         String errorCode, String errorMessage, String requestId,
                         Map<String, Object> request, Map<String, Object> response) {

    /**
     * The region the call's resource lives in: the client's, except for an S3 CreateBucket
     * sent to us-east-1, which S3 places wherever its location constraint says ("EU" is
     * Ireland's old name).
     */
    public String resourceRegion() {
        if ("CreateBucket".equals(operation) && request != null
                && request.get("CreateBucketConfiguration") instanceof Map<?, ?> configuration
                && configuration.get("LocationConstraint") instanceof String constraint && !constraint.isBlank()) {
            return constraint.equals("EU") ? "eu-west-1" : constraint;
        }
        return region;
    }
}
