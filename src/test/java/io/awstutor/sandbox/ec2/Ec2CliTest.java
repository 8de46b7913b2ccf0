package io.awstutor.sandbox.ec2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.awstutor.sandbox.TestSandbox;
import io.awstutor.testing.ExternalTools;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The AWS CLI against the sandbox's EC2: what a learner following the chapter in a terminal sees. */
class Ec2CliTest {
    private static TestSandbox box;
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() {
        box = TestSandbox.start();
    }

    @AfterAll
    static void stop() {
        box.close();
    }

    private static ExternalTools.Result aws(String... args) {
        return ExternalTools.runAws(box.endpoint(), "test", "test", "us-east-1", args);
    }

    private static JsonNode ok(String... args) throws Exception {
        ExternalTools.Result result = aws(args);
        assertEquals(0, result.exitCode(), result.toString());
        return JSON.readTree(result.stdout().isBlank() ? "{}" : result.stdout());
    }

    @Test
    void securityGroupsWithTheCli() throws Exception {
        ExternalTools.aws();
        String groupId = ok("ec2", "create-security-group", "--group-name", "cli-web", "--description", "web servers")
                .get("GroupId").asText();
        assertTrue(groupId.startsWith("sg-"));
        ok("ec2", "authorize-security-group-ingress", "--group-id", groupId, "--protocol", "tcp", "--port", "22", "--cidr", "0.0.0.0/0");
        ExternalTools.Result duplicate = aws("ec2", "authorize-security-group-ingress", "--group-id", groupId,
                "--protocol", "tcp", "--port", "22", "--cidr", "0.0.0.0/0");
        assertEquals(255, duplicate.exitCode(), duplicate.toString()); // CLI v1: 255 for a service error
        assertTrue(duplicate.stderr().contains("An error occurred (InvalidPermission.Duplicate) when calling the "
                + "AuthorizeSecurityGroupIngress operation: the specified rule \"peer: 0.0.0.0/0, TCP, from port: 22, "
                + "to port: 22, ALLOW\" already exists"), duplicate.stderr());

        JsonNode groups = ok("ec2", "describe-security-groups", "--group-ids", groupId).get("SecurityGroups");
        assertEquals(1, groups.size());
        JsonNode permission = groups.get(0).get("IpPermissions").get(0);
        assertEquals("tcp", permission.get("IpProtocol").asText());
        assertEquals(22, permission.get("FromPort").asInt());
        assertEquals("0.0.0.0/0", permission.get("IpRanges").get(0).get("CidrIp").asText());

        JsonNode names = ok("ec2", "describe-security-groups", "--filters", "Name=group-name,Values=cli-*",
                "--query", "SecurityGroups[].GroupName");
        assertEquals("[\"cli-web\"]", names.toString());

        JsonNode regions = ok("ec2", "describe-regions", "--query", "Regions[?RegionName=='eu-west-1'].Endpoint");
        assertEquals("[\"ec2.eu-west-1.amazonaws.com\"]", regions.toString());
    }

    @Test
    void instancesWithTheCli() throws Exception {
        ExternalTools.aws();
        String ami = ok("ec2", "describe-images", "--owners", "amazon", "--filters", "Name=name,Values=al2023-ami-2023*",
                "Name=architecture,Values=x86_64", "--query", "Images[0].ImageId").asText();
        JsonNode run = ok("ec2", "run-instances", "--image-id", ami, "--instance-type", "t2.micro", "--count", "1",
                "--tag-specifications", "ResourceType=instance,Tags=[{Key=Name,Value=cli}]");
        String id = run.get("Instances").get(0).get("InstanceId").asText();
        JsonNode state = ok("ec2", "describe-instances", "--instance-ids", id, "--query", "Reservations[0].Instances[0].State.Name");
        assertEquals("running", state.asText(), "time scale 0: instances run at once");
        ok("ec2", "wait", "instance-running", "--instance-ids", id);
        JsonNode terminated = ok("ec2", "terminate-instances", "--instance-ids", id);
        assertEquals("running", terminated.get("TerminatingInstances").get(0).get("PreviousState").get("Name").asText());
        ExternalTools.Result dry = aws("ec2", "run-instances", "--image-id", ami, "--instance-type", "t2.micro", "--dry-run");
        assertTrue(dry.stderr().contains("(DryRunOperation)") && dry.stderr().contains("Request would have succeeded, but DryRun flag is set."),
                dry.toString());
    }

    /**
     * boto3 as AWS answers it: an untagged instance or group has no 'Tags' key and its resource's
     * .tags is None (the well-known gotcha), so a script that forgets it fails here as on AWS.
     */
    @Test
    void untaggedResourcesHaveNoTagsInBoto3() {
        ExternalTools.python3WithBoto3();
        String script = String.join("\n",
                "import boto3",
                "ec2 = boto3.client('ec2')",
                "ami = ec2.describe_images(Owners=['amazon'], Filters=[{'Name': 'architecture', 'Values': ['x86_64']}])['Images'][0]['ImageId']",
                "plain = ec2.run_instances(ImageId=ami, InstanceType='t3.micro', MinCount=1, MaxCount=1)['Instances'][0]['InstanceId']",
                "named = ec2.run_instances(ImageId=ami, InstanceType='t3.micro', MinCount=1, MaxCount=1, TagSpecifications=[",
                "    {'ResourceType': 'instance', 'Tags': [{'Key': 'Name', 'Value': 'web'}]}])['Instances'][0]['InstanceId']",
                "found = {i['InstanceId']: i for r in ec2.describe_instances()['Reservations'] for i in r['Instances']}",
                "print('plain-tags', 'Tags' in found[plain])",
                "print('named-tags', found[named]['Tags'])",
                "print('resource-tags', boto3.resource('ec2').Instance(plain).tags)",
                "group = ec2.describe_security_groups(GroupNames=['default'])['SecurityGroups'][0]",
                "print('group-tags', 'Tags' in group)",
                "print('vpc-tags', 'Tags' in ec2.describe_vpcs()['Vpcs'][0])");
        ExternalTools.Result result = ExternalTools.runBoto3(box.endpoint(), "test", "test", "us-east-1", script);
        assertEquals(0, result.exitCode(), result.toString());
        assertTrue(result.stdout().contains("plain-tags False"), result.toString());
        assertTrue(result.stdout().contains("named-tags [{'Key': 'Name', 'Value': 'web'}]"), result.toString());
        assertTrue(result.stdout().contains("resource-tags None"), result.toString());
        assertTrue(result.stdout().contains("group-tags False"), result.toString());
        assertTrue(result.stdout().contains("vpc-tags False"), result.toString());
    }
}
