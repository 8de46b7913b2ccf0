package io.awstutor.sandbox.rds;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The engines, versions and instance classes the sandbox offers, a realistic subset of what
 * RDS lists in late 2026 (DescribeDBEngineVersions, DescribeOrderableDBInstanceOptions). The
 * previous-generation classes (db.t2.*, db.m4.*) are absent on purpose: current engine
 * versions refuse them on AWS too, with InvalidParameterCombination.
 */
public final class EngineCatalog {
    /** The classes every RDS engine (MySQL, MariaDB, PostgreSQL) runs on. */
    private static final List<String> INSTANCE_CLASSES = List.of(
            "db.t3.micro", "db.t3.small", "db.t3.medium", "db.t3.large", "db.t3.xlarge", "db.t3.2xlarge",
            "db.t4g.micro", "db.t4g.small", "db.t4g.medium", "db.t4g.large", "db.t4g.xlarge", "db.t4g.2xlarge",
            "db.m5.large", "db.m5.xlarge", "db.m5.2xlarge", "db.m5.4xlarge",
            "db.m6g.large", "db.m6g.xlarge", "db.m6g.2xlarge",
            "db.m6i.large", "db.m6i.xlarge", "db.m6i.2xlarge",
            "db.m7g.large", "db.m7g.xlarge", "db.m7g.2xlarge",
            "db.r5.large", "db.r5.xlarge", "db.r5.2xlarge",
            "db.r6g.large", "db.r6g.xlarge", "db.r6g.2xlarge",
            "db.r6i.large", "db.r6i.xlarge", "db.r6i.2xlarge",
            "db.r7g.large", "db.r7g.xlarge", "db.r7g.2xlarge");

    /** Aurora has no micro/small burstable classes; db.serverless is Serverless v2. */
    private static final List<String> AURORA_CLASSES = List.of(
            "db.serverless", "db.t3.medium", "db.t4g.medium", "db.t4g.large",
            "db.r5.large", "db.r5.xlarge", "db.r5.2xlarge",
            "db.r6g.large", "db.r6g.xlarge", "db.r6g.2xlarge",
            "db.r6i.large", "db.r6i.xlarge", "db.r6i.2xlarge",
            "db.r7g.large", "db.r7g.xlarge", "db.r7g.2xlarge");

    private final Map<String, Engine> engines = new LinkedHashMap<>();

    public EngineCatalog() {
        add(new Engine("mysql", "MySQL Community Edition", "mysql", 3306, "general-public-license", false,
                List.of("8.0.39", "8.0.40", "8.0.41", "8.0.42", "8.0.43", "8.4.3", "8.4.4", "8.4.5", "8.4.6"),
                "8.4.6", set(INSTANCE_CLASSES), 20, 65536, 32, 41, Set.of("rdsadmin")));
        add(new Engine("mariadb", "MariaDB Community Edition", "mariadb", 3306, "general-public-license", false,
                List.of("10.6.21", "10.6.22", "10.11.13", "10.11.14", "11.4.7", "11.4.8", "11.8.3"),
                "11.4.8", set(INSTANCE_CLASSES), 20, 65536, 16, 41, Set.of("rdsadmin")));
        add(new Engine("postgres", "PostgreSQL", "postgres", 5432, "postgresql-license", false,
                List.of("13.21", "13.22", "14.18", "14.19", "15.13", "15.14", "16.9", "16.10", "17.5", "17.6", "18.1"),
                "17.6", set(INSTANCE_CLASSES), 20, 65536, 63, 128, Set.of("rdsadmin", "admin")));
        add(new Engine("aurora-mysql", "Aurora MySQL", "aurora-mysql", 3306, "general-public-license", true,
                List.of("8.0.mysql_aurora.3.04.4", "8.0.mysql_aurora.3.08.2", "8.0.mysql_aurora.3.09.0",
                        "8.0.mysql_aurora.3.10.0", "8.0.mysql_aurora.3.10.1"),
                "8.0.mysql_aurora.3.10.1", set(AURORA_CLASSES), 1, 131072, 32, 41, Set.of("rdsadmin")));
        add(new Engine("aurora-postgresql", "Aurora (PostgreSQL)", "aurora-postgresql", 5432, "postgresql-license", true,
                List.of("13.20", "13.21", "14.17", "14.18", "15.12", "15.13", "16.8", "16.9", "17.4", "17.5"),
                "17.5", set(AURORA_CLASSES), 1, 131072, 63, 128, Set.of("rdsadmin", "admin")));
    }

    private static Set<String> set(List<String> classes) {
        return new LinkedHashSet<>(classes);
    }

    private void add(Engine engine) {
        engines.put(engine.name(), engine);
    }

    /** RDS engines AWS runs that the sandbox does not emulate (licensed or retired ones). */
    private static final Set<String> AWS_ONLY = Set.of("oracle-ee", "oracle-ee-cdb", "oracle-se2", "oracle-se2-cdb",
            "sqlserver-ee", "sqlserver-se", "sqlserver-ex", "sqlserver-web", "db2-ae", "db2-se",
            "custom-oracle-ee", "custom-oracle-ee-cdb", "custom-oracle-se2", "custom-oracle-se2-cdb",
            "custom-sqlserver-ee", "custom-sqlserver-se", "custom-sqlserver-web", "custom-sqlserver-dev");

    /** Whether AWS has this engine although the sandbox does not, so that "invalid" would mislead. */
    public boolean onlyOnAws(String name) {
        return name != null && AWS_ONLY.contains(name.toLowerCase(java.util.Locale.ROOT));
    }

    public Optional<Engine> find(String name) {
        return Optional.ofNullable(name == null ? null : engines.get(name.toLowerCase(java.util.Locale.ROOT)));
    }

    public List<Engine> all() {
        return List.copyOf(engines.values());
    }
}
