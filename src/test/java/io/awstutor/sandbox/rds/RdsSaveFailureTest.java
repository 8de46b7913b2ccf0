package io.awstutor.sandbox.rds;

import io.awstutor.sandbox.SandboxContext;
import io.awstutor.sandbox.protocol.AwsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Issue 16 item 9: a change RDS could not save is not kept in memory either. */
class RdsSaveFailureTest {
    private static final String ACCOUNT = "000000000000";
    private static final String REGION = "us-east-1";

    @TempDir
    Path dir;

    @Test
    void aChangeThatCannotBeSavedIsRolledBack() throws Exception {
        RdsBackend rds = new RdsBackend(new SandboxContext(new MovableClock(), 0.0, Optional.of(dir)),
                new FakeNetwork().withGroup("sg-0db", FakeNetwork.VPC));
        rds.createInstance(ACCOUNT, REGION, RdsBackendTest.request("kept", "postgres", "db.t4g.micro", 20, "dbadmin",
                "Secret123!", true, null, List.of("sg-0db")));
        // the state file's place is taken by a folder that is not empty: the atomic rename must fail
        Path file = dir.resolve("rds/rds.json");
        byte[] saved = Files.readAllBytes(file);
        Files.delete(file);
        Files.writeString(Files.createDirectories(file).resolve("blocker"), "x");

        AwsException failed = assertThrows(AwsException.class, () -> rds.createInstance(ACCOUNT, REGION,
                RdsBackendTest.request("lost", "postgres", "db.t4g.micro", 20, "dbadmin", "Secret123!", true, null, List.of("sg-0db"))));
        assertEquals(500, failed.status());
        assertEquals(List.of("kept"), ids(rds));
        assertEquals(List.of("kept"), rds.endpoints(ACCOUNT, REGION).stream().map(e -> e.id()).toList());

        Files.delete(file.resolve("blocker"));
        Files.delete(file);
        Files.write(file, saved);
        rds.createInstance(ACCOUNT, REGION, RdsBackendTest.request("next", "postgres", "db.t4g.micro", 20, "dbadmin",
                "Secret123!", true, null, List.of("sg-0db")));
        assertEquals(List.of("kept", "next"), ids(rds));
    }

    private static List<String> ids(RdsBackend rds) {
        return rds.describeInstances(ACCOUNT, REGION, null, Map.of(), null, null).items().stream().map(i -> i.identifier).toList();
    }
}
