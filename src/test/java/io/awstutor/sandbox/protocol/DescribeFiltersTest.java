package io.awstutor.sandbox.protocol;

import io.awstutor.sandbox.TestSandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.RdsException;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One filter matcher for EC2 and RDS Describe* calls, each in its service's dialect, through the SDK. */
class DescribeFiltersTest {
    private static TestSandbox box;

    @BeforeAll
    static void start() {
        box = TestSandbox.start();
    }

    @AfterAll
    static void stop() {
        box.close();
    }

    @Test
    void ec2FiltersTakeWildcardsAndTags() {
        Ec2Client ec2 = box.ec2();
        String web = ec2.createSecurityGroup(r -> r.groupName("web-1").description("w")).groupId();
        String db = ec2.createSecurityGroup(r -> r.groupName("db-1").description("d")).groupId();
        ec2.createTags(r -> r.resources(web).tags(t -> t.key("tier").value("front")));
        ec2.createTags(r -> r.resources(db).tags(t -> t.key("tier").value("back"), t -> t.key("backup").value("nightly")));
        assertEquals(List.of(web), ids(ec2, "group-name", "web-?"));
        assertEquals(List.of(web), ids(ec2, "tag:tier", "fr*"));
        assertEquals(List.of(db), ids(ec2, "tag-key", "back*"));
        assertEquals(List.of(), ids(ec2, "tag:tier", "middle"));
        Ec2Exception unknown = assertThrows(Ec2Exception.class, () -> ids(ec2, "colour", "red"));
        assertEquals("InvalidParameterValue", unknown.awsErrorDetails().errorCode());
        assertEquals("The filter 'colour' is invalid", unknown.awsErrorDetails().errorMessage());
    }

    private static List<String> ids(Ec2Client ec2, String name, String value) {
        return ec2.describeSecurityGroups(r -> r.filters(f -> f.name(name).values(value))).securityGroups().stream()
                .map(SecurityGroup::groupId).filter(id -> !id.isEmpty()).sorted().toList();
    }

    @Test
    void rdsFiltersAreExactAndRefuseUnknownNames() {
        RdsClient rds = box.rds();
        rds.createDBCluster(r -> r.dbClusterIdentifier("orders").engine("aurora-postgresql").masterUsername("dbadmin")
                .masterUserPassword("secret-password-1"));
        String arn = rds.describeDBClusters().dbClusters().get(0).dbClusterArn();
        assertEquals(1, rds.describeDBClusters(r -> r.filters(f -> f.name("db-cluster-id").values(arn))).dbClusters().size());
        assertEquals(1, rds.describeDBClusters(r -> r.filters(f -> f.name("engine").values("aurora-postgresql", "mysql"))).dbClusters().size());
        assertTrue(rds.describeDBClusters(r -> r.filters(f -> f.name("db-cluster-id").values("ord*"))).dbClusters().isEmpty(),
                "RDS filters take no wildcards");
        RdsException unknown = assertThrows(RdsException.class,
                () -> rds.describeDBInstances(r -> r.filters(f -> f.name("colour").values("red"))));
        assertEquals("InvalidParameterValue", unknown.awsErrorDetails().errorCode());
        assertEquals("Unrecognized filter name: colour.", unknown.awsErrorDetails().errorMessage());
    }
}
