package io.awstutor.sandbox.rds;

import io.awstutor.sandbox.ec2.NetworkDirectory.SubnetInfo;
import io.awstutor.sandbox.protocol.XmlWriter;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Writes RDS's resource shapes (DBInstance, DBCluster, DBSnapshot, DBSubnetGroup) with the
 * element names of the service model: list members carry their locationName
 * ({@code <VpcSecurityGroupMembership>}, {@code <Tag>}, {@code <DBClusterMember>}).
 */
final class RdsXml {
    static final String BACKUP_WINDOW = "03:00-03:30";
    static final String MAINTENANCE_WINDOW = "sun:05:00-sun:05:30";
    static final String CA_CERTIFICATE = "rds-ca-rsa2048-g1";

    private RdsXml() {
    }

    static void instance(XmlWriter x, String element, DbInstance db, DbSubnetGroup group, Instant now) {
        instance(x, element, db, group, now, null);
    }

    /** {@code since}: when the call being answered began (see {@link Timeline#statusAnswering}); null for a read. */
    static void instance(XmlWriter x, String element, DbInstance db, DbSubnetGroup group, Instant now, Instant since) {
        String status = since == null ? db.status(now) : db.timeline.statusAnswering(since, now);
        x.start(element)
                .element("DBInstanceIdentifier", db.identifier)
                .element("DBInstanceClass", db.instanceClass)
                .element("Engine", db.engine)
                .element("DBInstanceStatus", status)
                .element("MasterUsername", db.masterUsername)
                .element("DBName", db.dbName);
        if (!"creating".equals(status)) {
            // With a real engine, the endpoint is its loopback front: what a JDBC URL must name to reach it.
            x.start("Endpoint").element("Address", db.endpointPort > 0 ? "127.0.0.1" : db.endpointAddress)
                    .element("Port", db.endpointPort > 0 ? db.endpointPort : db.port)
                    .element("HostedZoneId", db.hostedZoneId).end();
        }
        x.element("AllocatedStorage", db.allocatedStorage);
        if (!"creating".equals(status)) {
            x.element("InstanceCreateTime", db.createTime);
        }
        x.element("PreferredBackupWindow", BACKUP_WINDOW)
                .element("BackupRetentionPeriod", db.backupRetentionPeriod)
                .empty("DBSecurityGroups");
        vpcSecurityGroups(x, db.vpcSecurityGroupIds);
        String family = db.engine + majorVersion(db);
        x.start("DBParameterGroups").start("DBParameterGroup")
                .element("DBParameterGroupName", "default." + family)
                .element("ParameterApplyStatus", "in-sync").end().end();
        x.element("AvailabilityZone", db.availabilityZone);
        if (group != null) {
            subnetGroup(x, "DBSubnetGroup", group, false);
        }
        x.element("PreferredMaintenanceWindow", MAINTENANCE_WINDOW);
        x.start("PendingModifiedValues");
        if (db.hasPending(now)) {
            x.element("DBInstanceClass", db.pendingInstanceClass)
                    .element("AllocatedStorage", db.pendingAllocatedStorage)
                    .element("MasterUserPassword", db.resettingPassword(now) ? "****" : null)
                    .element("MultiAZ", db.pendingMultiAz);
        }
        x.end();
        if ("available".equals(status) || "backing-up".equals(status) || "modifying".equals(status)) {
            x.element("LatestRestorableTime", now.minusSeconds(300).isBefore(db.createTime) ? db.createTime : now.minusSeconds(300));
        }
        x.element("MultiAZ", db.multiAz)
                .element("EngineVersion", db.engineVersion)
                .element("AutoMinorVersionUpgrade", db.autoMinorVersionUpgrade)
                .empty("ReadReplicaDBInstanceIdentifiers")
                .element("LicenseModel", db.licenseModel)
                .element("Iops", db.iops);
        x.start("OptionGroupMemberships").start("OptionGroupMembership")
                .element("OptionGroupName", "default:" + db.engine + "-" + majorVersion(db).replace('.', '-'))
                .element("Status", "in-sync").end().end();
        x.element("SecondaryAvailabilityZone", db.multiAz ? db.secondaryAvailabilityZone : null)
                .element("PubliclyAccessible", db.publiclyAccessible)
                .element("StorageType", db.storageType)
                .element("DbInstancePort", 0)
                .element("DBClusterIdentifier", db.clusterIdentifier)
                .element("StorageEncrypted", db.storageEncrypted)
                .element("DbiResourceId", db.resourceId)
                .element("CACertificateIdentifier", CA_CERTIFICATE)
                .empty("DomainMemberships")
                .element("CopyTagsToSnapshot", db.copyTagsToSnapshot)
                .element("MonitoringInterval", 0)
                .element("PromotionTier", db.promotionTier)
                .element("DBInstanceArn", db.arn)
                .element("IAMDatabaseAuthenticationEnabled", false)
                .element("PerformanceInsightsEnabled", false)
                .element("DeletionProtection", db.deletionProtection)
                .empty("AssociatedRoles");
        tags(x, "TagList", db.tags);
        masterUserSecret(x, db.masterUserSecret);
        x.element("CustomerOwnedIpEnabled", false)
                .element("NetworkType", "IPV4")
                .element("BackupTarget", "region")
                .start("CertificateDetails").element("CAIdentifier", CA_CERTIFICATE)
                .element("ValidTill", db.createTime.plus(java.time.Duration.ofDays(365))).end()
                .element("DedicatedLogVolume", false)
                .element("IsStorageConfigUpgradeAvailable", false)
                .end();
    }

