package io.awstutor.cost;

import io.awstutor.target.ClientFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.DistributionConfig;
import software.amazon.awssdk.services.cloudfront.model.GetDistributionConfigResponse;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.rds.model.DbClusterNotFoundException;
import software.amazon.awssdk.services.rds.model.DbInstanceNotFoundException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** How each kind of resource is deleted on AWS (or an emulator), with what must go first. */
final class AwsCleanups {
    private final ClientFactory clients;
    private final Consumer<String> report;
    private final Predicate<BooleanSupplier> waitFor;

    AwsCleanups(ClientFactory clients, Consumer<String> report, Predicate<BooleanSupplier> waitFor) {
        this.clients = clients;
        this.report = report;
        this.waitFor = waitFor;
    }

    boolean instanceTerminated(String region, String id) {
        try {
            return clients.ec2(region).describeInstances(b -> b.instanceIds(id)).reservations().stream()
                    .flatMap(r -> r.instances().stream())
                    .allMatch(i -> i.state().name() == InstanceStateName.TERMINATED);
        } catch (SdkException e) {
            if (Cleaner.isGone(e)) {
                return true;
            }
            throw e;
        }
    }

    boolean natGateway(LedgerEntry entry) {
        var ec2 = clients.ec2(entry.region());
        ec2.deleteNatGateway(b -> b.natGatewayId(entry.id()));
        boolean gone = waitFor.test(() -> ec2.describeNatGateways(b -> b.natGatewayIds(entry.id())).natGateways().stream()
                .allMatch(n -> n.stateAsString().equals("deleted")));
        report.accept(gone ? "- deleted " + entry.describe() : "! " + entry.describe() + " is still being deleted");
        return gone;
    }

    boolean elasticIp(LedgerEntry entry) {
        clients.ec2(entry.region()).releaseAddress(b -> b.allocationId(entry.id()));
        report.accept("- released " + entry.describe());
        return true;
    }

    boolean database(LedgerEntry entry, boolean skipFinalSnapshot) {
        var rds = clients.rds(entry.region());
        String snapshot = entry.id() + "-final-" + LocalDate.now();
        rds.deleteDBInstance(b -> {
            b.dbInstanceIdentifier(entry.id());
            if (skipFinalSnapshot) {
                b.skipFinalSnapshot(true);
            } else {
                b.skipFinalSnapshot(false).finalDBSnapshotIdentifier(snapshot);
            }
        });
        report.accept("- deleting " + entry.describe() + (skipFinalSnapshot ? ", no final snapshot" : ", final snapshot " + snapshot) + " …");
        boolean gone = waitFor.test(() -> {
            try {
                rds.describeDBInstances(b -> b.dbInstanceIdentifier(entry.id()));
                return false;
            } catch (DbInstanceNotFoundException e) {
                return true;
            }
        });
        report.accept(gone ? "- deleted " + entry.describe() : "! " + entry.describe() + " is still being deleted; /cleanup again later");
        if (gone && !skipFinalSnapshot) {
            report.accept("  (the final snapshot " + snapshot + " stays, and storing it is billed: delete it when you no longer need it)");
        }
        return gone;
    }

    boolean cluster(LedgerEntry entry, boolean skipFinalSnapshot) {
        var rds = clients.rds(entry.region());
        String snapshot = entry.id() + "-final-" + LocalDate.now();
        rds.deleteDBCluster(b -> {
            b.dbClusterIdentifier(entry.id());
            if (skipFinalSnapshot) {
                b.skipFinalSnapshot(true);
            } else {
                b.skipFinalSnapshot(false).finalDBSnapshotIdentifier(snapshot);
            }
        });
        boolean gone = waitFor.test(() -> {
            try {
                rds.describeDBClusters(b -> b.dbClusterIdentifier(entry.id()));
                return false;
            } catch (DbClusterNotFoundException e) {
                return true;
            }
        });
        report.accept(gone ? "- deleted " + entry.describe() : "! " + entry.describe() + " is still being deleted; /cleanup again later");
        return gone;
    }

    /** A group can stay "in use" for a while after its instances ended (their network interfaces linger). */
    boolean securityGroup(LedgerEntry entry) {
        var ec2 = clients.ec2(entry.region());
        SdkException[] last = new SdkException[1];
        boolean deleted = waitFor.test(() -> {
            try {
                ec2.deleteSecurityGroup(b -> b.groupId(entry.id()));
                return true;
            } catch (AwsServiceException e) {
                if (e.awsErrorDetails() != null && "DependencyViolation".equals(e.awsErrorDetails().errorCode())) {
                    last[0] = e;
                    return false;
                }
                throw e;
            }
        });
        if (!deleted) {
            throw last[0];
        }
        report.accept("- deleted " + entry.describe());
        return true;
    }

