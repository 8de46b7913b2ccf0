package io.awstutor.sandbox.protocol;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sandbox's one ARN writer and reader: the SDK's Arn, with the partition the region belongs to. */
class ArnsTest {
    @Test
    void theRegionDecidesThePartition() {
        assertEquals("arn:aws:ec2:eu-west-1:123456789012:instance/i-1", Arns.regional("ec2", "eu-west-1", "123456789012", "instance/i-1"));
        assertEquals("arn:aws-cn:rds:cn-north-1:123456789012:db:orders", Arns.regional("rds", "cn-north-1", "123456789012", "db:orders"));
        assertEquals("arn:aws-us-gov:ec2:us-gov-west-1:123456789012:vpc/vpc-1", Arns.regional("ec2", "us-gov-west-1", "123456789012", "vpc/vpc-1"));
        assertEquals("arn:aws:ec2:us-east-1::image/ami-1", Arns.regional("ec2", "us-east-1", "", "image/ami-1"));
    }

    @Test
    void globalServicesNameNoRegion() {
        assertEquals("arn:aws:iam::123456789012:user/team/alice", Arns.global("iam", "123456789012", "user/team/alice"));
        assertEquals("arn:aws:s3:::photos/2024/cat.jpg", Arns.s3("photos/2024/cat.jpg"));
    }

    @Test
    void readsWhatItWritesAndRefusesWhatIsNoArn() {
        var arn = Arns.parse("arn:aws:rds:us-east-1:123456789012:cluster-snapshot:nightly").orElseThrow();
        assertEquals("rds", arn.service());
        assertEquals("cluster-snapshot", arn.resource().resourceType().orElseThrow());
        assertEquals("nightly", arn.resource().resource());
        assertTrue(Arns.parse("orders").isEmpty());
        assertTrue(Arns.parse(null).isEmpty());
        assertTrue(Arns.parse("arn:aws:iam::123456789012:user/").isEmpty(), "an empty name is no ARN, and no crash");
        assertEquals("arn:aws:iam::123456789012:user/", Arns.global("iam", "123456789012", "user/"));
    }
}