    private static String majorVersion(DbInstance db) {
        String[] parts = db.engineVersion.split("\\.");
        return db.engine.contains("postgres") ? parts[0] : parts[0] + "." + parts[1];
    }

    static void cluster(XmlWriter x, String element, DbCluster c, List<DbInstance> members, Instant now) {
        cluster(x, element, c, members, now, null);
    }

    static void cluster(XmlWriter x, String element, DbCluster c, List<DbInstance> members, Instant now, Instant since) {
        String major = c.engine.contains("postgres") ? c.engineVersion.split("\\.")[0]
                : c.engineVersion.substring(0, c.engineVersion.indexOf('.', 2));
        x.start(element).element("AllocatedStorage", 1);
        x.start("AvailabilityZones");
        c.availabilityZones.forEach(z -> x.element("AvailabilityZone", z));
        x.end();
        x.element("BackupRetentionPeriod", c.backupRetentionPeriod)
                .element("DatabaseName", c.databaseName)
                .element("DBClusterIdentifier", c.identifier)
                .element("DBClusterParameterGroup", "default." + c.engine + major)
                .element("DBSubnetGroup", c.subnetGroupName)
                .element("Status", since == null ? c.status(now) : c.timeline.statusAnswering(since, now))
                .element("EarliestRestorableTime", c.createTime)
                .element("Endpoint", c.endpointPort > 0 ? "127.0.0.1" : c.endpoint)
                .element("ReaderEndpoint", c.endpointPort > 0 ? "127.0.0.1" : c.readerEndpoint)
                .element("MultiAZ", members.stream().map(m -> m.availabilityZone).distinct().count() > 1)
                .element("Engine", c.engine)
                .element("EngineVersion", c.engineVersion)
                .element("LatestRestorableTime", now)
                .element("Port", c.endpointPort > 0 ? c.endpointPort : c.port)
                .element("MasterUsername", c.masterUsername)
                .element("PreferredBackupWindow", BACKUP_WINDOW)
                .element("PreferredMaintenanceWindow", MAINTENANCE_WINDOW)
                .empty("ReadReplicaIdentifiers");
        x.start("DBClusterMembers");
        for (int i = 0; i < members.size(); i++) {
            DbInstance m = members.get(i);
            x.start("DBClusterMember").element("DBInstanceIdentifier", m.identifier)
                    .element("IsClusterWriter", i == 0)
                    .element("DBClusterParameterGroupStatus", "in-sync")
                    .element("PromotionTier", m.promotionTier).end();
        }
        x.end();
        vpcSecurityGroups(x, c.vpcSecurityGroupIds);
        x.element("HostedZoneId", c.hostedZoneId)
                .element("StorageEncrypted", c.storageEncrypted)
                .element("DbClusterResourceId", c.resourceId)
                .element("DBClusterArn", c.arn)
                .empty("AssociatedRoles")
                .element("IAMDatabaseAuthenticationEnabled", false)
                .element("ClusterCreateTime", c.createTime)
                .element("EngineMode", c.engineMode)
                .element("DeletionProtection", c.deletionProtection)
                .element("HttpEndpointEnabled", c.httpEndpointEnabled)
                .element("CopyTagsToSnapshot", c.copyTagsToSnapshot)
                .element("CrossAccountClone", false)
                .empty("DomainMemberships");
        tags(x, "TagList", c.tags);
        masterUserSecret(x, c.masterUserSecret);
        if (c.serverlessV2()) {
            x.start("ServerlessV2ScalingConfiguration").element("MinCapacity", c.minCapacity)
                    .element("MaxCapacity", c.maxCapacity).end();
        }
        x.element("NetworkType", "IPV4")
                .element("StorageType", "aurora")
                .element("AutoMinorVersionUpgrade", true)
                .end();
    }

