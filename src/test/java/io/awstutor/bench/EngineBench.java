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
 * The {@code engines} section of bench-sandbox: per engine (PostgreSQL for postgres, MariaDB
 * for mariadb), the time from CreateDBInstance (time scale 0, engine already cached) to the
 * first answered query through the endpoint, and the resident memory of the running engine
 * (its server process and children). Goals: under 3 s and 150 MB each. It runs its own
 * sandbox with engines (the shared one has none); runs per engine from
 * {@code AWSTUTOR_BENCH_ENGINE_RUNS} (default 3, at most 10). Moto runs no engines.
 */
public final class EngineBench implements BenchSection {
    private static final List<String> ENGINES = List.of("postgres", "mariadb");

    @Override
    public String title() {
        return "engines";
    }

    @Override
    public void run(BenchContext context, BenchTable table) throws Exception {
        int runs = Math.max(1, Math.min(10, Integer.parseInt(System.getenv().getOrDefault("AWSTUTOR_BENCH_ENGINE_RUNS", "3"))));
        EngineSettings settings = EngineSettings.cachedIn(TutorHome.resolve()).withProgress(System.err::println);
        try (TestSandbox box = TestSandbox.start(SandboxOptions.inMemory().withTimeScale(0).withEngines(settings))) {
            RdsClient rds = box.rds();
            Ec2Client ec2 = box.ec2();
            String vpc = ec2.describeVpcs(r -> r.filters(f -> f.name("is-default").values("true"))).vpcs().get(0).vpcId();
            String group = ec2.createSecurityGroup(r -> r.groupName("bench").description("bench").vpcId(vpc)).groupId();
            ec2.authorizeSecurityGroupIngress(r -> r.groupId(group).ipPermissions(p -> p.ipProtocol("tcp").fromPort(0).toPort(65535)
                    .ipRanges(range -> range.cidrIp("0.0.0.0/0"))));
            EngineFleet fleet = box.sandbox().resource(EngineFleet.class).orElseThrow();
            for (String engine : ENGINES) {
                // warm-up: fetches and unpacks the engine when it is not cached yet (not counted)
                String warm = "warm-" + engine;
                firstQuery(rds, engine, warm, group);
                rds.deleteDBInstance(r -> r.dbInstanceIdentifier(warm).skipFinalSnapshot(true));
                double slowest = 0;
                long largest = 0;
                StringBuilder each = new StringBuilder();
                for (int i = 0; i < runs; i++) {
                    String id = engine + "-" + i;
                    long started = System.nanoTime();
                    firstQuery(rds, engine, id, group);
                    double seconds = (System.nanoTime() - started) / 1e9;
                    long pid = fleet.enginePid(new DatabaseEngines.Ref("000000000000", "us-east-1", id)).orElseThrow();
                    long rss = rss(pid);
                    slowest = Math.max(slowest, seconds);
                    largest = Math.max(largest, rss);
                    each.append(String.format(Locale.ROOT, "%s%.2f s/%.0f MB", each.isEmpty() ? "" : ", ", seconds, rss / 1e6));
                    rds.deleteDBInstance(r -> r.dbInstanceIdentifier(id).skipFinalSnapshot(true));
                }
                table.addFigure(title(), engine + ": CreateDBInstance to first query (slowest)",
                        String.format(Locale.ROOT, "%.2f s", slowest), "goal < 3 s; runs: " + each);
                table.addFigure(title(), engine + ": engine RSS (largest)",
                        String.format(Locale.ROOT, "%.0f MB", largest / 1e6), "goal < 150 MB");
            }
        }
    }

    private static void firstQuery(RdsClient rds, String engine, String id, String group) throws Exception {
        rds.createDBInstance(r -> r.dbInstanceIdentifier(id).engine(engine).dbInstanceClass("db.t3.micro").allocatedStorage(20)
                .masterUsername("bench").masterUserPassword("bench-pass-1").vpcSecurityGroupIds(group).publiclyAccessible(true));
        Endpoint ep = rds.describeDBInstances(r -> r.dbInstanceIdentifier(id)).dbInstances().get(0).endpoint();
        String url = engine.equals("postgres") ? "jdbc:postgresql://" + ep.address() + ":" + ep.port() + "/postgres?loginTimeout=120"
                : "jdbc:mariadb://" + ep.address() + ":" + ep.port() + "/mysql?connectTimeout=120000";
        try (Connection c = DriverManager.getConnection(url, "bench", "bench-pass-1");
             ResultSet rs = c.createStatement().executeQuery("SELECT 1")) {
            rs.next();
        } catch (java.sql.SQLException e) {
            rds.describeEvents(r -> r.sourceIdentifier(id)).events().forEach(ev -> System.err.println("event: " + ev.message()));
            throw e;
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
