package io.awstutor.sandbox.rds;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One Aurora DB cluster's state, guarded by its backend's lock. Its members are the instances naming it. */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE)
public final class DbCluster implements Cloneable {
    String identifier;
    String arn;
    String resourceId;
    String engine;
    String engineVersion;
    String engineMode = "provisioned";
    String masterUsername;
    String databaseName;
    int port;
    List<String> availabilityZones = new ArrayList<>();
    List<String> vpcSecurityGroupIds = new ArrayList<>();
    String subnetGroupName;
    String vpcId;
    String endpoint;
    String readerEndpoint;
    String hostedZoneId;
    Instant createTime;
    Timeline timeline;
    boolean deletionProtection;
    int backupRetentionPeriod;
    boolean storageEncrypted;
    boolean copyTagsToSnapshot;
    Double minCapacity;
    Double maxCapacity;
    Map<String, String> tags = new LinkedHashMap<>();
    /** The loopback port of the engine's front when a real engine stands behind the cluster, else 0. */
    int endpointPort;
    /** The Secrets Manager secret of a master password RDS manages, else null. */
    MasterUserSecret masterUserSecret;
    /** Whether the Data API answers for this cluster. */
    boolean httpEndpointEnabled;

    public String status(Instant now) {
        return timeline.statusAt(now);
    }

    public String identifier() {
        return identifier;
    }

    public String arn() {
        return arn;
    }

    public String engine() {
        return engine;
    }

    public String databaseName() {
        return databaseName;
    }

    public boolean httpEndpointEnabled() {
        return httpEndpointEnabled;
    }

    public boolean serverlessV2() {
        return minCapacity != null && maxCapacity != null;
    }

    /** A detached copy, safe to read after the backend's lock is released. */
    public DbCluster copy() {
        try {
            DbCluster c = (DbCluster) super.clone();
            c.availabilityZones = new ArrayList<>(availabilityZones);
            c.vpcSecurityGroupIds = new ArrayList<>(vpcSecurityGroupIds);
            c.tags = new LinkedHashMap<>(tags);
            return c;
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "DbCluster[" + identifier + ", " + engine + " " + engineVersion + "]";
    }
}
