package io.awstutor.sandbox.rds;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One DB instance's state, guarded by its backend's lock. The master password is never
 * kept here: a real engine behind the instance (when engines are on) holds it, as RDS's does.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE)
public final class DbInstance implements Cloneable {
    String identifier;
    String arn;
    String resourceId;
    String engine;
    String engineVersion;
    String instanceClass;
    int allocatedStorage;
    String storageType;
    Integer iops;
    String masterUsername;
    String dbName;
    int port;
    boolean multiAz;
    String availabilityZone;
    String secondaryAvailabilityZone;
    boolean publiclyAccessible;
    List<String> vpcSecurityGroupIds = new ArrayList<>();
    String subnetGroupName;
    String vpcId;
    String subnetId;
    String privateIp;
    String endpointAddress;
    String hostedZoneId;
    Instant createTime;
    Timeline timeline;
    boolean deletionProtection;
    int backupRetentionPeriod;
    boolean storageEncrypted;
    boolean copyTagsToSnapshot;
    boolean autoMinorVersionUpgrade = true;
    String licenseModel;
    String clusterIdentifier;
    Integer promotionTier;
    Map<String, String> tags = new LinkedHashMap<>();
    /** The loopback port of the engine's front when a real engine stands behind the instance, else 0. */
    int endpointPort;
    /** The Secrets Manager secret of a master password RDS manages, else null. */
    MasterUserSecret masterUserSecret;

    /** Changes waiting to be applied: at {@code pendingAppliesAt}, or at the next maintenance window when null. */
    String pendingInstanceClass;
    Integer pendingAllocatedStorage;
    Boolean pendingMultiAz;
    /** A new master password is being set until then (shown as "****" in PendingModifiedValues). */
    Instant passwordResetUntil;
    Instant pendingAppliesAt;

    public String status(Instant now) {
        return timeline.statusAt(now);
    }

    /** Folds changes whose time has come into the current values. */
    void applyDuePending(Instant now) {
        if (passwordResetUntil != null && !passwordResetUntil.isAfter(now)) {
            passwordResetUntil = null;
        }
        if (pendingAppliesAt == null || pendingAppliesAt.isAfter(now)) {
            return;
        }
        if (pendingInstanceClass != null) {
            instanceClass = pendingInstanceClass;
        }
        if (pendingAllocatedStorage != null) {
            allocatedStorage = pendingAllocatedStorage;
        }
        if (pendingMultiAz != null) {
            multiAz = pendingMultiAz;
        }
        pendingInstanceClass = null;
        pendingAllocatedStorage = null;
        pendingMultiAz = null;
        pendingAppliesAt = null;
    }

    public boolean hasPending(Instant now) {
        return pendingInstanceClass != null || pendingAllocatedStorage != null || pendingMultiAz != null || resettingPassword(now);
    }

    public boolean resettingPassword(Instant now) {
        return passwordResetUntil != null && passwordResetUntil.isAfter(now);
    }

    /** A detached copy, safe to read after the backend's lock is released. */
    public DbInstance copy() {
        try {
            DbInstance c = (DbInstance) super.clone();
            c.vpcSecurityGroupIds = new ArrayList<>(vpcSecurityGroupIds);
            c.tags = new LinkedHashMap<>(tags);
            return c;
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "DbInstance[" + identifier + ", " + engine + " " + engineVersion + ", " + instanceClass + "]";
    }
}
