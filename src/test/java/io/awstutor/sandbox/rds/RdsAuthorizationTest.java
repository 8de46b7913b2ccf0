package io.awstutor.sandbox.rds;

import io.awstutor.sandbox.TestSandbox;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.RdsException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** RDS asks IAM before acting: a user without a policy is refused with rds:Action on the DB's ARN. */
class RdsAuthorizationTest {

    @Test
    void aUserWithoutPoliciesIsDeniedWithTheActionAndResource() {
        try (TestSandbox box = TestSandbox.start()) {
            IamClient iam = box.iam();
            iam.createUser(r -> r.userName("bob"));
            AccessKey key = iam.createAccessKey(r -> r.userName("bob")).accessKey();
            RdsClient asBob = box.rds(TestSandbox.credentials(key.accessKeyId(), key.secretAccessKey()), "us-east-1");

            RdsException create = assertThrows(RdsException.class, () -> asBob.createDBInstance(RdsSdkTest.mysql("bobs-db").build()));
            assertEquals(403, create.statusCode());
            assertEquals("AccessDenied", create.awsErrorDetails().errorCode());
            assertEquals("User: arn:aws:iam::000000000000:user/bob is not authorized to perform: rds:CreateDBInstance on resource: "
                    + "arn:aws:rds:us-east-1:000000000000:db:bobs-db", create.awsErrorDetails().errorMessage()
                    .replaceFirst(" because no identity-based policy allows.*$", ""));

            RdsException describe = assertThrows(RdsException.class, () -> asBob.describeDBInstances());
            assertEquals("AccessDenied", describe.awsErrorDetails().errorCode());
            assertEquals(0, box.rds().describeDBInstances().dbInstances().size(), "nothing was created");
        }
    }
}
