package io.awstutor.bench;

import io.awstutor.progress.TutorHome;
import io.awstutor.sandbox.SandboxOptions;
import io.awstutor.sandbox.TestSandbox;
import io.awstutor.sandbox.engines.EngineFleet;
import io.awstutor.sandbox.engines.EngineSettings;
import io.awstutor.sandbox.rds.DatabaseEngines;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.Endpoint;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.Locale;

/**
 * bench-engines: per engine, the time from CreateDBInstance (time scale 0, engine already
 * cached) to the first answered query through the endpoint, and the resident memory of the
 * running engine (its server process and children). Goals: under 3 s and 150 MB each.
 * Usage: scripts/bench-engines [--runs N]   (default 3)
 */
public final class EngineBench {
    private EngineBench() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length == 2 && args[0].equals("--runs") ? Math.min(10, Integer.parseInt(args[1])) : 3;
        EngineSettings settings = EngineSettings.cachedIn(TutorHome.resolve()).withProgress(System.err::println);
        try (TestSandbox box = TestSandbox.start(SandboxOptions.inMemory().withTimeScale(0).withEngines(settings))) {
            RdsClient rds = box.rds();
            Ec2Client ec2 = box.ec2();
            String vpc = ec2.describeVpcs(r -> r.filters(f -> f.name("is-default").values("true"))).vpcs().get(0).vpcId();
            String group = ec2.createSecurityGroup(r -> r.groupName("bench").description("bench").vpcId(vpc)).groupId();
            ec2.authorizeSecurityGroupIngress(r -> r.groupId(group).ipPermissions(p -> p.ipProtocol("tcp").fromPort(0).toPort(65535)
                    .ipRanges(range -> range.cidrIp("0.0.0.0/0"))));
            EngineFleet fleet = box.sandbox().resource(EngineFleet.class).orElseThrow();
            for (String engine : List.of("postgres")) {
                // warm-up: fetches and unpacks the engine when it is not cached yet
                String warm = "warm-" + engine;
                firstQuery(rds, engine, warm, group);
                rds.deleteDBInstance(r -> r.dbInstanceIdentifier(warm).skipFinalSnapshot(true));
                for (int i = 0; i < runs; i++) {
                    String id = engine + "-" + i;
                    long started = System.nanoTime();
                    firstQuery(rds, engine, id, group);
                    double seconds = (System.nanoTime() - started) / 1e9;
                    long pid = fleet.enginePid(new DatabaseEngines.Ref("000000000000", "us-east-1", id)).orElseThrow();
                    System.out.printf(Locale.ROOT, "%-9s create -> first query %.2f s   engine RSS %.0f MB%n", engine, seconds,
                            rss(pid) / 1e6);
                    rds.deleteDBInstance(r -> r.dbInstanceIdentifier(id).skipFinalSnapshot(true));
                }
            }
        }
    }

    private static void firstQuery(RdsClient rds, String engine, String id, String group) throws Exception {
        rds.createDBInstance(r -> r.dbInstanceIdentifier(id).engine(engine).dbInstanceClass("db.t3.micro").allocatedStorage(20)
                .masterUsername("bench").masterUserPassword("bench-pass-1").vpcSecurityGroupIds(group).publiclyAccessible(true));
        Endpoint ep = rds.describeDBInstances(r -> r.dbInstanceIdentifier(id)).dbInstances().get(0).endpoint();
        String url = "jdbc:postgresql://" + ep.address() + ":" + ep.port() + "/postgres?loginTimeout=60";
        try (Connection c = DriverManager.getConnection(url, "bench", "bench-pass-1");
             ResultSet rs = c.createStatement().executeQuery("SELECT 1")) {
            rs.next();
        }
    }

    /** VmRSS of the process and its descendants (PostgreSQL forks a few helpers), in bytes. */
    private static long rss(long pid) {
        return ProcessHandle.of(pid).map(p -> {
            long total = vmRss(p.pid());
            for (ProcessHandle child : p.descendants().toList()) {
                total += vmRss(child.pid());
            }
            return total;
        }).orElse(0L);
    }

    private static long vmRss(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (Exception e) {
            // gone, or not Linux
        }
        return 0;
    }
}
