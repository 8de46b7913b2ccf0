package io.awstutor.sandbox.ec2;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Saves and restores EC2's state in the data folder (in memory only when there is none). */
final class Ec2Persistence {
    private final Optional<Path> dir;
    private final Map<String, RegionState> states;

    Ec2Persistence(Optional<Path> dir, Map<String, RegionState> states) {
        this.dir = dir;
        this.states = states;
    }

    void load() {
        // filled in with the state file format
    }

    void save() {
        if (dir.isEmpty() || states.isEmpty()) {
            return;
        }
    }
}
