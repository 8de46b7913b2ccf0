package io.awstutor.check;

import io.awstutor.jshell.agent.CallRecord;

import java.util.Locale;

/**
 * A deliberate mistake was made and its error seen: a call of the learner's clients during
 * the step failed with this AWS error code. Written
 * {@code call-failed: {call: s3.CreateBucket, code: IllegalLocationConstraintException}}.
 */
public record CallFailedCheck(String service, String operation, String code) implements Check {

    static CallFailedCheck parse(Object value) {
        Spec spec = Spec.of("call-failed", value, "call", "code");
        CalledCheck call = CalledCheck.parse(spec.required("call"));
        return new CallFailedCheck(call.service(), call.operation(), spec.required("code"));
    }

    @Override
    public Verdict run(CheckContext context) {
        String otherCode = null;
        boolean succeeded = false;
        for (CallRecord call : context.callsThisStep()) {
            if (!call.service().equalsIgnoreCase(service) || !call.operation().equalsIgnoreCase(operation)) {
                continue;
            }
            if (!call.ok() && code.equals(call.errorCode())) {
                return Verdict.pass(operation + " failed with " + code + ", as it should");
            }
            if (call.ok()) {
                succeeded = true;
            } else {
                otherCode = call.errorCode();
            }
        }
        String method = service.toLowerCase(Locale.ROOT) + "." + Character.toLowerCase(operation.charAt(0)) + operation.substring(1);
        if (otherCode != null) {
            return Verdict.fail("Your " + operation + " call failed with " + otherCode + ", not with " + code
                    + "; make the call exactly as the step describes.");
        }
        if (succeeded) {
            return Verdict.fail("Your " + operation + " call worked; this step asks for the call that fails with " + code + ".");
        }
        return Verdict.fail("Call " + method + "(...) as the step describes and read the " + code + " it answers with.");
    }

    @Override
    public String describe() {
        return service + "." + operation + " failed with " + code;
    }
}
