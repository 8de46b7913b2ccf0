package io.awstutor.sandbox.engines;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * One running database server: started on a free loopback port from an instance's folder,
 * ready once its admin can log in, administered over JDBC as {@code rdsadmin}, and stopped
 * with a fast shutdown (open sessions are cut, as a reboot cuts them).
 */
final class EngineServer {
    private static final Duration READY_WITHIN = Duration.ofSeconds(30);
    private final DatabaseFlavor flavor;
    private final Process process;
    private final int port;
    private final String adminPassword;

    private EngineServer(DatabaseFlavor flavor, Process process, int port, String adminPassword) {
        this.flavor = flavor;
        this.process = process;
        this.port = port;
        this.adminPassword = adminPassword;
    }

    /** Makes a fresh data folder in {@code folder} with a new admin password. */
    static void initialize(DatabaseFlavor flavor, Path install, Path folder, EngineUser user) throws IOException, EngineUnavailableException {
        Files.createDirectories(folder);
        String adminPassword = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        Path secret = folder.resolve(DataFolders.ADMIN_SECRET);
        Files.writeString(secret, adminPassword, StandardCharsets.US_ASCII);
        Files.setPosixFilePermissions(secret, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        Path data = folder.resolve("data");
        Path init = folder.resolve("init");
        Files.createDirectories(data);
        Files.createDirectories(init);
        Path passwordFile = init.resolve("password");
        Files.writeString(passwordFile, adminPassword + "\n", StandardCharsets.US_ASCII);
        user.hand(data);
        user.hand(init);
        try {
            Process initdb = new ProcessBuilder(user.command(flavor.initCommand(install, data, passwordFile)))
                    .redirectErrorStream(true).redirectOutput(folder.resolve("init.log").toFile()).start();
            if (!initdb.waitFor(120, TimeUnit.SECONDS) || initdb.exitValue() != 0) {
                initdb.destroyForcibly();
                throw new EngineUnavailableException(flavor.displayName() + " could not initialise its data: "
                        + lastLines(folder.resolve("init.log")));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineUnavailableException("interrupted while initialising " + flavor.displayName(), e);
        } finally {
            DataFolders.delete(init);
        }
    }

    static EngineServer start(DatabaseFlavor flavor, Path install, Path folder, EngineUser user) throws IOException,
            EngineUnavailableException {
        String adminPassword = Files.readString(folder.resolve(DataFolders.ADMIN_SECRET), StandardCharsets.US_ASCII).trim();
        int port = freePort();
        Path log = folder.resolve("engine.log");
        Process process = new ProcessBuilder(user.command(flavor.serverCommand(install, folder.resolve("data"), port)))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        EngineServer server = new EngineServer(flavor, process, port, adminPassword);
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new EngineUnavailableException(flavor.displayName() + " stopped while starting: " + lastLines(log));
            }
            try (Connection ignored = server.admin()) {
                return server;
            } catch (SQLException e) {
                last = e;
            }
            sleep(40);
        }
        server.stop();
        throw new EngineUnavailableException(flavor.displayName() + " did not accept connections within " + READY_WITHIN.toSeconds()
                + " s" + (last == null ? "" : " (" + last.getMessage() + ")") + ": " + lastLines(log));
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    Connection admin() throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", DatabaseFlavor.ADMIN_USER);
        props.setProperty("password", adminPassword);
        props.setProperty("connectTimeout", "2");
        return DriverManager.getConnection(flavor.jdbcUrl(port, flavor.adminDatabase()), props);
    }

    void execute(List<String> statements) throws SQLException {
        try (Connection c = admin(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    /** A fast shutdown (SIGINT for PostgreSQL), then a kill if it takes more than 10 s. */
    void stop() {
        if (!process.isAlive()) {
            return;
        }
        try {
            new ProcessBuilder("kill", "-INT", String.valueOf(process.pid())).start().waitFor(5, TimeUnit.SECONDS);
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    static String lastLines(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size())).strip();
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
