package io.awstutor.sandbox.rds;

import java.util.Locale;

/**
 * RDS's input rules for identifiers, engines, classes, storage and the master user, with
 * AWS's error codes and texts. Passwords are checked here and go no further.
 */
final class InstanceRules {
    private InstanceRules() {
    }

    /** 1-63 letters, digits, hyphens; a letter first; no "--"; no trailing hyphen. Returns the lower-cased form AWS keeps. */
    static String identifier(String parameter, String value) {
        if (value == null || value.isBlank()) {
            throw RdsErrors.notBlank(parameter);
        }
        boolean valid = value.length() <= 63 && Character.isLetter(value.charAt(0)) && value.charAt(0) < 128
                && !value.endsWith("-") && !value.contains("--")
                && value.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || c == '-'));
        if (!valid) {
            throw RdsErrors.invalidIdentifier(parameter);
        }
        return value.toLowerCase(Locale.ROOT);
    }

    static Engine engine(EngineCatalog catalog, String name) {
        if (name == null || name.isBlank()) {
            throw RdsErrors.notBlank("Engine");
        }
        return catalog.find(name).orElseThrow(() -> RdsErrors.invalidValue("Invalid DB engine: " + name + (catalog.onlyOnAws(name)
                ? ". AWS offers " + name + ", but the awstutor sandbox emulates only "
                + String.join(", ", catalog.all().stream().map(Engine::name).toList()) + "." : "")));
    }

    static String version(Engine engine, String requested) {
        return engine.resolveVersion(requested).orElseThrow(() -> RdsErrors.invalidCombination(
                "Cannot find version " + requested + " for " + engine.name()));
    }

    /** AWS's answer for a class the engine version does not run on (db.t2.micro with MySQL 8.0, ...). */
    static void instanceClass(Engine engine, String version, String instanceClass) {
        if (instanceClass == null || instanceClass.isBlank()) {
            throw RdsErrors.notBlank("DBInstanceClass");
        }
        if (!engine.supportsClass(instanceClass)) {
            throw RdsErrors.invalidCombination("RDS does not support creating a DB instance with the following combination: "
                    + "DBInstanceClass=" + instanceClass + ", Engine=" + engine.name() + ", EngineVersion=" + version
                    + ", LicenseModel=" + engine.licenseModel()
                    + ". For supported combinations of instance class and database engine version, see the documentation.");
        }
    }

    static String storageType(String requested, Integer iops) {
        String type = requested == null ? (iops != null ? "io1" : "gp2") : requested.toLowerCase(Locale.ROOT);
        return switch (type) {
            case "gp2", "gp3", "io1", "io2", "standard" -> type;
            default -> throw RdsErrors.invalidValue("Invalid storage type: " + requested);
        };
    }

    /** Storage ranges per storage type for MySQL, MariaDB and PostgreSQL, in GiB. */
    static void storage(Engine engine, String storageType, int size) {
        int min = switch (storageType) {
            case "standard" -> 5;
            case "io1", "io2" -> 100;
            default -> engine.minStorageGiB();
        };
        int max = "standard".equals(storageType) ? 3072 : engine.maxStorageGiB();
        if (size < min || size > max) {
            throw RdsErrors.invalidCombination("Invalid storage size for engine name " + engine.name()
                    + " and storage type " + storageType + ": " + size);
        }
    }

    /** io1/io2 need IOPS; gp3 below 400 GiB has a fixed baseline that cannot be set. */
    static void iops(Engine engine, String storageType, int size, Integer iops) {
        if (("io1".equals(storageType) || "io2".equals(storageType)) && iops == null) {
            throw RdsErrors.invalidCombination("The storage type " + storageType + " requires iops to be specified.");
        }
        if ("gp3".equals(storageType) && iops != null && size < 400) {
            throw RdsErrors.invalidCombination("You can't specify IOPS or storage throughput for engine " + engine.name()
                    + " and a storage size less than 400.");
        }
        if (("gp2".equals(storageType) || "standard".equals(storageType)) && iops != null) {
            throw RdsErrors.invalidCombination("Invalid storage type for DB Instance: " + storageType
                    + " does not support provisioned IOPS.");
        }
    }

    static void masterUsername(Engine engine, String username) {
        if (username == null || username.isBlank()) {
            throw RdsErrors.notBlank("MasterUsername");
        }
        boolean valid = Character.isLetter(username.charAt(0)) && username.chars()
                .allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || c == '_'));
        if (!valid || username.length() > engine.maxUsernameLength()) {
            throw RdsErrors.invalidValue("MasterUsername must begin with a letter and contain only alphanumeric characters "
                    + "or underscores, at most " + engine.maxUsernameLength() + " characters for " + engine.name() + ".");
        }
        if (engine.reservedUsernames().contains(username.toLowerCase(Locale.ROOT))) {
            throw RdsErrors.invalidValue("MasterUsername " + username + " cannot be used as it is a reserved word used by the engine");
        }
    }

    /** Printable ASCII except / " @ and space; 8 to 41 characters (MySQL, MariaDB) or 128 (PostgreSQL). */
    static void masterPassword(Engine engine, String password) {
        if (password == null || password.isEmpty()) {
            throw RdsErrors.notBlank("MasterUserPassword");
        }
        boolean printable = password.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != '/' && c != '"' && c != '@');
        if (!printable) {
            throw RdsErrors.invalidValue("The parameter MasterUserPassword is not a valid password. "
                    + "Only printable ASCII characters besides '/', '@', '\"', ' ' may be used.");
        }
        if (password.length() < 8) {
            throw RdsErrors.invalidValue("The parameter MasterUserPassword is not a valid password because it is shorter than 8 characters.");
        }
        if (password.length() > engine.maxPasswordLength()) {
            throw RdsErrors.invalidValue("The parameter MasterUserPassword is not a valid password because it is longer than "
                    + engine.maxPasswordLength() + " characters.");
        }
    }

    static void backupRetention(Integer days) {
        if (days != null && (days < 0 || days > 35)) {
            throw RdsErrors.invalidValue("The specified value " + days + " is not a valid Backup Retention Period. "
                    + "Allowed values are within the range of 0 to 35");
        }
    }

    /** The database created with the instance: a letter, then letters, digits or underscores; 64 (MySQL, MariaDB) or 63 long. */
    static void dbName(Engine engine, String name) {
        if (name == null) {
            return;
        }
        int max = engine.name().contains("postgres") ? 63 : 64;
        boolean valid = !name.isEmpty() && name.length() <= max && name.charAt(0) < 128 && Character.isLetter(name.charAt(0))
                && name.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || c == '_'));
        if (!valid) {
            throw RdsErrors.invalidValue("DBName must begin with a letter and contain only alphanumeric characters.");
        }
    }

    static void port(Integer port) {
        if (port != null && (port < 1150 || port > 65535)) {
            throw RdsErrors.invalidValue("Invalid port " + port + ". Valid values are 1150-65535.");
        }
    }

}
