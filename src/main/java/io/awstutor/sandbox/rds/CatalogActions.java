package io.awstutor.sandbox.rds;

import io.awstutor.sandbox.http.ServiceCall;
import io.awstutor.sandbox.protocol.QueryParams;
import io.awstutor.sandbox.protocol.QueryServiceHandler.QueryAction;
import io.awstutor.sandbox.protocol.XmlWriter;
import io.awstutor.sandbox.regions.Regions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** DescribeDBEngineVersions and DescribeOrderableDBInstanceOptions, answered from the {@link EngineCatalog}. */
final class CatalogActions {
    private final RdsBackend backend;

    CatalogActions(RdsBackend backend) {
        this.backend = backend;
    }

    void register(Map<String, QueryAction> actions) {
        actions.put("DescribeDBEngineVersions", this::engineVersions);
        actions.put("DescribeOrderableDBInstanceOptions", this::orderable);
    }

    private record Version(Engine engine, String version, String key) {
    }

    private void engineVersions(QueryParams p, ServiceCall call, XmlWriter result) {
        call.authorize("rds:DescribeDBEngineVersions", "*", "AccessDenied");
        String engineName = RdsParams.optional(p, "Engine");
        String version = RdsParams.optional(p, "EngineVersion");
        String family = RdsParams.optional(p, "DBParameterGroupFamily");
        boolean defaultOnly = RdsParams.flag(p, "DefaultOnly");
        List<Engine> engines = engineName == null ? backend.catalog().all() : List.of(InstanceRules.engine(backend.catalog(), engineName));
        List<Version> matching = new ArrayList<>();
        for (Engine engine : engines) {
            for (String v : engine.versions()) {
                boolean versionMatches = version == null || v.equals(version) || engine.majorVersion(v).equals(version);
                boolean familyMatches = family == null || engine.parameterGroupFamily(v).equals(family);
                if (versionMatches && familyMatches && (!defaultOnly || v.equals(engine.defaultVersion()))) {
                    matching.add(new Version(engine, v, String.format("%08d", matching.size())));
                }
            }
        }
        if (defaultOnly && version != null) {
            // DefaultOnly with a major version asks for that major's default: its latest release.
            matching.clear();
            for (Engine engine : engines) {
                engine.resolveVersion(version).ifPresent(v -> matching.add(new Version(engine, v, "00000000")));
            }
        }
        Page<Version> page = Page.of(matching, Version::key, RdsParams.optional(p, "Marker"), RdsParams.integer(p, "MaxRecords"));
        result.start("DBEngineVersions");
        page.items().forEach(v -> engineVersion(result, v.engine(), v.version()));
        result.end().element("Marker", page.nextMarker());
    }

    private static void engineVersion(XmlWriter x, Engine engine, String version) {
        x.start("DBEngineVersion")
                .element("Engine", engine.name())
                .element("MajorEngineVersion", engine.majorVersion(version))
                .element("EngineVersion", version)
                .element("DBParameterGroupFamily", engine.parameterGroupFamily(version))
                .element("DBEngineDescription", engine.description())
                .element("DBEngineVersionDescription", engine.description() + " " + version);
        x.start("ValidUpgradeTarget");
        List<String> versions = engine.versions();
        for (String target : versions.subList(versions.indexOf(version) + 1, versions.size())) {
            boolean major = !engine.majorVersion(target).equals(engine.majorVersion(version));
            x.start("UpgradeTarget").element("Engine", engine.name()).element("EngineVersion", target)
                    .element("Description", engine.description() + " " + target)
                    .element("AutoUpgrade", false).element("IsMajorVersionUpgrade", major).end();
        }
        x.end();
        x.start("ExportableLogTypes");
        (engine.name().contains("postgres") ? List.of("postgresql", "upgrade") : List.of("audit", "error", "general", "slowquery"))
                .forEach(t -> x.element("member", t));
        x.end()
                .element("SupportsLogExportsToCloudwatchLogs", true)
                .element("SupportsReadReplica", true)
                .start("SupportedEngineModes").element("member", "provisioned").end()
                .element("Status", "available")
                .element("SupportsParallelQuery", false)
                .element("SupportsGlobalDatabases", engine.aurora())
                .element("SupportsBabelfish", false)
                .element("SupportsLimitlessDatabase", false)
                .element("SupportsCertificateRotationWithoutRestart", true)
                .start("SupportedCACertificateIdentifiers").element("member", RdsXml.CA_CERTIFICATE).end()
                .element("SupportsLocalWriteForwarding", engine.aurora())
                .element("SupportsIntegrations", false);
        if (engine.aurora()) {
            x.start("ServerlessV2FeaturesSupport").element("MinCapacity", 0.0).element("MaxCapacity", 256.0).end();
        }
        x.end();
    }