    boolean keyPair(LedgerEntry entry) {
        clients.ec2(entry.region()).deleteKeyPair(b -> b.keyName(entry.id()));
        report.accept("- deleted " + entry.describe());
        return true;
    }

    /** At once: a recovery window would keep it (and its monthly charge) for 7 to 30 more days. */
    boolean secret(LedgerEntry entry) {
        try {
            clients.secretsmanager(entry.region()).deleteSecret(b -> b.secretId(entry.id()).forceDeleteWithoutRecovery(true));
        } catch (software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException gone) {
            // deleted already
        }
        report.accept("- deleted " + entry.describe());
        return true;
    }

    boolean bucket(LedgerEntry entry) {
        S3Client s3 = clients.s3(entry.region());
        int removed = 0;
        String keyMarker = null;
        String versionMarker = null;
        while (true) {
            String km = keyMarker;
            String vm = versionMarker;
            ListObjectVersionsResponse page = s3.listObjectVersions(b -> b.bucket(entry.id()).keyMarker(km).versionIdMarker(vm));
            List<ObjectIdentifier> batch = new ArrayList<>();
            page.versions().forEach(v -> batch.add(ObjectIdentifier.builder().key(v.key()).versionId(v.versionId()).build()));
            page.deleteMarkers().forEach(m -> batch.add(ObjectIdentifier.builder().key(m.key()).versionId(m.versionId()).build()));
            for (int from = 0; from < batch.size(); from += 1000) {
                List<ObjectIdentifier> chunk = batch.subList(from, Math.min(batch.size(), from + 1000));
                s3.deleteObjects(b -> b.bucket(entry.id()).delete(Delete.builder().objects(chunk).quiet(true).build()));
                removed += chunk.size();
            }
            if (!Boolean.TRUE.equals(page.isTruncated())) {
                break;
            }
            keyMarker = page.nextKeyMarker();
            versionMarker = page.nextVersionIdMarker();
        }
        unlessUnsupported(() -> s3.listMultipartUploads(b -> b.bucket(entry.id())).uploads().forEach(u ->
                s3.abortMultipartUpload(b -> b.bucket(entry.id()).key(u.key()).uploadId(u.uploadId()))));
        if (removed > 0) {
            report.accept("- emptied " + entry.describe() + " (" + removed + " object version" + (removed == 1 ? "" : "s") + ")");
        }
        s3.deleteBucket(b -> b.bucket(entry.id()));
        report.accept("- deleted " + entry.describe());
        return true;
    }

    boolean user(LedgerEntry entry) {
        IamClient iam = clients.iam();
        String user = entry.id();
        List<String> removed = new ArrayList<>();
        iam.listAccessKeys(b -> b.userName(user)).accessKeyMetadata().forEach(k -> {
            iam.deleteAccessKey(b -> b.userName(user).accessKeyId(k.accessKeyId()));
            removed.add("access key " + k.accessKeyId());
        });
        iam.listUserPolicies(b -> b.userName(user)).policyNames().forEach(p -> {
            iam.deleteUserPolicy(b -> b.userName(user).policyName(p));
            removed.add("inline policy " + p);
        });
        iam.listAttachedUserPolicies(b -> b.userName(user)).attachedPolicies().forEach(p -> {
            iam.detachUserPolicy(b -> b.userName(user).policyArn(p.policyArn()));
            removed.add("policy " + p.policyName());
        });
        iam.listGroupsForUser(b -> b.userName(user)).groups().forEach(g -> {
            iam.removeUserFromGroup(b -> b.userName(user).groupName(g.groupName()));
            removed.add("group " + g.groupName());
        });
        try {
            iam.deleteLoginProfile(b -> b.userName(user));
            removed.add("console password");
        } catch (NoSuchEntityException none) {
            // no console password: nothing to remove
        }
        unlessUnsupported(() -> iam.listMFADevices(b -> b.userName(user)).mfaDevices().forEach(d -> {
            iam.deactivateMFADevice(b -> b.userName(user).serialNumber(d.serialNumber()));
            removed.add("MFA device");
        }));
        if (!removed.isEmpty()) {
            report.accept("- removed from " + entry.describe() + ": " + String.join(", ", removed));
        }
        iam.deleteUser(b -> b.userName(user));
        report.accept("- deleted " + entry.describe());
        return true;
    }

