package io.awstutor.sandbox.ec2;

import io.awstutor.sandbox.SandboxContext;
import io.awstutor.sandbox.protocol.AwsException;
import io.awstutor.sandbox.regions.Region;
import io.awstutor.sandbox.regions.Regions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * EC2's state and rules, per account and region, with no HTTP in sight. The protocol adapter
 * and the lesson checks (through {@link #reachability}) call it; RDS sees it as a
 * {@link NetworkDirectory} and shows it its DB instances through {@link #addEndpointSource}.
 * <p>
 * In-process, from a running sandbox:
 * <pre>{@code
 * Reachability r = sandbox.service(Ec2Handler.class).orElseThrow().backend().reachability("000000000000", "us-east-1");
 * r.canReach(Reachability.Source.endpoint(webInstanceId), dbInstanceId, 3306).reachable();
 * }</pre>
 */
public final class Ec2Backend implements NetworkDirectory, AutoCloseable {
    private final SandboxContext context;
    private final InstanceTimings timings;
    private final ConcurrentHashMap<String, RegionState> states = new ConcurrentHashMap<>();
    private final List<NetworkEndpointSource> endpointSources = new CopyOnWriteArrayList<>();
    private final SecurityGroups securityGroups = new SecurityGroups(this);
    private final Networks networks = new Networks();
    private final Instances instances = new Instances(this);
    private final KeyPairs keyPairs = new KeyPairs(this);
    private final Tagging tagging = new Tagging();
    private final Ec2Persistence persistence;

    public Ec2Backend(SandboxContext context) {
        this.context = context;
        this.timings = InstanceTimings.of(context);
        this.persistence = new Ec2Persistence(context.dataDirFor("ec2"), states);
        persistence.load();
    }

    /** Lets EC2 see another service's network endpoints (RDS's DB instances). */
    public void addEndpointSource(NetworkEndpointSource source) {
        endpointSources.add(source);
    }

    /**
     * The region's state, created with its default network on first use. An unknown region,
     * or an opt-in region this account has not enabled, is refused as AWS refuses a request
     * signed for it.
     */
    public RegionState region(String accountId, String regionName) {
        Region region = Regions.find(regionName).orElseThrow(() ->
                new AwsException("AuthFailure", "Credential should be scoped to a valid region.", 401));
        if (region.optIn()) {
            throw new AwsException("AuthFailure", "AWS was not able to validate the provided access credentials", 401);
        }
        return states.computeIfAbsent(accountId + "/" + regionName, k -> RegionState.withDefaultNetwork(accountId, region));
    }

    /** Every account's regions in use, for the sandbox's usage meter. */
    public List<RegionState> regionStates() {
        return List.copyOf(states.values());
    }

    public SecurityGroups securityGroups() { return securityGroups; }
    public Networks networks() { return networks; }
    public Instances instances() { return instances; }
    public KeyPairs keyPairs() { return keyPairs; }
    public Tagging tagging() { return tagging; }

    /** The reachability evaluator for one account and region (the lesson checks call it in-process). */
    public Reachability reachability(String accountId, String regionName) {
        return new Reachability(this, region(accountId, regionName));
    }

    /**
     * Runs a change and, with a data folder, returns once the state it leaves is saved; a save
     * that fails undoes it (and every change not yet saved) and throws. Called holding no region lock.
     */
    public void change(Runnable change) {
        persistence.change(change::run);
    }

    /** Writes any pending state (the sandbox is closing). */
    @Override
    public void close() {
        persistence.close();
    }

    Instant now() {
        return context.now();
    }

    InstanceTimings timings() {
        return timings;
    }

    /** Network endpoints of other services; asked before taking the region's lock (they may ask us back). */
    List<NetworkEndpoint> externalEndpoints(RegionState state) {
        if (endpointSources.isEmpty()) {
            return List.of();
        }
        List<NetworkEndpoint> all = new ArrayList<>();
        for (NetworkEndpointSource source : endpointSources) {
            all.addAll(source.endpoints(state.accountId, state.region.name()));
        }
        return all;
    }

    // NetworkDirectory, for RDS

    @Override
    public String defaultVpcId(String accountId, String region) {
        return region(accountId, region).defaultVpcId;
    }

    @Override
    public List<SubnetInfo> subnets(String accountId, String region, String vpcId) {
        RegionState state = region(accountId, region);
        synchronized (state) {
            return state.subnets.values().stream().filter(s -> s.vpcId().equals(vpcId))
                    .map(s -> new SubnetInfo(s.id(), s.vpcId(), s.availabilityZone(), s.cidrBlock())).toList();
        }
    }

    @Override
    public Optional<String> securityGroupVpc(String accountId, String region, String groupId) {
        RegionState state = region(accountId, region);
        synchronized (state) {
            SecurityGroup group = state.groups.get(groupId);
            return group == null ? Optional.empty() : Optional.of(group.vpcId());
        }
    }

    @Override
    public String defaultSecurityGroupId(String accountId, String region, String vpcId) {
        RegionState state = region(accountId, region);
        synchronized (state) {
            return state.groups.values().stream().filter(g -> g.isDefault() && g.vpcId().equals(vpcId))
                    .map(SecurityGroup::id).findFirst().orElse(null);
        }
    }

    @Override
    public String allocatePrivateIp(String accountId, String region, String subnetId) {
        String[] address = new String[1];
        change(() -> {
            RegionState state = region(accountId, region);
            synchronized (state) {
                Subnet subnet = state.subnets.get(subnetId);
                if (subnet == null) {
                    throw Ec2Errors.subnetNotFound(subnetId);
                }
                address[0] = state.allocateAddress(subnet);
            }
        });
        return address[0];
    }
}
