package io.awstutor.check;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

import java.util.List;

/**
 * Runs a step's checks in order and answers with the first one that fails, or done. A
 * check that cannot reach the target says so instead of failing the learner's step.
 */
public final class CheckRunner {
    private CheckRunner() {
    }

    public static Verdict run(List<Check> checks, CheckContext context) {
        if (checks.isEmpty()) {
            return Verdict.pass("nothing to check in this step");
        }
        for (Check check : checks) {
            Verdict verdict;
            try {
                verdict = check.run(context);
            } catch (SdkClientException e) {
                return Verdict.fail("The check could not reach the target: " + e.getMessage());
            } catch (AwsServiceException e) {
                String code = e.awsErrorDetails() == null ? "error" : e.awsErrorDetails().errorCode();
                return Verdict.fail("The check's own call was refused (" + code + "): "
                        + (e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage()));
            }
            if (!verdict.passed()) {
                return verdict;
            }
        }
        return Verdict.pass(checks.size() == 1 ? checks.get(0).describe() : "all " + checks.size() + " checks pass");
    }
}
