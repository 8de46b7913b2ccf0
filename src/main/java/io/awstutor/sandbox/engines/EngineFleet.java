package io.awstutor.sandbox.engines;

import io.awstutor.sandbox.ec2.Ec2Backend;
import io.awstutor.sandbox.rds.DatabaseEngines;
import io.awstutor.sandbox.rds.RdsBackend;
import io.awstutor.sandbox.rds.RdsBackend.EngineDemand;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The real engines behind a sandbox's DB instances. RDS tells the fleet what happens (an
 * instance created, a snapshot taken, a password changed) and the fleet acts on its one worker
 * thread, in order; every quarter second it also compares the instances' statuses with what
 * runs, so an engine starts when its instance becomes available and stops when it stops,
 * whatever the time scale. Each instance's endpoint is a {@link DatabaseFront} whose gate asks
 * EC2's reachability model whether the learner's machine may connect.
 */
public final class EngineFleet implements DatabaseEngines, AutoCloseable {
    /**
     * The learner's machine as the sandbox's security groups see it: an address outside AWS
     * (from the documentation range), since every connection really comes from 127.0.0.1.
     */
    public static final String LEARNER_PUBLIC_IP = "198.51.100.20";

    private final RdsBackend rds;
    private final EngineUser user;
    private final EngineInstalls installs;
    private final DataFolders folders;
    private final SessionFolder session;
    private final ScheduledExecutorService worker;
    private final Map<String, Housed> housed = new ConcurrentHashMap<>();
    private final ServerlessPauses pauses;
    private final EngineEntrances entrances;

