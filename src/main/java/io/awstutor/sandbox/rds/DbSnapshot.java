package io.awstutor.sandbox.rds;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A DB snapshot or, with {@code clusterSnapshot}, a DB cluster snapshot: the source's
 * settings at the time it was taken. Manual snapshots outlive their source.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE)
public final class DbSnapshot implements Cloneable {
    String identifier;
    String arn;
    boolean clusterSnapshot;
    String sourceIdentifier;
    String snapshotType = "manual";
    String engine;
    String engineVersion;
    int allocatedStorage;
    String storageType;
    String instanceClass;
    Integer iops;
    String dbName;
    int port;
    String availabilityZone;
    String vpcId;
    String masterUsername;
    String licenseModel;
    boolean encrypted;
    Instant sourceCreateTime;
    Instant createTime;
    Timeline timeline;
    String resourceId;
    Map<String, String> tags = new LinkedHashMap<>();

    public String status(Instant now) {
        return timeline.statusAt(now);
    }

    /** Percent progress as AWS reports it: 0 while creating, 100 once available. */
    public int percentProgress(Instant now) {
        return "available".equals(status(now)) ? 100 : 0;
    }
    /** A detached copy, safe to read after the backend's lock is released. */
    public DbSnapshot copy() {
        try {
            DbSnapshot c = (DbSnapshot) super.clone();
            c.tags = new LinkedHashMap<>(tags);
            return c;
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

}
