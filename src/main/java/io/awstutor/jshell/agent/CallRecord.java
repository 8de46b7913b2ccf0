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
}
