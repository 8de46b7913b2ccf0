package io.awstutor.bench;

import io.awstutor.progress.TutorHome;
import io.awstutor.sandbox.SandboxOptions;
import io.awstutor.sandbox.TestSandbox;
import io.awstutor.sandbox.engines.EngineSettings;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rdsdata.RdsDataClient;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * bench-data-api: per Aurora engine, the latency of the Data API through the SDK for Java
 * (each call a signed HTTPS-style request, a secret read, a fresh engine login and the
 * statement): SELECT 1, a parameterized INSERT, and a transaction (begin, insert, commit).
 * Usage: scripts/bench-data-api [--calls N]   (default 100 per case, at most 1000)
 */
public final class DataApiBench {
    private DataApiBench() {
    }

    public static void main(String[] args) throws Exception {
        int calls = args.length >= 2 && args[0].equals("--calls") ? Math.min(1000, Integer.parseInt(args[1])) : 100;
        EngineSettings settings = EngineSettings.cachedIn(TutorHome.resolve()).withProgress(System.err::println);
        try (TestSandbox box = TestSandbox.start(SandboxOptions.inMemory().withTimeScale(0).withEngines(settings))) {
            RdsClient rds = box.rds();
            RdsDataClient data = box.rdsdata();
            for (String engine : List.of("aurora-postgresql", "aurora-mysql")) {
                String id = engine.replace("aurora-", "bench-");
                rds.createDBCluster(r -> r.dbClusterIdentifier(id).engine(engine).masterUsername("bench").manageMasterUserPassword(true)
                        .enableHttpEndpoint(true).databaseName("bench").serverlessV2ScalingConfiguration(s -> s.minCapacity(0.5).maxCapacity(2.0)));
                rds.createDBInstance(r -> r.dbInstanceIdentifier(id + "-writer").dbClusterIdentifier(id).engine(engine)
                        .dbInstanceClass("db.serverless"));
                rds.waiter().waitUntilDBInstanceAvailable(r -> r.dbInstanceIdentifier(id + "-writer"));
                var cluster = rds.describeDBClusters(r -> r.dbClusterIdentifier(id)).dbClusters().get(0);
                String arn = cluster.dbClusterArn();
                String secret = cluster.masterUserSecret().secretArn();
                data.executeStatement(r -> r.resourceArn(arn).secretArn(secret).database("bench").sql("CREATE TABLE t (v INT)"));
                report(engine, "SELECT 1", calls, () -> data.executeStatement(r -> r.resourceArn(arn).secretArn(secret)
                        .database("bench").sql("SELECT 1")));
                report(engine, "INSERT :v", calls, () -> data.executeStatement(r -> r.resourceArn(arn).secretArn(secret)
                        .database("bench").sql("INSERT INTO t VALUES (:v)").parameters(p -> p.name("v").value(f -> f.longValue(7L)))));
                report(engine, "begin+insert+commit", calls, () -> {
                    String tx = data.beginTransaction(r -> r.resourceArn(arn).secretArn(secret).database("bench")).transactionId();
                    data.executeStatement(r -> r.resourceArn(arn).secretArn(secret).transactionId(tx).sql("INSERT INTO t VALUES (1)"));
                    data.commitTransaction(r -> r.resourceArn(arn).secretArn(secret).transactionId(tx));
                });
            }
        }
    }

    private static void report(String engine, String what, int calls, Runnable call) {
        for (int i = 0; i < Math.min(10, calls); i++) {
            call.run();
        }
        List<Double> millis = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            long t = System.nanoTime();
            call.run();
            millis.add((System.nanoTime() - t) / 1e6);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Collections.sort(millis);
        System.out.printf(Locale.ROOT, "%-18s %-20s p50 %6.1f ms   p99 %6.1f ms   %6.1f/s%n", engine, what,
                millis.get(millis.size() / 2), millis.get(Math.min(millis.size() - 1, (int) Math.ceil(millis.size() * 0.99) - 1)),
                calls / seconds);
    }
}
