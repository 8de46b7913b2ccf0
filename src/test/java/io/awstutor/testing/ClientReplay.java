package io.awstutor.testing;

import io.awstutor.sandbox.http.CallListener;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A failed {@code terraform apply} whose error was the sandbox's answer to a request the
 * client sent a second time, after the sandbox had already carried out the first one.
 *
 * <p>Under load the AWS provider's HTTP client (Go's net/http with aws-sdk-go-v2) sometimes
 * drops a response it has started to receive: the response head arrives, the body follows a
 * few milliseconds later, and by then the client has closed the connection. The SDK retries
 * every such transport error, idempotent call or not, so a non-idempotent call such as
 * AuthorizeSecurityGroupEgress reaches the sandbox twice. The second one meets the rule the
 * first one added and is refused with InvalidPermission.Duplicate, exactly as AWS refuses it
 * (EC2 has no client token for that call). That is the client's failure, not the sandbox's.
 *
 * <p>It is recognised only from both sides' records, so that a real double call (a sandbox bug)
 * is never mistaken for it: the apply's error names the operation and a 4xx answer, Terraform's
 * debug log says the SDK retried that operation ({@code retrying request EC2/Op, attempt 2}),
 * and the sandbox's call log shows it had answered that operation with a 2xx before it
 * answered with the error.
 */
public record ClientReplay(String service, String operation, int status) {
    private static final Pattern OPERATION_ERROR =
            Pattern.compile("operation error ([A-Za-z0-9 ]+): (\\w+), https response error StatusCode: (4\\d\\d)");

    /** The replay that explains {@code applyOutput}'s error, if the logs prove one. */
    public static Optional<ClientReplay> of(String applyOutput, String debugLog, List<CallListener.Call> calls) {
        Matcher error = OPERATION_ERROR.matcher(applyOutput);
        if (!error.find()) {
            return Optional.empty();
        }
        ClientReplay replay = new ClientReplay(error.group(1), error.group(2), Integer.parseInt(error.group(3)));
        if (!debugLog.contains("retrying request " + replay.service() + "/" + replay.operation() + ", attempt ")) {
            return Optional.empty();
        }
        return replay.answeredBeforeItsError(calls) ? Optional.of(replay) : Optional.empty();
    }

    /** The sandbox carried the operation out (2xx) and later answered it with this error's status. */
    private boolean answeredBeforeItsError(List<CallListener.Call> calls) {
        String sandboxService = service.toLowerCase(Locale.ROOT).replace(" ", "");
        boolean carriedOut = false;
        for (CallListener.Call call : calls) {
            if (!call.service().equals(sandboxService) || !call.operation().equals(operation)) {
                continue;
            }
            if (call.status() / 100 == 2) {
                carriedOut = true;
            } else if (call.status() == status && carriedOut) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return service + " " + operation + " answered " + status + " to the client's second attempt, after the sandbox had carried out the first";
    }
}
