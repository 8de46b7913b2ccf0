package io.awstutor.check;

import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;

/**
 * An IAM user has exactly this many access keys (AWS allows at most two):
 * {@code iam-access-key-count: {user: ${prefix}-carol, count: 1}}.
 */
public record IamAccessKeyCountCheck(String userName, int count) implements Check {

    static IamAccessKeyCountCheck parse(Object value) {
        Spec spec = Spec.of("iam-access-key-count", value, "user", "count");
        return new IamAccessKeyCountCheck(spec.required("user"), spec.integer("count").orElse(1));
    }

    @Override
    public Verdict run(CheckContext context) {
        String name = context.substitute(userName);
        int actual;
        try (IamClient iam = context.clients().iam()) {
            actual = (int) iam.listAccessKeysPaginator(b -> b.userName(name)).accessKeyMetadata().stream().count();
        } catch (NoSuchEntityException e) {
            return Verdict.fail("There is no IAM user named " + name + " yet.");
        }
        if (actual == count) {
            return Verdict.pass(name + " has " + keys(count));
        }
        return Verdict.fail("The user " + name + " has " + keys(actual) + "; this step wants " + keys(count) + ".");
    }

    private static String keys(int n) {
        return n + (n == 1 ? " access key" : " access keys");
    }

    @Override
    public String describe() {
        return userName + " has " + keys(count);
    }
}
