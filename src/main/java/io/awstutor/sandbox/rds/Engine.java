package io.awstutor.sandbox.rds;

import java.util.List;
import java.util.Set;

/**
 * A database engine as RDS offers it: its versions (oldest first) and default, the instance
 * classes it runs on, its port, license, storage range and the rules for the master user.
 * {@code aurora} engines keep their storage in the cluster and run only inside one.
 */
public record Engine(String name, String description, String parameterFamilyPrefix, int defaultPort,
                     String licenseModel, boolean aurora, List<String> versions, String defaultVersion,
                     Set<String> instanceClasses, int minStorageGiB, int maxStorageGiB,
                     int maxUsernameLength, int maxPasswordLength, Set<String> reservedUsernames) {

    public boolean supportsVersion(String version) {
        return versions.contains(version);
    }

    public boolean supportsClass(String instanceClass) {
        return instanceClasses.contains(instanceClass);
    }

    /** "8.0" for mysql 8.0.39, "16" for postgres 16.4, "8.0" for 8.0.mysql_aurora.3.08.0. */
    public String majorVersion(String version) {
        String[] parts = version.split("\\.");
        if (name.contains("postgres")) {
            return parts[0];
        }
        return parts.length > 1 ? parts[0] + "." + parts[1] : parts[0];
    }

    /** The parameter group family: mysql8.0, postgres16, aurora-mysql8.0, aurora-postgresql16. */
    public String parameterGroupFamily(String version) {
        return parameterFamilyPrefix + majorVersion(version);
    }

    /** Resolves a requested version: exact, or a major ("8.0", "16") meaning its latest release. */
    public java.util.Optional<String> resolveVersion(String requested) {
        if (requested == null || requested.isEmpty()) {
            return java.util.Optional.of(defaultVersion);
        }
        if (versions.contains(requested)) {
            return java.util.Optional.of(requested);
        }
        String latest = null;
        for (String v : versions) {
            if (v.startsWith(requested + ".") && majorVersion(v).equals(majorVersion(requested + ".0"))) {
                latest = v;
            }
        }
        return java.util.Optional.ofNullable(latest);
    }
}
