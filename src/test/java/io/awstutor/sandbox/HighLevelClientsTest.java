package io.awstutor.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.awstutor.testing.ExternalTools;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The clients' high-level layers against the sandbox, as a learner uses them in a terminal:
 * the AWS CLI's {@code aws s3} commands and waiters, and boto3's resource API (collections
 * and lazily loaded attributes, which read more than a learner's own calls do).
 */
class HighLevelClientsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestSandbox box;

    @BeforeAll
    static void start() {
        box = TestSandbox.start();
    }

    @AfterAll
    static void stop() {
        box.close();
    }

    private static String ok(String... args) {
        ExternalTools.Result result = ExternalTools.runAws(box.endpoint(), "test", "test", "us-east-1", args);
        assertEquals(0, result.exitCode(), String.join(" ", args) + ": " + result);
        return result.stdout();
    }

    @Test
    void awsS3CommandsSyncCopyMoveListRemoveAndServeAWebsite() throws Exception {
        ExternalTools.aws();
        Path site = Files.createTempDirectory("awstutor-sync");
        Files.writeString(site.resolve("index.html"), "<h1>hello</h1>");
        Files.createDirectories(site.resolve("css"));
        Files.writeString(site.resolve("css/site.css"), "h1 {}");
        ok("s3", "mb", "s3://cli-site");
        ok("s3", "sync", site.toString(), "s3://cli-site/");
        String listing = ok("s3", "ls", "s3://cli-site", "--recursive");
        assertTrue(listing.contains("css/site.css") && listing.contains("index.html"), listing);
        assertEquals("text/html", box.s3().headObject(r -> r.bucket("cli-site").key("index.html")).contentType(),
                "aws s3 sync guesses the type from the name");
        assertEquals("<h1>hello</h1>", ok("s3", "cp", "s3://cli-site/index.html", "-"));
        ok("s3", "mv", "s3://cli-site/css/site.css", "s3://cli-site/style.css");
        assertTrue(ok("s3", "sync", site.toString(), "s3://cli-site/", "--delete", "--dryrun").contains("delete: s3://cli-site/style.css"));
        ok("s3", "website", "s3://cli-site", "--index-document", "index.html", "--error-document", "error.html");
        assertEquals("error.html", box.s3().getBucketWebsite(r -> r.bucket("cli-site")).errorDocument().key());
        ok("s3", "rm", "s3://cli-site", "--recursive");
        assertTrue(ok("s3", "ls", "s3://cli-site", "--recursive").isBlank());
        ok("s3", "rb", "s3://cli-site");
        assertTrue(box.s3().listBuckets().buckets().isEmpty());
    }

    @Test
    void awsCliWaitersSeeInstancesDatabasesAndDistributionsArrive() throws Exception {
        ExternalTools.aws();
        String ami = JSON.readTree(ok("ec2", "describe-images", "--owners", "amazon", "--filters", "Name=name,Values=al2023-ami-*-x86_64"))
                .get("Images").get(0).get("ImageId").asText();
        JsonNode launched = JSON.readTree(ok("ec2", "run-instances", "--image-id", ami, "--instance-type", "t3.micro")).get("Instances").get(0);
        assertEquals("pending", launched.get("State").get("Name").asText());
        String id = launched.get("InstanceId").asText();
        ok("ec2", "wait", "instance-running", "--instance-ids", id);
        ok("ec2", "wait", "instance-status-ok", "--instance-ids", id);
        ok("ec2", "terminate-instances", "--instance-ids", id);
        ok("ec2", "wait", "instance-terminated", "--instance-ids", id);

        ok("rds", "create-db-instance", "--db-instance-identifier", "cli-db", "--engine", "mysql", "--db-instance-class", "db.t3.micro",
                "--allocated-storage", "20", "--master-username", "admin", "--master-user-password", "correct-horse-9");
        ok("rds", "wait", "db-instance-available", "--db-instance-identifier", "cli-db");
        ok("rds", "delete-db-instance", "--db-instance-identifier", "cli-db", "--skip-final-snapshot");
        ok("rds", "wait", "db-instance-deleted", "--db-instance-identifier", "cli-db");

        String distribution = JSON.readTree(ok("cloudfront", "create-distribution", "--origin-domain-name", "cli-site.s3.amazonaws.com"))
                .get("Distribution").get("Id").asText();
        ok("cloudfront", "wait", "distribution-deployed", "--id", distribution);
    }

    private static final String BOTO3_RESOURCES = """
            import boto3, json
            out = {}
            ec2 = boto3.resource('ec2')
            vpc = list(ec2.vpcs.filter(Filters=[{'Name': 'isDefault', 'Values': ['true']}]))[0]
            out['routes'] = [r['GatewayId'] for t in vpc.route_tables.all() for r in t.routes_attribute]
            out['main'] = [a.main for t in vpc.route_tables.all() for a in t.associations]
            out['gateways'] = [g.attachments[0]['VpcId'] == vpc.id for g in vpc.internet_gateways.all()]
            out['acl'] = [(a.is_default, len(a.entries)) for a in vpc.network_acls.all()]
            out['dhcp'] = [c['Key'] for c in vpc.dhcp_options.dhcp_configurations]
            out['dns'] = vpc.describe_attribute(Attribute='enableDnsHostnames')['EnableDnsHostnames']['Value']
            ami = list(ec2.images.filter(Owners=['amazon'], Filters=[{'Name': 'name', 'Values': ['al2023-ami-*-x86_64']}]))[0]
            i = ec2.create_instances(ImageId=ami.id, InstanceType='t2.micro', MinCount=1, MaxCount=1)[0]
            i.wait_until_running()
            i.reload()
            out['hypervisor'] = i.hypervisor
            out['volumes'] = [(v.size, v.state, v.attachments[0]['InstanceId'] == i.id) for v in i.volumes.all()]
            out['enis'] = [(n.status, n.private_ip_address == i.private_ip_address) for n in i.network_interfaces]
            out['vpc_enis'] = len(list(vpc.network_interfaces.all()))
            out['shutdown'] = i.describe_attribute(Attribute='instanceInitiatedShutdownBehavior')['InstanceInitiatedShutdownBehavior']['Value']
            i.terminate()
            iam = boto3.resource('iam')
            u = iam.create_user(UserName='boto-admin')
            u.attach_policy(PolicyArn='arn:aws:iam::aws:policy/AdministratorAccess')
            key = u.create_access_key_pair()
            out['policies'] = [p.policy_name for p in u.attached_policies.all()]
            out['keys'] = [k.status for k in u.access_keys.all()]
            out['mfa'] = len(list(u.mfa_devices.all()))
            out['certs'] = len(list(u.signing_certificates.all()))
            s3 = boto3.resource('s3')
            b = s3.create_bucket(Bucket='boto-site')
            b.put_object(Key='index.html', Body=b'<h1>hi</h1>', ContentType='text/html')
            o = s3.Object('boto-site', 'index.html')
            out['object'] = [o.content_length, o.content_type]
            out['keys_listed'] = [x.key for x in b.objects.filter(Prefix='index')]
            print(json.dumps(out))
            """;

    @Test
    void boto3ResourcesReadWhatTheyExpect() throws Exception {
        ExternalTools.Result result = ExternalTools.runBoto3(box.endpoint(), "test", "test", "us-east-1", BOTO3_RESOURCES);
        assertEquals(0, result.exitCode(), result.toString());
        JsonNode out = JSON.readTree(result.stdout());
        assertEquals("[\"local\",\"igw-", out.get("routes").toString().substring(0, 14));
        assertEquals("[true]", out.get("main").toString());
        assertEquals("[true]", out.get("gateways").toString());
        assertEquals("[[true,4]]", out.get("acl").toString());
        assertEquals("[\"domain-name\",\"domain-name-servers\"]", out.get("dhcp").toString());
        assertTrue(out.get("dns").asBoolean());
        assertEquals("xen", out.get("hypervisor").asText());
        assertEquals("[[8,\"in-use\",true]]", out.get("volumes").toString());
        assertEquals("[[\"in-use\",true]]", out.get("enis").toString());
        assertEquals(1, out.get("vpc_enis").asInt());
        assertEquals("stop", out.get("shutdown").asText());
        assertEquals("[\"AdministratorAccess\"]", out.get("policies").toString());
        assertEquals("[\"Active\"]", out.get("keys").toString());
        assertEquals(0, out.get("mfa").asInt());
        assertEquals(0, out.get("certs").asInt());
        assertEquals("[11,\"text/html\"]", out.get("object").toString());
        assertEquals("[\"index.html\"]", out.get("keys_listed").toString());
    }
}
