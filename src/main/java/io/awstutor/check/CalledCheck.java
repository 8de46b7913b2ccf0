package io.awstutor.check;

import io.awstutor.jshell.agent.CallRecord;

import java.util.Locale;

/**
 * The learner's client made this call successfully during the step: for steps that read
 * (who am I?) rather than create. Written {@code called: sts.GetCallerIdentity}.
 */
public record CalledCheck(String service, String operation) implements Check {

    public static CalledCheck parse(String spec) {
        String[] parts = spec.trim().split("[.:]", 2);
        if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
            throw new IllegalArgumentException("'called' needs service.Operation, e.g. sts.GetCallerIdentity; got '" + spec + "'");
        }
        return new CalledCheck(parts[0].trim(), parts[1].trim());
    }

    @Override
    public Verdict run(CheckContext context) {
        boolean failedOnce = false;
        for (CallRecord call : context.callsThisStep()) {
            if (call.service().equalsIgnoreCase(service) && call.operation().equalsIgnoreCase(operation)) {
                if (call.ok()) {
                    return Verdict.pass(describe());
                }
                failedOnce = true;
            }
        }
        String client = service.toLowerCase(Locale.ROOT);
        String method = Character.toLowerCase(operation.charAt(0)) + operation.substring(1);
        return Verdict.fail(failedOnce
                ? "Your " + operation + " call failed; fix it and call " + client + "." + method + "(...) again."
                : "Call " + client + "." + method + "(...) — it has not been called in this step yet.");
    }

    @Override
    public String describe() {
        return "called " + service + "." + operation;
    }
}
