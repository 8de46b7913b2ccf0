package io.awstutor.sandbox.engines;

import io.awstutor.sandbox.ec2.Ec2Backend;
import io.awstutor.sandbox.ec2.Reachability;
import io.awstutor.sandbox.rds.RdsBackend;
import io.awstutor.sandbox.rds.RdsBackend.EngineDemand;
import io.awstutor.sandbox.rds.WriterResumingException;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * The two ways into an engine: the learner's, through the endpoint's front, which the
 * security groups must admit and which waits for an engine starting or resuming; and the Data
 * API's, from inside AWS straight to the engine, which a paused writer answers by resuming and
 * sending the caller away. Both count as activity that keeps a Serverless v2 writer awake.
 */
final class EngineEntrances {
    /** The instance statuses in which an engine runs. */
    static final Set<String> RUNNING = Set.of("available", "backing-up", "modifying", "resetting-master-credentials",
            "configuring-enhanced-monitoring", "storage-optimization", "upgrading", "renaming");
    private static final Duration START_WAIT = Duration.ofSeconds(60);

    private final RdsBackend rds;
    private final Ec2Backend ec2;
    private final ServerlessPauses pauses;

    EngineEntrances(RdsBackend rds, Ec2Backend ec2, ServerlessPauses pauses) {
        this.rds = rds;
        this.ec2 = ec2;
        this.pauses = pauses;
    }

    /**
     * Whether the learner's machine may open this connection: the instance must be publicly
     * accessible and an inbound rule of its security groups must admit the learner's address
     * on the instance's port, which is what EC2's reachability model decides.
     */
    DatabaseFront.Admission admit(Housed h) {
        Optional<EngineDemand> demand = rds.engineDemand(h.ref);
        if (demand.isEmpty()) {
            return DatabaseFront.Admission.drop("the instance is gone");
        }
        EngineDemand d = demand.get();
        if (d.networkId() == null) {
            return DatabaseFront.Admission.drop("the cluster has no DB instance to answer");
        }
        if (!d.publiclyAccessible()) {
            return DatabaseFront.Admission.drop("the instance is not publicly accessible");
        }
        Reachability.Verdict verdict = ec2.reachability(h.ref.account(), h.ref.region())
                .canReach(Reachability.Source.address(EngineFleet.LEARNER_PUBLIC_IP), d.networkId(), d.port());
        if (!verdict.reachable()) {
            return DatabaseFront.Admission.drop(verdict.explanation());
        }
        // An engine still starting (the instance just became available) is waited for, as
        // the connection would have waited on RDS for the DNS name to answer; a paused one is
        // resumed first, as Aurora resumes a paused writer for its first connection.
        long deadline = System.nanoTime() + START_WAIT.toNanos() + (d.resumeTime() == null ? 0 : d.resumeTime().toNanos());
        while (h.enginePort == 0 && h.unavailable == null && RUNNING.contains(d.status()) && System.nanoTime() < deadline) {
            if (h.paused) {
                pauses.requestResume(h, d, false);
            }
            if (!pause()) {
                break;
            }
            d = rds.engineDemand(h.ref).orElse(d);
        }
        return new DatabaseFront.Admission(true, h.enginePort, verdict.explanation());
    }

    /**
     * A connection from inside AWS's network, as the Data API makes one: straight to the
     * engine (no security group stands between), logged in as {@code user}; empty when no
     * engine runs behind {@code h}. An engine still starting is waited for; a paused writer
     * (or one resuming) is not: its resume begins and the caller hears so.
     */
    Optional<Connection> connect(Housed h, String user, String password, String database) throws SQLException {
        if (h == null) {
            return Optional.empty();
        }
        long deadline = System.nanoTime() + START_WAIT.toNanos();
        while (h.enginePort == 0 && h.unavailable == null && System.nanoTime() < deadline) {
            Optional<EngineDemand> demand = rds.engineDemand(h.ref);
            if (demand.isEmpty() || !RUNNING.contains(demand.get().status())) {
                break;
            }
            if (h.paused || h.resuming.get()) {
                pauses.requestResume(h, demand.get(), true);
                throw new WriterResumingException(demand.get().networkId());
            }
            if (!pause()) {
                break;
            }
        }
        if (h.enginePort == 0) {
            return Optional.empty();
        }
        h.front.touch();
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        boolean postgres = h.flavor instanceof PostgresFlavor;
        if (postgres) {
            // The Data API's string parameters go to columns of any type, as Aurora PostgreSQL's do.
            props.setProperty("stringtype", "unspecified");
        }
        String db = database != null ? database : postgres ? "postgres" : "";
        return Optional.of(DriverManager.getConnection(h.flavor.jdbcUrl(h.enginePort, db), props));
    }

    /** Keeps {@code h}'s engine from pausing until the returned release runs; see {@link DatabaseFront#hold}. */
    Runnable hold(Housed h) {
        return h == null || h.front == null ? () -> { } : h.front.hold();
    }

    /** Work on a connection the Data API holds open (a transaction's). */
    void touch(Housed h) {
        if (h != null && h.front != null) {
            h.front.touch();
        }
    }

    /** A short wait between looks; false when interrupted. */
    private static boolean pause() {
        try {
            Thread.sleep(50);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
