package io.awstutor.sandbox.ec2;

import io.awstutor.sandbox.protocol.Filter;
import io.awstutor.sandbox.SandboxContext;
import io.awstutor.sandbox.protocol.AwsException;
import io.awstutor.testing.ExternalTools;
import io.awstutor.testing.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The EC2 backend without HTTP: lifecycle on a moved clock, reachability's edge cases, filters, keys. */
class Ec2BackendTest {
    private static final String ACCOUNT = "111122223333";

    private final MutableClock clock = new MutableClock();
    private Ec2Backend backend;
    private RegionState state;
    private final List<NetworkEndpoint> databases = new ArrayList<>();

    @BeforeEach
    void setUp() {
        backend = new Ec2Backend(new SandboxContext(clock, 1.0, Optional.empty()));
        backend.addEndpointSource((account, region) -> List.copyOf(databases));
        state = backend.region(ACCOUNT, "eu-west-1");
    }

    private String ami(String arch) {
        return Images.forRegion("eu-west-1").stream().filter(i -> i.architecture().equals(arch)).findFirst().orElseThrow().id();
    }

    private Instance launch(String... groups) {
        return backend.instances().run(state, new LaunchRequest(ami("x86_64"), "t3.micro", 1, 1, null, List.of(groups), List.of(),
                null, null, Map.of(), false)).get(0);
    }

    private SecurityGroup group(String name) {
        return backend.securityGroups().create(state, name, name, null, Map.of());
    }

    private void allow(SecurityGroup group, int port, RulePeer peer) {
        backend.securityGroups().authorize(state, group, false,
                List.of(new IpPermission("tcp", port, port, List.of(new IpPermission.Peer(peer, null)))), Map.of());
    }

    @Test
    void lifecycleFollowsTheClockAtRealisticPace() {
        Instance instance = launch();
        assertEquals(InstanceStateName.PENDING, backend.instances().stateOf(instance));
        clock.advance(Duration.ofSeconds(16));
        assertEquals(InstanceStateName.RUNNING, backend.instances().stateOf(instance));
        backend.instances().stop(state, List.of(instance.id()), false);
        assertEquals(InstanceStateName.STOPPING, backend.instances().stateOf(instance));
        AwsException early = assertThrows(AwsException.class, () -> backend.instances().start(state, List.of(instance.id()), false));
        assertEquals("IncorrectInstanceState", early.code());
        assertEquals("The instance '" + instance.id() + "' is not in a state from which it can be started.", early.getMessage());
        clock.advance(Duration.ofSeconds(21));
        assertEquals(InstanceStateName.STOPPED, backend.instances().stateOf(instance));
        backend.instances().terminate(state, List.of(instance.id()), false);
        assertEquals(InstanceStateName.SHUTTING_DOWN, backend.instances().stateOf(instance));
        clock.advance(Duration.ofMinutes(30));
        assertEquals(1, backend.instances().describe(state, List.of(), List.of()).size());
        clock.advance(Duration.ofMinutes(31));
        assertEquals(0, backend.instances().describe(state, List.of(), List.of()).size(), "gone about an hour after terminating");
    }

    @Test
    void theVcpuQuotaLimitsHowManyInstancesLaunch() {
        List<Instance> launched = backend.instances().run(state, new LaunchRequest(ami("x86_64"), "m5.4xlarge", 1, 10, null,
                List.of(), List.of(), null, null, Map.of(), false));
        assertEquals(4, launched.size(), "64 vCPUs hold four 16-vCPU instances");
        AwsException e = assertThrows(AwsException.class, () -> backend.instances().run(state, new LaunchRequest(ami("x86_64"),
                "t3.micro", 1, 1, null, List.of(), List.of(), null, null, Map.of(), false)));
        assertEquals("VcpuLimitExceeded", e.code());
    }

    @Test
    void aDatabaseFromAnotherServiceHoldsItsGroupAndIsReachable() {
        SecurityGroup web = group("web");
        SecurityGroup db = group("db");
        allow(db, 5432, new RulePeer.Group(web.id(), ACCOUNT));
        Instance server = launch(web.id());
        databases.add(new NetworkEndpoint("orders", "db-instance", state.defaultVpcId, "172.31.40.10", List.of(db.id())));
        clock.advance(Duration.ofSeconds(16));

        Reachability reachability = backend.reachability(ACCOUNT, "eu-west-1");
        Reachability.Verdict verdict = reachability.canReach(Reachability.Source.endpoint(server.id()), "orders", 5432);
        assertTrue(verdict.reachable(), verdict.explanation());
        assertFalse(reachability.canReach(Reachability.Source.endpoint("orders"), server.id(), 22).reachable());
        assertEquals("nobody does not exist", reachability.canReach(Reachability.Source.endpoint("nobody"), "orders", 5432).explanation());
        AwsException inUse = assertThrows(AwsException.class, () -> backend.securityGroups().delete(state, db.id(), null));
        assertEquals("DependencyViolation", inUse.code());
        databases.clear();
        backend.securityGroups().revoke(state, db, false, db.ingress().stream().map(r -> new IpPermission(r.protocol(), r.fromPort(),
                r.toPort(), List.of(new IpPermission.Peer(r.peer(), null)))).toList(), List.of());
        backend.securityGroups().delete(state, db.id(), null);
    }

