package io.awstutor.sandbox.ec2;

import io.awstutor.sandbox.protocol.Arns;
import io.awstutor.sandbox.http.ServiceCall;

/** What every EC2 action does first: ask IAM, with EC2's denial code and ARN forms. */
final class Ec2Action {
    private Ec2Action() {
    }

    static void authorize(ServiceCall call, String action, String resource) {
        call.authorize("ec2:" + action, resource, "UnauthorizedOperation");
    }

    static String arn(ServiceCall call, String resource) {
        return Arns.regional("ec2", call.region(), call.accountId(), resource);
    }
}