    static void snapshot(XmlWriter x, DbSnapshot s, Instant now) {
        if (s.clusterSnapshot) {
            x.start("DBClusterSnapshot").empty("AvailabilityZones")
                    .element("DBClusterSnapshotIdentifier", s.identifier)
                    .element("DBClusterIdentifier", s.sourceIdentifier)
                    .element("SnapshotCreateTime", s.createTime)
                    .element("Engine", s.engine)
                    .element("EngineMode", "provisioned")
                    .element("AllocatedStorage", s.allocatedStorage)
                    .element("Status", s.status(now))
                    .element("Port", s.port)
                    .element("VpcId", s.vpcId)
                    .element("ClusterCreateTime", s.sourceCreateTime)
                    .element("MasterUsername", s.masterUsername)
                    .element("EngineVersion", s.engineVersion)
                    .element("LicenseModel", s.licenseModel)
                    .element("SnapshotType", s.snapshotType)
                    .element("PercentProgress", s.percentProgress(now))
                    .element("StorageEncrypted", s.encrypted)
                    .element("DBClusterSnapshotArn", s.arn)
                    .element("IAMDatabaseAuthenticationEnabled", false);
            tags(x, "TagList", s.tags);
            x.element("StorageType", s.storageType).element("DbClusterResourceId", s.resourceId).end();
            return;
        }
        x.start("DBSnapshot")
                .element("DBSnapshotIdentifier", s.identifier)
                .element("DBInstanceIdentifier", s.sourceIdentifier)
                .element("SnapshotCreateTime", s.createTime)
                .element("Engine", s.engine)
                .element("AllocatedStorage", s.allocatedStorage)
                .element("Status", s.status(now))
                .element("Port", s.port)
                .element("AvailabilityZone", s.availabilityZone)
                .element("VpcId", s.vpcId)
                .element("InstanceCreateTime", s.sourceCreateTime)
                .element("MasterUsername", s.masterUsername)
                .element("EngineVersion", s.engineVersion)
                .element("LicenseModel", s.licenseModel)
                .element("SnapshotType", s.snapshotType)
                .element("PercentProgress", s.percentProgress(now))
                .element("StorageType", s.storageType)
                .element("Encrypted", s.encrypted)
                .element("DBSnapshotArn", s.arn)
                .element("IAMDatabaseAuthenticationEnabled", false)
                .empty("ProcessorFeatures")
                .element("DbiResourceId", s.resourceId);
        tags(x, "TagList", s.tags);
        x.element("OriginalSnapshotCreateTime", s.createTime)
                .element("SnapshotTarget", "region")
                .element("DedicatedLogVolume", false)
                .end();
    }

    static void subnetGroup(XmlWriter x, String element, DbSubnetGroup g, boolean withArn) {
        x.start(element)
                .element("DBSubnetGroupName", g.name())
                .element("DBSubnetGroupDescription", g.description())
                .element("VpcId", g.vpcId())
                .element("SubnetGroupStatus", "Complete");
        x.start("Subnets");
        for (SubnetInfo s : g.subnets()) {
            x.start("Subnet").element("SubnetIdentifier", s.subnetId())
                    .start("SubnetAvailabilityZone").element("Name", s.availabilityZone()).end()
                    .empty("SubnetOutpost")
                    .element("SubnetStatus", "Active").end();
        }
        x.end();
        if (withArn) {
            x.element("DBSubnetGroupArn", g.arn());
        }
        x.start("SupportedNetworkTypes").element("member", "IPV4").end();
        x.end();
    }

    static void vpcSecurityGroups(XmlWriter x, List<String> ids) {
        x.start("VpcSecurityGroups");
        for (String id : ids) {
            x.start("VpcSecurityGroupMembership").element("VpcSecurityGroupId", id).element("Status", "active").end();
        }
        x.end();
    }

    /** A managed master password's secret, as DescribeDBInstances and DescribeDBClusters show it. */
    static void masterUserSecret(XmlWriter x, MasterUserSecret secret) {
        if (secret != null) {
            x.start("MasterUserSecret").element("SecretArn", secret.secretArn()).element("SecretStatus", "active")
                    .element("KmsKeyId", secret.kmsKeyId()).end();
        }
    }

    static void tags(XmlWriter x, String element, Map<String, String> tags) {
        x.start(element);
        tags.forEach((k, v) -> x.start("Tag").element("Key", k).element("Value", v).end());
        x.end();
    }
}