    @Test
    void reachabilityRulesOfTheGame() {
        SecurityGroup web = group("web");
        SecurityGroup admin = group("admin");
        allow(web, 80, RulePeer.Ipv4.of("0.0.0.0/0"));
        allow(admin, 22, RulePeer.Ipv4.of("203.0.113.0/24"));
        Instance both = launch(web.id(), admin.id());
        Instance pending = launch(web.id());
        clock.advance(Duration.ofSeconds(16));
        Reachability reachability = backend.reachability(ACCOUNT, "eu-west-1");

        assertTrue(reachability.canReach(Reachability.Source.address("203.0.113.9"), both.id(), 22).reachable(),
                "rules of all groups add up");
        assertTrue(reachability.canReach(Reachability.Source.address("203.0.113.9"), both.id(), 80).reachable());
        assertFalse(reachability.canReach(Reachability.Source.address("198.51.100.1"), both.id(), 22).reachable());
        assertTrue(reachability.canReach(Reachability.Source.endpoint(pending.id()), both.id(), 80).reachable(),
                "an in-VPC peer matches 0.0.0.0/0 by its private address");
        allow(web, 8000, RulePeer.Ipv4.of("172.31.0.0/16"));
        assertTrue(reachability.canReach(Reachability.Source.endpoint(pending.id()), both.id(), 8000).reachable());
        assertTrue(reachability.canReach(Reachability.Source.address("172.31.1.1"), both.id(), 8000).reachable(),
                "an outside address is judged by the address it comes from, even a private-looking one");

        String vpc = backend.networks().createVpc(state, "10.1.0.0/16", Map.of()).id();
        Subnet isolated = backend.networks().createSubnet(state, vpc, "10.1.1.0/24", null, null, Map.of());
        Instance hidden = backend.instances().run(state, new LaunchRequest(ami("x86_64"), "t3.micro", 1, 1, null, List.of(),
                List.of(), isolated.id(), null, Map.of(), false)).get(0);
        clock.advance(Duration.ofSeconds(16));
        Reachability.Verdict noPublic = reachability.canReach(Reachability.Source.address("8.8.8.8"), hidden.id(), 22);
        assertFalse(noPublic.reachable());
        assertTrue(noPublic.explanation().contains("no public IP address"), noPublic.explanation());
    }

    @Test
    void filtersUseWildcardsAndRefuseUnknownNames() {
        group("web-1");
        group("web-2");
        group("db");
        assertEquals(2, backend.securityGroups().describe(state, List.of(), List.of(),
                List.of(new Filter("group-name", List.of("web-?")))).size());
        assertEquals(3, backend.securityGroups().describe(state, List.of(), List.of(),
                List.of(new Filter("group-name", List.of("web-*", "db")))).size());
        AwsException e = assertThrows(AwsException.class, () -> backend.securityGroups().describe(state, List.of(), List.of(),
                List.of(new Filter("colour", List.of("red")))));
        assertEquals("The filter 'colour' is invalid", e.getMessage());
    }

    @Test
    void cidrArithmetic() {
        Ipv4Cidr block = Ipv4Cidr.parse("172.31.16.0/20");
        assertTrue(block.contains("172.31.31.255"));
        assertFalse(block.contains("172.31.32.0"));
        assertTrue(Ipv4Cidr.parse("0.0.0.0/0").contains("8.8.8.8"));
        assertEquals("10.0.0.0/8", Ipv4Cidr.parse("10.1.2.3/8").toString());
        assertFalse(Ipv4Cidr.isValid("10.0.0.0/33"));
        assertFalse(Ipv4Cidr.isValid("10.0.0/8"));
        assertFalse(Ipv4Cidr.isValid("256.0.0.0/8"));
    }

    @Test
    void generatedKeysAreRealKeys(@TempDir Path dir) throws Exception {
        ExternalTools.require(ExternalTools.find("ssh-keygen").isPresent(), "ssh-keygen");
        for (String type : List.of("rsa", "ed25519")) {
            KeyPairs.Created created = backend.keyPairs().create(state, "k-" + type, type, null, Map.of());
            assertFalse(created.toString().contains(created.privateKeyPem()), "toString never shows the private key");
            Path file = dir.resolve(type + ".pem");
            Files.writeString(file, created.privateKeyPem() + "\n", StandardCharsets.US_ASCII);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            ExternalTools.Result derived = ExternalTools.run(List.of(ExternalTools.find("ssh-keygen").get().toString(), "-y", "-f",
                    file.toString()), Map.of(), 30);
            assertEquals(0, derived.exitCode(), derived.toString());
            String stored = created.keyPair().publicKey();
            assertEquals(stored.substring(0, stored.lastIndexOf(' ')), derived.stdout().trim().split(" ")[0] + " "
                    + derived.stdout().trim().split(" ")[1], "the stored public key is the private key's own");
        }
    }
}
