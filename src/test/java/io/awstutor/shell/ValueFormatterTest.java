package io.awstutor.shell;

import io.awstutor.jshell.agent.CallRecord;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ValueFormatterTest {

    @Test
    void shortValuesStayOnOneLine() {
        assertEquals("GetCallerIdentityResponse(Account=000000000000)",
                ValueFormatter.format("GetCallerIdentityResponse(Account=000000000000)", 80));
    }

    @Test
    void longSdkValuesAreIndentedByDepth() {
        String value = "GetUserResponse(User=User(Path=/, UserName=learn-ab12-alice, UserId=AIDAEXAMPLEEXAMPLE1, "
                + "Arn=arn:aws:iam::000000000000:user/learn-ab12-alice, CreateDate=2026-11-25T09:00:00Z, Tags=[]))";
        assertEquals("""
                GetUserResponse(
                  User=User(
                    Path=/,
                    UserName=learn-ab12-alice,
                    UserId=AIDAEXAMPLEEXAMPLE1,
                    Arn=arn:aws:iam::000000000000:user/learn-ab12-alice,
                    CreateDate=2026-11-25T09:00:00Z,
                    Tags=[]
                  )
                )""", ValueFormatter.format(value, 60));
    }

    @Test
    void changesAreOneLinePerMutatingCall() {
        CallRecord create = new CallRecord("Iam", "CreateUser", "us-east-1", true, 200, null, null, null,
                Map.of("UserName", "alice"), Map.of());
        CallRecord read = new CallRecord("Iam", "GetUser", "us-east-1", true, 200, null, null, null, Map.of(), Map.of());
        CallRecord failed = new CallRecord("Iam", "DeleteUser", "us-east-1", false, 409, "DeleteConflict", "m", null,
                Map.of("UserName", "bob"), Map.of());
        CallRecord ingress = new CallRecord("Ec2", "AuthorizeSecurityGroupIngress", "eu-west-1", true, 200, null, null, null,
                Map.of("GroupId", "sg-0a1b", "IpPermissions", List.of(Map.of("IpProtocol", "tcp", "FromPort", 3306, "ToPort", 3306,
                        "UserIdGroupPairs", List.of(Map.of("GroupId", "sg-9f8e"))))), Map.of());
        CallRecord launch = new CallRecord("Ec2", "RunInstances", "us-east-1", true, 200, null, null, null,
                Map.of("ImageId", "ami-1"), Map.of("Instances", List.of(Map.of("InstanceId", "i-0abc", "InstanceType", "t3.micro"))));
        assertEquals(List.of("+ user alice", "+ ingress rule on sg-0a1b: tcp/3306 from sg-9f8e (eu-west-1)",
                        "+ instance i-0abc (us-east-1)"),
                ChangeDescriber.describe(List.of(create, read, failed, ingress, launch)));
    }

    @Test
    void aTokenThatFitsALineOfItsOwnIsNotCutAfterTheName() {
        // 78 columns: too long after "presigner ==> ", not for a line indented by two
        String presigner = "software.amazon.awssdk.services.s3.internal.signing.DefaultS3Presigner@6ad6443";
        assertEquals("presigner ==>\n  " + presigner, ValueFormatter.withName("presigner", presigner, 80));
        assertEquals("p ==> " + presigner.substring(10), ValueFormatter.withName("p", presigner.substring(10), 80));
        String tooLong = "x".repeat(100);
        String cut = ValueFormatter.withName("v", tooLong, 80);
        assertTrue(cut.startsWith("v ==> xxx"), cut); // longer than any line: cut where the room ends, as before
        cut.lines().forEach(line -> assertTrue(line.length() <= 80, line));
    }

    @Test
    void anSdkClientSaysWhatItIsInsteadOfItsHash() {
        String client = "software.amazon.awssdk.services.s3.DefaultS3Client@41a374be";
        assertEquals(java.util.Optional.of("S3Client, an SDK client (its region: ireland.serviceClientConfiguration().region())"),
                ValueFormatter.describeClient("ireland", client, 100));
        assertEquals(java.util.Optional.of("S3Client, an SDK client"), ValueFormatter.describeClient("ireland", client, 68),
                "the hint is left out where it would not fit the line");
        assertEquals(java.util.Optional.empty(), ValueFormatter.describeClient("x", "GetUserResponse(User=User(...))", 80));
    }

    @Test
    void aCreatedDistributionIsNamedByTheIdAndDomainOfTheAnswer() {
        CallRecord distribution = new CallRecord("CloudFront", "CreateDistribution", "us-east-1", true, 201, null, null, null,
                Map.of("DistributionConfig", Map.of("Comment", "site")),
                Map.of("Distribution", Map.of("Id", "E2QWRUHEXAMPLE", "DomainName", "d111111abcdef8.cloudfront.net")));
        CallRecord domain = new CallRecord("SES", "VerifyDomainIdentity", "eu-west-1", true, 200, null, null, null,
                Map.of("Domain", "example.com"), Map.of("VerificationToken", "t"));
        assertEquals(List.of("+ distribution E2QWRUHEXAMPLE d111111abcdef8.cloudfront.net", "~ verify domain identity example.com (eu-west-1)"),
                ChangeDescriber.describe(List.of(distribution, domain)));
    }
}
