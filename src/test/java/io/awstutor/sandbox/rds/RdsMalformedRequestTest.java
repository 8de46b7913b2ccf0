package io.awstutor.sandbox.rds;

import io.awstutor.sandbox.SignedHttp;
import io.awstutor.sandbox.TestSandbox;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Malformed RDS requests get an RDS error document with a 4xx status, never a 500, and change nothing. */
class RdsMalformedRequestTest {
    private static final String CREATE = "Action=CreateDBInstance&Version=2014-10-31&DBInstanceIdentifier=db&Engine=mysql"
            + "&DBInstanceClass=db.t3.micro&MasterUsername=admin&MasterUserPassword=Secret123%21";

    @ParameterizedTest
    @ValueSource(strings = {
            CREATE + "&AllocatedStorage=abc",
            CREATE + "&AllocatedStorage=20&MultiAZ=perhaps",
            CREATE + "&AllocatedStorage=20&Port=99999999999",
            CREATE + "&AllocatedStorage=20&Tags.Tag.1.Value=no-key",
            CREATE + "&AllocatedStorage=20&DBClusterIdentifier=nope",
            "Action=CreateDBInstance&Version=2014-10-31",
            "Action=CreateDBCluster&Version=2014-10-31&DBClusterIdentifier=c&Engine=aurora-mysql&MasterUsername=u1"
                    + "&MasterUserPassword=Secret123%21&ServerlessV2ScalingConfiguration.MinCapacity=half"
                    + "&ServerlessV2ScalingConfiguration.MaxCapacity=2",
            "Action=DescribeDBInstances&Version=2014-10-31&MaxRecords=1000",
            "Action=DescribeDBInstances&Version=2014-10-31&Filters.Filter.1.Values.Value.1=x",
            "Action=DeleteDBInstance&Version=2014-10-31",
            "Action=ListTagsForResource&Version=2014-10-31&ResourceName=arn%3Aaws%3Ards",
            "Action=NoSuchAction&Version=2014-10-31",
    })
    void answersWithAnRdsErrorAndKeepsState(String form) {
        try (TestSandbox box = TestSandbox.start()) {
            SignedHttp.Response response = SignedHttp.postForm(box.endpoint(), "rds", "us-east-1", TestSandbox.root(),
                    box.clock(), form);
            assertTrue(response.status() >= 400 && response.status() < 500, response.status() + " " + response.body());
            assertTrue(response.body().contains("<ErrorResponse xmlns=\"http://rds.amazonaws.com/doc/2014-10-31/\">"), response.body());
            assertTrue(response.body().contains("<Code>") && !response.body().contains("Exception"), response.body());
            assertEquals(0, box.rds().describeDBInstances().dbInstances().size());
        }
    }
}
