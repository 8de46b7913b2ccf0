package io.awstutor.workshop.aws;

import io.awstutor.cost.Cleaner;
import io.awstutor.cost.Ledger;
import io.awstutor.cost.LedgerEntry;
import io.awstutor.cost.ResourceKind;
import io.awstutor.target.ClientFactory;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code awstutor workshop teardown}: everything the workshop's learners created, found by
 * their prefix (every name they may use starts with their user's name) and by the workshop's
 * tag, deleted in dependency order by the same {@link Cleaner} as {@code /cleanup} (instances
 * before their security groups, a bucket's objects before the bucket, a user's keys before
 * the user); then the learners' users; then the workshop's policy.
 */
public final class Teardown {
    private final ClientFactory clients;
    private final Consumer<String> report;

    public Teardown(ClientFactory clients, Consumer<String> report) {
        this.clients = clients;
        this.report = report;
    }

    public Cleaner.Result teardown(String tag, String region) {
        String account = clients.sts().getCallerIdentity().account();
        String policyArn = "arn:aws:iam::" + account + ":policy/" + Provisioner.policyName(tag);
        List<String> learners;
        var iam = clients.iam();
        try {
            learners = iam.listEntitiesForPolicy(b -> b.policyArn(policyArn)).policyUsers().stream()
                    .map(u -> u.userName()).toList();
        } catch (NoSuchEntityException none) {
            report.accept("no workshop '" + tag + "' in account " + account + " (no policy " + Provisioner.policyName(tag) + ")");
            return new Cleaner.Result(0, 0);
        }
        List<LedgerEntry> entries = new ArrayList<>();
        var s3 = clients.s3(region);
        for (var bucket : s3.listBuckets().buckets()) {
            if (ownedByALearner(bucket.name(), learners)) {
                String location = s3.getBucketLocation(b -> b.bucket(bucket.name())).locationConstraintAsString();
                entries.add(entry(account, location == null || location.isEmpty() ? "us-east-1" : location, ResourceKind.S3_BUCKET, bucket.name()));
            }
        }
        var ec2 = clients.ec2(region);
        ec2.describeInstances(b -> b.filters(Filter.builder().name("instance-state-name").values("pending", "running", "stopping", "stopped").build()))
                .reservations().forEach(r -> r.instances().forEach(i -> {
                    boolean ours = i.tags().stream().anyMatch(t -> (t.key().equals(Provisioner.TAG_KEY) && t.value().equals(tag))
                            || (t.key().equals("Name") && ownedByALearner(t.value(), learners)))
                            || (i.keyName() != null && ownedByALearner(i.keyName(), learners));
                    if (ours) {
                        entries.add(entry(account, region, ResourceKind.EC2_INSTANCE, i.instanceId()));
                    }
                }));
        ec2.describeSecurityGroups().securityGroups().stream().filter(g -> ownedByALearner(g.groupName(), learners))
                .forEach(g -> entries.add(entry(account, region, ResourceKind.SECURITY_GROUP, g.groupId())));
        ec2.describeKeyPairs().keyPairs().stream().filter(k -> ownedByALearner(k.keyName(), learners))
                .forEach(k -> entries.add(entry(account, region, ResourceKind.KEY_PAIR, k.keyName())));
        clients.rds(region).describeDBInstances().dbInstances().stream().filter(d -> ownedByALearner(d.dbInstanceIdentifier(), learners))
                .forEach(d -> entries.add(entry(account, region, ResourceKind.RDS_INSTANCE, d.dbInstanceIdentifier())));
        iam.listUsers().users().stream().filter(u -> ownedByALearner(u.userName(), learners))
                .forEach(u -> entries.add(entry(account, region, ResourceKind.IAM_USER, u.userName())));
        iam.listRoles().roles().stream().filter(r -> ownedByALearner(r.roleName(), learners))
                .forEach(r -> entries.add(entry(account, region, ResourceKind.IAM_ROLE, r.roleName())));
        iam.listPolicies(b -> b.scope("Local")).policies().stream().filter(p -> ownedByALearner(p.policyName(), learners))
                .forEach(p -> entries.add(entry(account, region, ResourceKind.IAM_POLICY, p.arn())));
        report.accept("found " + entries.size() + " resources of " + learners.size() + " learners");
        Cleaner.Result resources = cleaner().clean(entries, true);
        List<LedgerEntry> users = new ArrayList<>();
        learners.forEach(u -> users.add(entry(account, region, ResourceKind.IAM_USER, u)));
        users.add(entry(account, region, ResourceKind.IAM_POLICY, policyArn));
        Cleaner.Result people = cleaner().clean(users, true);
        return new Cleaner.Result(resources.deleted() + people.deleted(), resources.failed() + people.failed());
    }

    /** {@code ws-ana-notes} is ws-ana's; {@code ws-anatole-x} is not. */
    static boolean ownedByALearner(String name, List<String> learners) {
        return name != null && learners.stream().anyMatch(l -> name.startsWith(l + "-"));
    }

    private Cleaner cleaner() {
        try {
            Path scratch = Files.createTempDirectory("awstutor-teardown");
            return new Cleaner(clients, Ledger.open(scratch, new PrintStream(PrintStream.nullOutputStream())), report);
        } catch (IOException e) {
            throw new UncheckedIOException("a scratch folder for the teardown could not be made: " + e.getMessage(), e);
        }
    }

    private static LedgerEntry entry(String account, String region, ResourceKind kind, String id) {
        return new LedgerEntry("aws", account, region, kind, id, "", Instant.now(), 0, "workshop");
    }
}
