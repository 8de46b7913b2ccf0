package io.awstutor.sandbox.rds;

import io.awstutor.sandbox.ec2.NetworkEndpoint;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The DB instances as EC2 sees them (for DeleteSecurityGroup's DependencyViolation and for
 * reachability), readable without RDS's lock: EC2 asks while holding its own lock, and RDS
 * calls EC2 while holding this one. An entry lasts until its instance's {@code goneAt}.
 */
final class DbEndpointView {
    private record Entry(NetworkEndpoint endpoint, Instant goneAt) {
    }

    private final Map<String, Map<String, Entry>> byRegion = new ConcurrentHashMap<>();

    /** Publishes (or re-publishes) a DB instance's network view. */
    void publish(RegionState state, DbInstance instance) {
        NetworkEndpoint endpoint = new NetworkEndpoint(instance.identifier, "db-instance", instance.vpcId,
                instance.privateIp, List.copyOf(instance.vpcSecurityGroupIds));
        byRegion.computeIfAbsent(state.accountId + "/" + state.region, k -> new ConcurrentHashMap<>())
                .put(instance.identifier, new Entry(endpoint, instance.timeline.goneAt()));
    }

    void clear() {
        byRegion.clear();
    }

    List<NetworkEndpoint> endpoints(String accountId, String region, Instant now) {
        Map<String, Entry> entries = byRegion.get(accountId + "/" + region);
        if (entries == null) {
            return List.of();
        }
        entries.entrySet().removeIf(e -> e.getValue().goneAt() != null && !e.getValue().goneAt().isAfter(now));
        List<NetworkEndpoint> result = new ArrayList<>();
        entries.values().forEach(e -> result.add(e.endpoint()));
        return result;
    }
}
