package io.awstutor.bench;

import io.awstutor.sandbox.Sandbox;
import io.awstutor.sandbox.SignedHttp;
import io.awstutor.sandbox.TestSandbox;
import io.awstutor.sandbox.ec2.Ec2Backend;
import io.awstutor.sandbox.ec2.Ec2Handler;
import io.awstutor.sandbox.ec2.Images;
import io.awstutor.sandbox.ec2.Instance;
import io.awstutor.sandbox.ec2.IpPermission;
import io.awstutor.sandbox.ec2.LaunchRequest;
import io.awstutor.sandbox.ec2.Reachability;
import io.awstutor.sandbox.ec2.RegionState;
import io.awstutor.sandbox.ec2.RulePeer;
import io.awstutor.sandbox.ec2.SecurityGroup;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.ThreadLocalRandom;

/**
 * EC2: DescribeSecurityGroups over 1,000 groups (beside moto_server), and reachability
 * questions over 1,000 groups and 5,000 rules asked in-process, as the lesson checks ask them.
 */
final class Ec2Bench implements BenchSection {
    static final int GROUPS = 1000;
    static final int RULES_PER_GROUP = 5;

    @Override
    public String title() {
        return "ec2";
    }

    @Override
    public void run(BenchContext context, BenchTable table) throws Exception {
        int describeRequests = Math.max(40, context.requests() / 40);
        URI sandbox = context.sandbox().endpoint();
        OptionalDouble motoAll = OptionalDouble.empty();
        OptionalDouble motoFiltered = OptionalDouble.empty();
        OptionalDouble motoRaw = OptionalDouble.empty();
        if (context.moto().isPresent()) {
            URI moto = context.moto().get().endpoint();
            createGroups(context, moto);
            motoAll = OptionalDouble.of(describeAll(context, moto, describeRequests));
            motoRaw = OptionalDouble.of(describeRaw(context, moto, describeRequests));
            motoFiltered = OptionalDouble.of(describeFiltered(context, moto));
        }
        createGroups(context, sandbox);
        String note = describeRequests + " calls; the SDK's parsing of ~0.8 MB dominates";
        table.add(title(), "DescribeSecurityGroups, 1,000 groups (all, SDK)", describeAll(context, sandbox, describeRequests), motoAll, note);
        table.add(title(), "DescribeSecurityGroups, 1,000 groups (all, raw HTTP)", describeRaw(context, sandbox, describeRequests),
                motoRaw, "signed POST, response read, not parsed");
        table.add(title(), "DescribeSecurityGroups, 1,000 groups, group-name filter", describeFiltered(context, sandbox), motoFiltered, "");

        Ec2Backend backend = context.sandbox().sandbox().service(Ec2Handler.class).orElseThrow().backend();
        List<String> endpoints = buildReachabilityWorld(backend);
        Reachability reachability = backend.reachability(Sandbox.ROOT_ACCOUNT, "us-west-2");
        int[] ports = {22, 80, 443, 3306, 5432, 8080};
        double rate = Throughput.measure(() -> {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            String from = endpoints.get(random.nextInt(endpoints.size()));
            String to = endpoints.get(random.nextInt(endpoints.size()));
            return reachability.canReach(Reachability.Source.endpoint(from), to, ports[random.nextInt(ports.length)]);
        }, context.threads(), context.requests() * 25);
        table.add(title(), "reachability question, 1,000 groups / 5,000 rules (in-process)", rate, OptionalDouble.empty(),
                "moto has no equivalent");
    }

    /** 1,000 groups with one CIDR rule and one group-reference rule each, through the SDK. */
    private static void createGroups(BenchContext context, URI endpoint) {
        try (Ec2Client ec2 = context.client(Ec2Client.builder(), endpoint, TestSandbox.root(), Sandbox.DEFAULT_REGION)) {
            String previous = null;
            for (int i = 0; i < GROUPS; i++) {
                int index = i;
                String id = ec2.createSecurityGroup(r -> r.groupName("bench-" + index)
                        .description("bench group")).groupId();
                String source = previous;
                int port = 1000 + i;
                ec2.authorizeSecurityGroupIngress(r -> r.groupId(id).ipPermissions(
                        software.amazon.awssdk.services.ec2.model.IpPermission.builder().ipProtocol("tcp").fromPort(port).toPort(port)
                                .ipRanges(IpRange.builder().cidrIp("10." + (port % 256) + ".0.0/16").build()).build()));
                if (source != null) {
                    ec2.authorizeSecurityGroupIngress(r -> r.groupId(id).ipPermissions(
                            software.amazon.awssdk.services.ec2.model.IpPermission.builder().ipProtocol("tcp").fromPort(443).toPort(443)
                                    .userIdGroupPairs(UserIdGroupPair.builder().groupId(source).build()).build()));
                }
                previous = id;
            }
        }
    }

