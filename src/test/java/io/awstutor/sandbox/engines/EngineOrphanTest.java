package io.awstutor.sandbox.engines;

import io.awstutor.bench.SandboxProcess;
import io.awstutor.sandbox.TestSandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.Endpoint;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * No engine outlives its sandbox, even after {@code kill -9} of the sandbox's JVM: a real
 * {@code awstutor sandbox} with a running PostgreSQL is killed; its engine ends with it
 * (setpriv's --pdeathsig), and the next sandbox to start removes the dead one's session
 * folder and ends every engine still listed there that runs on that data (the case where
 * --pdeathsig is missing), while a process that merely reuses a listed pid is left alone.
 */
class EngineOrphanTest {

    @Test
    void afterKillDashNineNoEngineIsLeftAndTheNextStartCleansUp(@TempDir Path tmp) throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "needs Linux's /proc");
        EngineSettings settings = EngineSettings.fromEnvironment();
        Path sessions = SessionFolder.base(settings.cache(), EngineUser.detect());
        Process orphan = null;
        Process bystander = null;
        try {
            SandboxProcess first = SandboxProcess.start(tmp.resolve("data"), tmp.resolve("first.log"));
            List<ProcessHandle> engines;
            try {
                queryThrough(first.endpoint());
                engines = ProcessHandle.of(first.pid()).orElseThrow().descendants()
                        .filter(p -> p.info().command().orElse("").contains("postgres")).toList();
                assertFalse(engines.isEmpty(), "the sandbox runs a PostgreSQL for its DB instance");
            } finally {
                first.kill();
            }
            Path dead = sessions.resolve("session-" + first.pid());
            for (ProcessHandle engine : engines) {
                assertTrue(gone(engine), "the engine " + engine.pid() + " outlived the killed sandbox");
            }
            Path pids = dead.resolve("pids");
            assertTrue(Files.isDirectory(pids), "a killed sandbox leaves its session folder for the next one to sweep: " + dead);
            String dataFolder;
            try (Stream<Path> listed = Files.list(pids)) {
                dataFolder = Files.readString(listed.findFirst().orElseThrow(), StandardCharsets.UTF_8);
            }
            // Where --pdeathsig is missing the engine lives on: a process on that data, listed there.
            orphan = new ProcessBuilder("tail", "-f", dataFolder + "/engine.log").start();
            Files.writeString(pids.resolve(String.valueOf(orphan.pid())), dataFolder, StandardCharsets.UTF_8);
            // A listed pid that now belongs to something else must survive the sweep.
            bystander = new ProcessBuilder("sleep", "600").start();
            Files.writeString(pids.resolve(String.valueOf(bystander.pid())), dataFolder, StandardCharsets.UTF_8);

            try (SandboxProcess next = SandboxProcess.start(tmp.resolve("data"), tmp.resolve("next.log"))) {
                assertTrue(gone(orphan.toHandle()), "the next start ends the orphaned engine");
                assertTrue(bystander.isAlive(), "a process that only reuses a listed pid is left alone");
                assertFalse(Files.exists(dead), "the next start removes the dead sandbox's session folder");
                queryThrough(next.endpoint());
            }
        } finally {
            if (orphan != null) {
                orphan.destroyForcibly();
            }
            if (bystander != null) {
                bystander.destroyForcibly();
            }
        }
    }

    /** Creates (or finds again, after a restart with --data) a public PostgreSQL instance and answers SELECT 1 through its endpoint. */
    private static void queryThrough(URI endpoint) throws Exception {
        StaticCredentialsProvider root = StaticCredentialsProvider.create(TestSandbox.root());
        try (RdsClient rds = RdsClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1).credentialsProvider(root).build();
             Ec2Client ec2 = Ec2Client.builder().endpointOverride(endpoint).region(Region.US_EAST_1).credentialsProvider(root).build()) {
            if (rds.describeDBInstances().dbInstances().isEmpty()) {
                String vpc = ec2.describeVpcs(r -> r.filters(f -> f.name("is-default").values("true"))).vpcs().get(0).vpcId();
                String group = ec2.createSecurityGroup(r -> r.groupName("db").description("db").vpcId(vpc)).groupId();
                ec2.authorizeSecurityGroupIngress(r -> r.groupId(group).ipPermissions(p -> p.ipProtocol("tcp").fromPort(5432)
                        .toPort(5432).ipRanges(range -> range.cidrIp("0.0.0.0/0"))));
                rds.createDBInstance(r -> r.dbInstanceIdentifier("kept").engine("postgres").dbInstanceClass("db.t3.micro")
                        .allocatedStorage(20).masterUsername("learner").masterUserPassword("first-pass-1")
                        .vpcSecurityGroupIds(group).publiclyAccessible(true));
            }
            rds.waiter().waitUntilDBInstanceAvailable(r -> r.dbInstanceIdentifier("kept"));
            Endpoint ep = rds.describeDBInstances(r -> r.dbInstanceIdentifier("kept")).dbInstances().get(0).endpoint();
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + ep.address() + ":" + ep.port()
                    + "/postgres?loginTimeout=120", "learner", "first-pass-1")) {
                assertTrue(c.createStatement().executeQuery("SELECT 1").next());
            }
        }
    }

    private static boolean gone(ProcessHandle process) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (process.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        return !process.isAlive();
    }
}
