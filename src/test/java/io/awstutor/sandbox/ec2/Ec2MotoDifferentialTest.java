package io.awstutor.sandbox.ec2;

import io.awstutor.sandbox.TestSandbox;
import io.awstutor.testing.ExternalTools;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AvailabilityZone;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;
import software.amazon.awssdk.services.ec2.model.Vpc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The same EC2 calls against moto_server and the sandbox, comparing what moto gets right as
 * AWS does it (ids, which are random, are compared through the names they stand for).
 */
class Ec2MotoDifferentialTest {
    private static TestSandbox box;
    private static ExternalTools.MotoServer moto;
    private static Ec2Client sandbox;
    private static Ec2Client reference;

    @BeforeAll
    static void start() {
        box = TestSandbox.start();
        sandbox = box.ec2();
        moto = ExternalTools.startMoto();
        reference = Ec2Client.builder().endpointOverride(moto.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(TestSandbox.root()))
                .httpClient(ApacheHttpClient.create())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
    }

    @AfterAll
    static void stop() {
        if (reference != null) {
            reference.close();
        }
        if (moto != null) {
            moto.close();
        }
        box.close();
    }

    private static <T> void same(Function<Ec2Client, T> view) {
        assertEquals(view.apply(reference), view.apply(sandbox));
    }

    @Test
    void defaultNetworkMatches() {
        same(c -> c.describeVpcs(r -> r.filters(Filter.builder().name("is-default").values("true").build())).vpcs().stream()
                .map(v -> v.cidrBlock() + " default=" + v.isDefault() + " " + v.stateAsString()).toList());
        same(c -> c.describeAvailabilityZones().availabilityZones().stream().map(AvailabilityZone::zoneName).toList());
        same(c -> {
            String vpc = c.describeVpcs().vpcs().stream().filter(Vpc::isDefault).findFirst().orElseThrow().vpcId();
            return c.describeSubnets(r -> r.filters(Filter.builder().name("vpc-id").values(vpc).build())).subnets().stream()
                    .map(s -> s.availabilityZone() + " " + s.cidrBlock().endsWith("/20") + " " + s.defaultForAz() + " "
                            + s.mapPublicIpOnLaunch()).collect(Collectors.toCollection(TreeSet::new));
        });
        // moto leaves out the default group's inbound rule that AWS creates (all traffic from the
        // group itself); the sandbox has it, as AWS does, so only the rest is compared.
        same(c -> {
            Map<String, Object> group = new java.util.HashMap<>(normalize(c, c.describeSecurityGroups(r -> r.groupNames("default")).securityGroups().get(0)));
            group.remove("ingress");
            return group;
        });
    }

    @Test
    void groupsAndRulesMatch() {
        for (Ec2Client c : List.of(reference, sandbox)) {
            String web = c.createSecurityGroup(r -> r.groupName("diff-web").description("web tier")).groupId();
            String db = c.createSecurityGroup(r -> r.groupName("diff-db").description("db tier")).groupId();
            c.authorizeSecurityGroupIngress(r -> r.groupId(web).ipPermissions(
                    IpPermission.builder().ipProtocol("tcp").fromPort(80).toPort(80).ipRanges(IpRange.builder().cidrIp("0.0.0.0/0").build()).build(),
                    IpPermission.builder().ipProtocol("tcp").fromPort(22).toPort(22).ipRanges(IpRange.builder().cidrIp("198.51.100.7/32").build()).build()));
            c.authorizeSecurityGroupIngress(r -> r.groupId(db).ipPermissions(IpPermission.builder().ipProtocol("tcp")
                    .fromPort(3306).toPort(3306).userIdGroupPairs(UserIdGroupPair.builder().groupId(web).build()).build()));
        }
        for (String name : List.of("diff-web", "diff-db")) {
            same(c -> normalize(c, c.describeSecurityGroups(r -> r.groupNames(name)).securityGroups().get(0)));
        }
        same(c -> c.describeSecurityGroups(r -> r.filters(Filter.builder().name("ip-permission.from-port").values("3306").build()))
                .securityGroups().stream().map(SecurityGroup::groupName).toList());
        same(c -> errorCode(() -> c.createSecurityGroup(r -> r.groupName("diff-web").description("again"))));
        same(c -> errorCode(() -> c.authorizeSecurityGroupIngress(r -> r.groupName("diff-web").ipPermissions(
                IpPermission.builder().ipProtocol("tcp").fromPort(80).toPort(80).ipRanges(IpRange.builder().cidrIp("0.0.0.0/0").build()).build()))));
        same(c -> errorCode(() -> c.describeSecurityGroups(r -> r.groupIds("sg-0123456789abcdef0"))));
        // moto deletes a group another group's rule still references; AWS (and the sandbox,
        // see Ec2SecurityGroupsHttpTest) refuses with DependencyViolation, so that is not compared.
    }

    @Test
    void instanceTypeFiguresMatch() {
        same(c -> c.describeInstanceTypes(r -> r.instanceTypesWithStrings("t2.micro", "t3.large", "m5.xlarge", "c5.2xlarge"))
                .instanceTypes().stream().map(t -> t.instanceTypeAsString() + " " + t.vCpuInfo().defaultVCpus() + " "
                        + t.memoryInfo().sizeInMiB()).collect(Collectors.toCollection(TreeSet::new)));
    }

    private static String errorCode(Runnable call) {
        return assertThrows(Ec2Exception.class, call::run).awsErrorDetails().errorCode();
    }

    /** A group as comparable text: ids replaced by the names of the groups they stand for. */
    private static Map<String, Object> normalize(Ec2Client client, SecurityGroup group) {
        Map<String, String> names = client.describeSecurityGroups().securityGroups().stream()
                .collect(Collectors.toMap(SecurityGroup::groupId, SecurityGroup::groupName));
        return Map.of("name", group.groupName(), "description", group.description(),
                "ingress", permissions(group.ipPermissions(), names, group.ownerId()),
                "egress", permissions(group.ipPermissionsEgress(), names, group.ownerId()));
    }

    private static List<String> permissions(List<IpPermission> permissions, Map<String, String> names, String owner) {
        List<String> result = new ArrayList<>();
        for (IpPermission p : permissions) {
            result.add(p.ipProtocol() + " " + p.fromPort() + "-" + p.toPort()
                    + " ranges=" + p.ipRanges().stream().map(IpRange::cidrIp).sorted().toList()
                    + " groups=" + p.userIdGroupPairs().stream().map(g -> names.get(g.groupId()) + (g.userId().equals(owner) ? "@own-account" : "@" + g.userId())).sorted().toList()
                    + " v6=" + p.ipv6Ranges().size() + " pl=" + p.prefixListIds().size());
        }
        result.sort(null);
        return result;
    }
}
