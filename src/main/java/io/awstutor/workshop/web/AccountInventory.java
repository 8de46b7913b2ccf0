package io.awstutor.workshop.web;

import io.awstutor.sandbox.accounts.AccountKeys;
import io.awstutor.target.ClientFactory;
import io.awstutor.target.TargetSettings;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * What is in one learner's account, read with that account's own keys through the real SDK
 * (read-only calls, as the learner's clients would make them): buckets, instances, security
 * groups, databases, IAM users and roles. One service failing shows as that line's error.
 */
public final class AccountInventory {
    public record Item(String service, String kind, String name, String detail) {
    }

    private final URI endpoint;
    private final String region;

    public AccountInventory(URI endpoint, String region) {
        this.endpoint = endpoint;
        this.region = region;
    }

    public List<Item> list(AccountKeys account) {
        ClientFactory clients = new ClientFactory(TargetSettings.emulator(TargetSettings.TargetKind.SANDBOX, endpoint, region,
                account.accessKeyId(), account.secretAccessKey()));
        List<Item> items = new ArrayList<>();
        collect(items, "s3", () -> {
            try (var s3 = clients.s3()) {
                return s3.listBuckets().buckets().stream().map(b -> new Item("s3", "bucket", b.name(), "")).toList();
            }
        });
        collect(items, "ec2", () -> {
            try (var ec2 = clients.ec2()) {
                List<Item> found = new ArrayList<>();
                ec2.describeInstances().reservations().forEach(r -> r.instances().forEach(i -> found.add(
                        new Item("ec2", "instance", i.instanceId(), i.instanceTypeAsString() + ", " + i.state().nameAsString()))));
                ec2.describeSecurityGroups().securityGroups().stream().filter(g -> !"default".equals(g.groupName()))
                        .forEach(g -> found.add(new Item("ec2", "security group", g.groupId(), g.groupName())));
                return found;
            }
        });
        collect(items, "rds", () -> {
            try (var rds = clients.rds()) {
                return rds.describeDBInstances().dbInstances().stream().map(d -> new Item("rds", "DB instance",
                        d.dbInstanceIdentifier(), d.engine() + ", " + d.dbInstanceStatus())).toList();
            }
        });
        collect(items, "iam", () -> {
            try (var iam = clients.iam()) {
                List<Item> found = new ArrayList<>();
                iam.listUsers().users().forEach(u -> found.add(new Item("iam", "user", u.userName(), u.arn())));
                iam.listRoles().roles().forEach(r -> found.add(new Item("iam", "role", r.roleName(), r.arn())));
                return found;
            }
        });
        return items;
    }

    private static void collect(List<Item> items, String service, Supplier<List<Item>> lister) {
        try {
            items.addAll(lister.get());
        } catch (RuntimeException e) {
            items.add(new Item(service, "error", "could not be listed", String.valueOf(e.getMessage())));
        }
    }
}