    private EngineFleet(RdsBackend rds, Ec2Backend ec2, EngineUser user, EngineInstalls installs, SessionFolder session) {
        this.rds = rds;
        this.user = user;
        this.installs = installs;
        this.session = session;
        this.folders = new DataFolders(session.root());
        this.worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "awstutor-engines");
            t.setDaemon(true);
            return t;
        });
        this.pauses = new ServerlessPauses(rds, worker, new ServerlessPauses.Engines() {
            @Override
            public void start(Housed h) {
                startServer(h, null);
            }

            @Override
            public void stop(Housed h) {
                stopServer(h);
            }

            @Override
            public boolean houses(Housed h) {
                return housed.get(h.ref.key()) == h;
            }
        });
        this.entrances = new EngineEntrances(rds, ec2, pauses);
    }

    /**
     * Engines for this sandbox: data in {@code dataDir/rds-engines} (kept across restarts) or a
     * session folder removed at close; attaches itself to RDS.
     */
    public static EngineFleet start(EngineSettings settings, Optional<Path> dataDir, RdsBackend rds, Ec2Backend ec2) throws IOException {
        EngineUser user = EngineUser.detect();
        ArtifactFetcher fetcher = new ArtifactFetcher(settings.cache(), settings.repository(), settings.progress());
        EngineInstalls installs = new EngineInstalls(fetcher, settings.cache(), user);
        SessionFolder session = SessionFolder.open(settings.cache(), dataDir, user);
        EngineFleet fleet = new EngineFleet(rds, ec2, user, installs, session);
        rds.attachEngines(fleet);
        fleet.worker.scheduleWithFixedDelay(fleet::reconcile, 0, 250, TimeUnit.MILLISECONDS);
        return fleet;
    }

    static Optional<DatabaseFlavor> flavorOf(String engine) {
        return switch (engine) {
            case "postgres", "aurora-postgresql" -> Optional.of(PostgresFlavor.forThisMachine("17.6.0"));
            case "mariadb", "mysql", "aurora-mysql" -> MariaDbFlavor.forThisMachine("10.11.5");
            default -> Optional.empty();
        };
    }

    // ---- what RDS tells (under its lock: take note, act on the worker)

    @Override
    public boolean enabled() {
        return true;
    }

    @Override
    public int created(Ref instance, String engine, String masterPassword, Ref fromSnapshot) {
        Optional<DatabaseFlavor> flavor = flavorOf(engine);
        if (flavor.isEmpty()) {
            later(() -> rds.engineEvent(instance, "No database engine runs behind " + engine + " instances in this sandbox yet; "
                    + "the instance answers RDS's API only.", false));
            return 0;
        }
        Housed h = new Housed(instance, flavor.get());
        h.pendingPassword = masterPassword;
        h.restoreFrom = fromSnapshot;
        try {
            h.front = DatabaseFront.open(0, () -> entrances.admit(h), instance.id());
        } catch (IOException e) {
            later(() -> rds.engineEvent(instance, "The sandbox could not open a port for the endpoint: " + e.getMessage(), true));
            return 0;
        }
        housed.put(instance.key(), h);
        // At time scale 0 the instance is available at once: start now rather than at the next tick.
        worker.execute(this::reconcile);
        return h.front.port();
    }

    @Override
    public void passwordChanged(Ref instance, String masterUser, String password) {
        later(() -> {
            Housed h = housed.get(instance.key());
            if (h == null) {
                return;
            }
            if (h.server != null && h.server.alive()) {
                try {
                    h.server.execute(h.flavor.passwordStatements(masterUser, password));
                    return;
                } catch (SQLException e) {
                    rds.engineEvent(instance, "The new master password could not be set: " + e.getMessage(), false);
                }
            }
            h.pendingPassword = password;
        });
    }

    @Override
    public void snapshotTaken(Ref instance, Ref snapshot) {
        later(() -> {
            Housed h = housed.get(instance.key());
            Path from = folders.instance(instance);
            if (h == null || !Files.isDirectory(from.resolve("data"))) {
                return;
            }
            boolean wasRunning = h.server != null;
            // A file copy is consistent only while the server is down: a brief outage, as a
            // single-AZ snapshot's I/O suspension is on RDS.
            stopServer(h);
            try {
                DataFolders.copy(from, folders.snapshot(snapshot));
            } catch (IOException e) {
                rds.engineEvent(instance, "The snapshot could not copy the database's data: " + e.getMessage(), false);
            }
            if (wasRunning) {
                startServer(h, null);
            }
        });
    }

    @Override
    public void snapshotDeleted(Ref snapshot) {
        later(() -> DataFolders.delete(folders.snapshot(snapshot)));
    }

    @Override
    public void rebooted(Ref instance) {
        later(() -> {
            Housed h = housed.get(instance.key());
            if (h != null && h.server != null) {
                stopServer(h);
                startServer(h, null);
            }
        });
    }

    @Override
    public void deleted(Ref instance) {
        later(() -> {
            Housed h = housed.remove(instance.key());
            if (h != null) {
                stopServer(h);
                h.front.close();
            }
            DataFolders.delete(folders.instance(instance));
        });
    }

    // ---- the worker

    private interface Work {
        void run() throws Exception;
    }

    private void later(Work work) {
        worker.execute(() -> {
            try {
                work.run();
            } catch (Exception e) {
                System.err.println("awstutor sandbox: engines: " + e);
            }
        });
    }

    /** Starts what should run, stops what should not, adopts instances a restart brought back. */
    private void reconcile() {
        try {
            // Only what was housed before RDS was asked can be judged gone: an instance created
            // meanwhile (while this pass starts another engine, seconds) is not in the demands,
            // and removing it lost its master password and its data folder.
            Map<String, Housed> before = Map.copyOf(housed);
            Set<String> seen = new HashSet<>();
            for (EngineDemand d : rds.engineDemands()) {
                seen.add(d.ref().key());
                Housed h = housed.get(d.ref().key());
                if (h == null) {
                    h = adopt(d);
                    if (h == null) {
                        continue;
                    }
                }
                boolean shouldRun = EngineEntrances.RUNNING.contains(d.status());
                if (!shouldRun) {
                    h.paused = false;
                }
                if (shouldRun && pauses.reconcile(h, d)) {
                    continue;
                }
                if (shouldRun && h.server == null && h.unavailable == null) {
                    startServer(h, d);
                } else if (!shouldRun && h.server != null) {
                    stopServer(h);
                } else if (shouldRun && h.server != null && !h.server.alive()) {
                    h.server = null;
                    h.enginePort = 0;
                    h.unavailable = "stopped unexpectedly";
                    rds.engineEvent(h.ref, h.flavor.displayName() + " stopped unexpectedly: "
                            + EngineServer.lastLines(folders.instance(h.ref).resolve("engine.log")), true);
                }
            }
            for (Housed h : before.values()) {
                if (!seen.contains(h.ref.key()) && housed.remove(h.ref.key(), h)) {
                    stopServer(h);
                    h.front.close();
                    DataFolders.delete(folders.instance(h.ref));
                }
            }
        } catch (Exception e) {
            System.err.println("awstutor sandbox: engines: " + e);
        }
    }

    /** An instance this fleet did not create (the sandbox restarted with --data): its front again. */
    private Housed adopt(EngineDemand d) throws IOException {
        Optional<DatabaseFlavor> flavor = flavorOf(d.engine());
        if (flavor.isEmpty() || d.endpointPort() == 0 || "deleting".equals(d.status())) {
            return null;
        }
        Housed h = new Housed(d.ref(), flavor.get());
        h.front = DatabaseFront.open(d.endpointPort(), () -> entrances.admit(h), d.ref().id());
        if (h.front.port() != d.endpointPort()) {
            rds.endpointMoved(d.ref(), h.front.port());
        }
        housed.put(d.ref().key(), h);
        return h;
    }

    private void startServer(Housed h, EngineDemand demand) {
        Path folder = folders.instance(h.ref);
        try {
            Path install = installs.install(h.flavor);
            boolean fresh = !Files.isDirectory(folder.resolve("data"));
            if (fresh && h.restoreFrom != null && Files.isDirectory(folders.snapshot(h.restoreFrom).resolve("data"))) {
                DataFolders.copy(folders.snapshot(h.restoreFrom), folder);
                user.hand(folder.resolve("data"));
                fresh = false;
            } else if (fresh) {
                EngineServer.fromTemplate(h.flavor, install, folder, user);
            }
            h.server = EngineServer.start(h.flavor, install, folder, user);
            session.record(h.server.pid(), folder);
            EngineDemand d = demand != null ? demand : rds.engineDemand(h.ref).orElse(null);
            if (fresh && d != null) {
                String password = h.pendingPassword;
                if (password == null) {
                    rds.engineEvent(h.ref, "The master password was not known when the engine started; set one with "
                            + "ModifyDBInstance.", false);
                    password = java.util.UUID.randomUUID().toString();
                }
                h.server.execute(h.flavor.masterStatements(d.masterUsername(), password, d.dbName()));
            } else if (h.pendingPassword != null && d != null) {
                h.server.execute(h.flavor.passwordStatements(d.masterUsername(), h.pendingPassword));
            }
            h.pendingPassword = null;
            h.restoreFrom = null;
            // Open to the learner only once the master user exists.
            h.front.touch();
            h.enginePort = h.server.port();
        } catch (EngineUnavailableException e) {
            h.unavailable = e.getMessage();
            boolean fetchProblem = !Files.isDirectory(folder);
            rds.engineEvent(h.ref, e.getMessage(), !fetchProblem);
            stopServer(h);
        } catch (IOException | SQLException | RuntimeException e) {
            h.unavailable = String.valueOf(e.getMessage());
            rds.engineEvent(h.ref, h.flavor.displayName() + " could not start: " + e.getMessage(), true);
            stopServer(h);
        }
    }

    private void stopServer(Housed h) {
        if (h.server == null) {
            return;
        }
        h.enginePort = 0;
        h.front.cutConnections();
        h.server.stop();
        session.forget(h.server.pid());
        h.server = null;
    }

    /**
     * A connection from inside AWS's network, as the Data API makes one; see
     * {@link EngineEntrances#connect}.
     */
    public Optional<java.sql.Connection> connect(Ref ref, String user, String password, String database) throws SQLException {
        return entrances.connect(housed.get(ref.key()), user, password, database);
    }

    /** The Data API worked on a connection it holds: activity, as a learner's connection is. */
    public void touch(Ref ref) {
        entrances.touch(housed.get(ref.key()));
    }

    /** A connection the Data API keeps open: the writer stays awake until the release runs. */
    public Runnable hold(Ref ref) {
        return entrances.hold(housed.get(ref.key()));
    }

    /** The running engine's RSS in bytes and pid, for the benchmark. */
    public Optional<Long> enginePid(Ref instance) {
        Housed h = housed.get(instance.key());
        return h == null || h.server == null ? Optional.empty() : Optional.of(h.server.pid());
    }

    @Override
    public void close() {
        // Stop the engines on the worker first: it started them, and --pdeathsig kills an engine
        // (without its shutdown checkpoint) as soon as the thread that started it ends.
        try {
            worker.submit(() -> housed.values().forEach(this::stopServer)).get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            System.err.println("awstutor sandbox: engines: stopping: " + e);
        }
        worker.shutdownNow();
        try {
            worker.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Housed h : housed.values()) {
            h.front.close();
            if (h.server != null) {
                h.server.stop();
                session.forget(h.server.pid());
            }
        }
        housed.clear();
        session.close();
    }
}
