package io.awstutor.sandbox.engines;

import io.awstutor.progress.TutorHome;
import io.awstutor.sandbox.SandboxOptions;
import io.awstutor.sandbox.TestSandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.rds.model.Endpoint;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** With a data folder, a database's rows and its endpoint survive a restart of the sandbox. */
class EnginePersistenceTest {

    @Test
    void rowsAndTheEndpointSurviveARestartWithADataFolder(@TempDir Path data) throws Exception {
        SandboxOptions options = SandboxOptions.inMemory().withTimeScale(0).withDataDir(data)
                .withEngines(EngineSettings.cachedIn(TutorHome.resolve()).withProgress(System.err::println));
        Endpoint before;
        try (TestSandbox box = TestSandbox.start(options)) {
            String vpc = box.ec2().describeVpcs(r -> r.filters(f -> f.name("is-default").values("true"))).vpcs().get(0).vpcId();
            String group = box.ec2().createSecurityGroup(r -> r.groupName("db").description("database").vpcId(vpc)).groupId();
            box.ec2().authorizeSecurityGroupIngress(r -> r.groupId(group).ipPermissions(p -> p.ipProtocol("tcp").fromPort(5432)
                    .toPort(5432).ipRanges(range -> range.cidrIp("0.0.0.0/0"))));
            box.rds().createDBInstance(r -> r.dbInstanceIdentifier("kept").engine("postgres").dbInstanceClass("db.t3.micro")
                    .allocatedStorage(20).masterUsername("learner").masterUserPassword("first-pass-1").dbName("shop")
                    .vpcSecurityGroupIds(group).publiclyAccessible(true));
            before = box.rds().describeDBInstances(r -> r.dbInstanceIdentifier("kept")).dbInstances().get(0).endpoint();
            try (Connection c = PostgresEngineTest.connect(before, "learner", "first-pass-1", "shop"); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE notes (body text)");
                s.execute("INSERT INTO notes VALUES ('still here')");
            }
        }
        try (TestSandbox box = TestSandbox.start(options)) {
            Endpoint after = box.rds().describeDBInstances(r -> r.dbInstanceIdentifier("kept")).dbInstances().get(0).endpoint();
            assertEquals(before.port(), after.port(), "the endpoint keeps its port when it is free");
            try (Connection c = PostgresEngineTest.connect(after, "learner", "first-pass-1", "shop"); Statement s = c.createStatement()) {
                assertEquals(List.of("still here"), PostgresEngineTest.rows(s, "SELECT body FROM notes"));
            }
        }
    }
}