    private record Option(Engine engine, String version, String instanceClass, String key) {
    }

    private void orderable(QueryParams p, ServiceCall call, XmlWriter result) {
        call.authorize("rds:DescribeOrderableDBInstanceOptions", "*", "AccessDenied");
        Engine engine = InstanceRules.engine(backend.catalog(), p.get("Engine"));
        String version = RdsParams.optional(p, "EngineVersion");
        String instanceClass = RdsParams.optional(p, "DBInstanceClass");
        List<Option> options = new ArrayList<>();
        for (String v : engine.versions()) {
            if (version != null && !v.equals(version)) {
                continue;
            }
            for (String c : engine.instanceClasses()) {
                if (instanceClass == null || c.equals(instanceClass)) {
                    options.add(new Option(engine, v, c, String.format("%08d", options.size())));
                }
            }
        }
        List<String> zones = Regions.find(call.region()).map(r -> r.zoneNames()).orElse(List.of());
        Page<Option> page = Page.of(options, Option::key, RdsParams.optional(p, "Marker"), RdsParams.integer(p, "MaxRecords"));
        result.start("OrderableDBInstanceOptions");
        for (Option o : page.items()) {
            result.start("OrderableDBInstanceOption").element("Engine", o.engine().name())
                    .element("EngineVersion", o.version()).element("DBInstanceClass", o.instanceClass())
                    .element("LicenseModel", o.engine().licenseModel())
                    .element("AvailabilityZoneGroup", call.region());
            result.start("AvailabilityZones");
            zones.forEach(z -> result.start("AvailabilityZone").element("Name", z).end());
            result.end()
                    .element("MultiAZCapable", true).element("ReadReplicaCapable", true).element("Vpc", true)
                    .element("SupportsStorageEncryption", true)
                    .element("StorageType", o.engine().aurora() ? "aurora" : "gp2")
                    .element("SupportsIops", false).element("SupportsStorageThroughput", false)
                    .element("SupportsEnhancedMonitoring", true).element("SupportsIAMDatabaseAuthentication", true)
                    .element("SupportsPerformanceInsights", !o.instanceClass().startsWith("db.t"))
                    .element("MinStorageSize", o.engine().aurora() ? null : o.engine().minStorageGiB())
                    .element("MaxStorageSize", o.engine().aurora() ? null : o.engine().maxStorageGiB())
                    .start("SupportedEngineModes").element("member", "provisioned").end()
                    .element("SupportsStorageAutoscaling", !o.engine().aurora())
                    .element("SupportsKerberosAuthentication", false)
                    .element("OutpostCapable", false)
                    .element("SupportsGlobalDatabases", o.engine().aurora())
                    .start("SupportedNetworkTypes").element("member", "IPV4").element("member", "DUAL").end()
                    .element("SupportsClusters", o.engine().aurora())
                    .element("SupportsDedicatedLogVolume", false)
                    .element("SupportsHttpEndpoint", false)
                    .end();
        }
        result.end().element("Marker", page.nextMarker());
    }
}
