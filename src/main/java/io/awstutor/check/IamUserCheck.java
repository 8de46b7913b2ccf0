package io.awstutor.check;

import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;

/** An IAM user of this name exists in the account: {@code iam-user: ${prefix}-alice}. */
public record IamUserCheck(String userName) implements Check {

    @Override
    public Verdict run(CheckContext context) {
        String name = context.substitute(userName);
        try (IamClient iam = context.clients().iam()) {
            iam.getUser(b -> b.userName(name));
            return Verdict.pass("IAM user " + name + " exists");
        } catch (NoSuchEntityException e) {
            return Verdict.fail("There is no IAM user named " + name + " yet.");
        }
    }

    @Override
    public String describe() {
        return "IAM user " + userName + " exists";
    }
}