    private static double describeAll(BenchContext context, URI endpoint, int requests) throws Exception {
        try (Ec2Client ec2 = context.client(Ec2Client.builder(), endpoint, TestSandbox.root(), Sandbox.DEFAULT_REGION)) {
            int count = ec2.describeSecurityGroups().securityGroups().size();
            if (count < GROUPS) {
                throw new IllegalStateException("expected " + GROUPS + " groups, saw " + count);
            }
            return Throughput.measure(ec2::describeSecurityGroups, context.threads(), requests);
        }
    }

    private static double describeRaw(BenchContext context, URI endpoint, int requests) throws Exception {
        java.time.Clock clock = java.time.Clock.systemUTC();
        return Throughput.measure(() -> {
            SignedHttp.Response response = SignedHttp.postForm(endpoint, "ec2", Sandbox.DEFAULT_REGION, TestSandbox.root(), clock,
                    "Action=DescribeSecurityGroups&Version=2016-11-15");
            if (response.status() != 200) {
                throw new IllegalStateException("DescribeSecurityGroups answered " + response.status());
            }
            return response.body().length();
        }, context.threads(), requests);
    }

    private static double describeFiltered(BenchContext context, URI endpoint) throws Exception {
        try (Ec2Client ec2 = context.client(Ec2Client.builder(), endpoint, TestSandbox.root(), Sandbox.DEFAULT_REGION)) {
            return context.measure(() -> ec2.describeSecurityGroups(r -> r.filters(
                    Filter.builder().name("group-name").values("default").build())));
        }
    }

    /**
     * 1,000 groups and 5,000 rules (CIDR ranges and group references mixed) in us-west-2,
     * built through the backend, with 60 instances spread over the groups.
     */
    private static List<String> buildReachabilityWorld(Ec2Backend backend) {
        RegionState state = backend.region(Sandbox.ROOT_ACCOUNT, "us-west-2");
        List<SecurityGroup> groups = new ArrayList<>();
        for (int i = 0; i < GROUPS; i++) {
            groups.add(backend.securityGroups().create(state, "reach-" + i, "reachability bench", null, Map.of()));
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int[] ports = {22, 80, 443, 3306, 5432, 8080};
        for (int i = 0; i < GROUPS; i++) {
            SecurityGroup group = groups.get(i);
            List<IpPermission> permissions = new ArrayList<>();
            for (int r = 0; r < RULES_PER_GROUP - 1; r++) {
                int port = ports[r];
                RulePeer peer = r % 2 == 0
                        ? new RulePeer.Group(groups.get(random.nextInt(GROUPS)).id(), Sandbox.ROOT_ACCOUNT)
                        : RulePeer.Ipv4.of("172.31." + random.nextInt(256) + ".0/24");
                permissions.add(new IpPermission("tcp", port, port, List.of(new IpPermission.Peer(peer, null))));
            }
            backend.securityGroups().authorize(state, group, false, permissions, Map.of());
        }
        String ami = Images.forRegion("us-west-2").stream().filter(i -> i.architecture().equals("x86_64")).findFirst().orElseThrow().id();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            List<String> groupIds = List.of(groups.get(random.nextInt(GROUPS)).id(), groups.get(random.nextInt(GROUPS)).id());
            LaunchRequest request = new LaunchRequest(ami, "t2.nano", 1, 1, null, groupIds.stream().distinct().toList(), List.of(),
                    null, null, Map.of(), false);
            for (Instance instance : backend.instances().run(state, request)) {
                ids.add(instance.id());
            }
        }
        return ids;
    }
}
