package io.awstutor.sandbox.persist;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StateFileTest {
    record User(String name, Instant created, List<String> groups) {
    }

    record State(Map<String, User> users, long counter) {
    }

    @Test
    void savesAndLoadsRecordsWithInstants(@TempDir Path dir) throws Exception {
        StateFile file = new StateFile(dir.resolve("iam").resolve("state.json"));
        assertEquals(Optional.empty(), file.load(State.class));
        State state = new State(Map.of("alice", new User("alice", Instant.parse("2026-01-02T03:04:05Z"), List.of("devs"))), 7);
        file.save(state);
        assertEquals(Optional.of(state), file.load(State.class));
        State next = new State(Map.of(), 8);
        file.save(next);
        assertEquals(Optional.of(next), file.load(State.class));
        try (var files = Files.list(file.path().getParent())) {
            assertEquals(List.of("state.json"), files.map(p -> p.getFileName().toString()).toList(), "no temp files left behind");
        }
    }

    @Test
    void corruptFileIsAClearError(@TempDir Path dir) throws Exception {
        Path path = dir.resolve("state.json");
        Files.writeString(path, "{\"users\": {\"alice\": ");
        StateFile.CorruptStateException e = assertThrows(StateFile.CorruptStateException.class,
                () -> new StateFile(path).load(State.class));
        assertTrue(e.getMessage().startsWith("corrupt state file " + path), e.getMessage());
        assertTrue(e.getMessage().contains("line 1"), e.getMessage());
        assertEquals("{\"users\": {\"alice\": ", Files.readString(path), "the corrupt file is left for the user to inspect");
    }
}