    boolean role(LedgerEntry entry) {
        IamClient iam = clients.iam();
        String role = entry.id();
        iam.listInstanceProfilesForRole(b -> b.roleName(role)).instanceProfiles().forEach(p ->
                iam.removeRoleFromInstanceProfile(b -> b.roleName(role).instanceProfileName(p.instanceProfileName())));
        iam.listRolePolicies(b -> b.roleName(role)).policyNames().forEach(p -> iam.deleteRolePolicy(b -> b.roleName(role).policyName(p)));
        iam.listAttachedRolePolicies(b -> b.roleName(role)).attachedPolicies().forEach(p ->
                iam.detachRolePolicy(b -> b.roleName(role).policyArn(p.policyArn())));
        iam.deleteRole(b -> b.roleName(role));
        report.accept("- deleted " + entry.describe());
        return true;
    }

    boolean group(LedgerEntry entry) {
        IamClient iam = clients.iam();
        String group = entry.id();
        iam.getGroup(b -> b.groupName(group)).users().forEach(u -> iam.removeUserFromGroup(b -> b.groupName(group).userName(u.userName())));
        iam.listGroupPolicies(b -> b.groupName(group)).policyNames().forEach(p -> iam.deleteGroupPolicy(b -> b.groupName(group).policyName(p)));
        iam.listAttachedGroupPolicies(b -> b.groupName(group)).attachedPolicies().forEach(p ->
                iam.detachGroupPolicy(b -> b.groupName(group).policyArn(p.policyArn())));
        iam.deleteGroup(b -> b.groupName(group));
        report.accept("- deleted " + entry.describe());
        return true;
    }

    boolean policy(LedgerEntry entry) {
        IamClient iam = clients.iam();
        String arn = entry.id();
        var attached = iam.listEntitiesForPolicy(b -> b.policyArn(arn));
        attached.policyUsers().forEach(u -> iam.detachUserPolicy(b -> b.userName(u.userName()).policyArn(arn)));
        attached.policyGroups().forEach(g -> iam.detachGroupPolicy(b -> b.groupName(g.groupName()).policyArn(arn)));
        attached.policyRoles().forEach(r -> iam.detachRolePolicy(b -> b.roleName(r.roleName()).policyArn(arn)));
        iam.listPolicyVersions(b -> b.policyArn(arn)).versions().stream().filter(v -> !v.isDefaultVersion())
                .forEach(v -> iam.deletePolicyVersion(b -> b.policyArn(arn).versionId(v.versionId())));
        iam.deletePolicy(b -> b.policyArn(arn));
        report.accept("- deleted " + entry.describe());
        return true;
    }

    /** A distribution must be disabled, and that change deployed, before it can be deleted. */
    boolean distribution(LedgerEntry entry) {
        CloudFrontClient cf = clients.cloudfront();
        GetDistributionConfigResponse current = cf.getDistributionConfig(b -> b.id(entry.id()));
        DistributionConfig config = current.distributionConfig();
        if (Boolean.TRUE.equals(config.enabled())) {
            cf.updateDistribution(b -> b.id(entry.id()).ifMatch(current.eTag())
                    .distributionConfig(config.toBuilder().enabled(false).build()));
            report.accept("- disabling " + entry.describe() + " (CloudFront takes minutes to deploy that) …");
        }
        boolean deployed = waitFor.test(() -> "Deployed".equals(cf.getDistribution(b -> b.id(entry.id())).distribution().status()));
        if (!deployed) {
            report.accept("! " + entry.describe() + " is still being disabled; /cleanup again later to delete it");
            return false;
        }
        String etag = cf.getDistribution(b -> b.id(entry.id())).eTag();
        cf.deleteDistribution(b -> b.id(entry.id()).ifMatch(etag));
        report.accept("- deleted " + entry.describe());
        return true;
    }

    /**
     * A step that only matters where the feature exists: an emulator that does not implement
     * the listing cannot hold such a thing either, so its "unknown operation" is not a failure.
     */
    private static void unlessUnsupported(Runnable step) {
        try {
            step.run();
        } catch (AwsServiceException e) {
            String code = e.awsErrorDetails() == null ? "" : String.valueOf(e.awsErrorDetails().errorCode());
            if (!(code.equals("InvalidAction") || code.equals("NotImplemented") || e.statusCode() == 501)) {
                throw e;
            }
        }
    }
}
