package io.awstutor.sandbox.ec2;

import io.awstutor.sandbox.protocol.Arns;
import java.util.ArrayList;
import java.util.List;

/**
 * A security group. Its rule lists are replaced, never changed in place, so a describe or a
 * reachability question can read them without holding the region's lock.
 */
public final class SecurityGroup {
    private final String id;
    private final String name;
    private final String description;
    private final String vpcId;
    private final String ownerId;
    private volatile List<SecurityGroupRule> ingress = List.of();
    private volatile List<SecurityGroupRule> egress = List.of();

    public SecurityGroup(String id, String name, String description, String vpcId, String ownerId) {
        this.id = id;
        this.name = name;
        this.description = description;
        this.vpcId = vpcId;
        this.ownerId = ownerId;
    }

    public String id() { return id; }
    public String name() { return name; }
    public String description() { return description; }
    public String vpcId() { return vpcId; }
    public String ownerId() { return ownerId; }
    public List<SecurityGroupRule> ingress() { return ingress; }
    public List<SecurityGroupRule> egress() { return egress; }

    public boolean isDefault() {
        return "default".equals(name);
    }

    public List<SecurityGroupRule> rules(boolean isEgress) {
        return isEgress ? egress : ingress;
    }

    public List<SecurityGroupRule> allRules() {
        List<SecurityGroupRule> all = new ArrayList<>(ingress);
        all.addAll(egress);
        return all;
    }

    /** Replaces one direction's rules; callers hold the region's lock. */
    void setRules(boolean isEgress, List<SecurityGroupRule> rules) {
        if (isEgress) {
            egress = List.copyOf(rules);
        } else {
            ingress = List.copyOf(rules);
        }
    }

    public String arn(String region) {
        return Arns.regional("ec2", region, ownerId, "security-group/" + id);
    }
}
