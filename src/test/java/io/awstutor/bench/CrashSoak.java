package io.awstutor.bench;

import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.iam.model.User;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Crash-and-restart soak: writers on S3, IAM, EC2 and RDS against a real
 * {@code awstutor sandbox --data DIR} process, killed with SIGKILL at a random moment, then
 * restarted, N rounds. After each restart every acknowledged write must be there (S3 bodies
 * byte for byte), nothing the sandbox refused may be, and nothing that was never written may
 * appear. A write in flight at the kill may land either way; the figures count both.
 *
 * <p>{@code scripts/soak-crash [--rounds N] [--writers N] [--min-ms N] [--max-ms N] [--data DIR]}.
 * CrashRestartTest runs a short one.
 */
public final class CrashSoak {

    enum Outcome { IN_FLIGHT, ACKED, REFUSED }

    /** One service's writes: make one, list what is there (name to a check of its content). */
    interface Service {
        String name();

        void write(SoakClients clients, String id) throws Exception;

        /** Every soak resource visible now, with whether its content is whole. */
        Map<String, Boolean> visible(SoakClients clients) throws Exception;
    }

    /** What a soak found, per service. */
    public static final class Counts {
        public long acked;
        public long refused;
        public long inFlightKept;
        public long inFlightDropped;
        public long lost;
        public long phantom;
        public long corrupt;

        @Override
        public String toString() {
            return String.format("acked %6d  lost %d  refused-but-visible/never-written %d  corrupt %d  in flight at kill: kept %d, dropped %d",
                    acked, lost, phantom, corrupt, inFlightKept, inFlightDropped);
        }
    }

    /** The whole run's figures. */
    public record Figures(int rounds, Map<String, Counts> services, List<Long> killAfterMillis, List<Long> restartMillis,
                          long writes, long elapsedMillis) {
        public boolean clean() {
            return services.values().stream().allMatch(c -> c.lost == 0 && c.phantom == 0 && c.corrupt == 0);
        }

        public String report() {
            StringBuilder out = new StringBuilder();
            out.append(String.format("crash soak: %d rounds of kill -9, %d writes in %.1f s%n", rounds, writes, elapsedMillis / 1000.0));
            services.forEach((name, c) -> out.append(String.format("  %-4s %s%n", name, c)));
            out.append("  killed after (ms): ").append(killAfterMillis).append('\n');
            out.append("  restart to listening (ms): ").append(restartMillis).append('\n');
            out.append(clean() ? "  result: every acknowledged write survived; nothing unacknowledged appeared\n"
                    : "  result: FAILED (see lost / corrupt / never-written above)\n");
            return out.toString();
        }
    }

    private final List<Service> services = List.of(new S3Writes(), new IamWrites(), new Ec2Writes(), new RdsWrites());
    private final Map<String, Map<String, Outcome>> ledger = new LinkedHashMap<>();

    public Figures run(Path data, int rounds, int writersPerService, long minKillMillis, long maxKillMillis) throws Exception {
        Path log = data.resolveSibling(data.getFileName() + ".log");
        Map<String, Counts> counts = new LinkedHashMap<>();
        services.forEach(s -> {
            counts.put(s.name(), new Counts());
            ledger.put(s.name(), new ConcurrentHashMap<>());
        });
        List<Long> kills = new ArrayList<>();
        List<Long> restarts = new ArrayList<>();
        long writes = 0;
        long started = System.nanoTime();
        try (SandboxProcess first = SandboxProcess.start(data, log); SoakClients clients = new SoakClients(first.endpoint(), 64)) {
            clients.s3.createBucket(b -> b.bucket("soak"));
        }
        for (int round = 1; round <= rounds; round++) {
            SandboxProcess sandbox = SandboxProcess.start(data, log);
            restarts.add(sandbox.startMillis());
            try (SoakClients clients = new SoakClients(sandbox.endpoint(), 64)) {
                verify(clients, counts);
                AtomicBoolean stop = new AtomicBoolean();
                List<Thread> threads = new ArrayList<>();
                long[] perThread = new long[services.size() * writersPerService];
                for (int s = 0; s < services.size(); s++) {
                    for (int w = 0; w < writersPerService; w++) {
                        Service service = services.get(s);
                        String prefix = "soak-r" + round + "-w" + w + "-";
                        int slot = s * writersPerService + w;
                        Thread thread = new Thread(() -> perThread[slot] = writeUntil(stop, service, clients, prefix), "soak-" + service.name() + w);
                        thread.start();
                        threads.add(thread);
                    }
                }
                long killAfter = ThreadLocalRandom.current().nextLong(minKillMillis, maxKillMillis + 1);
                Thread.sleep(killAfter);
                sandbox.kill();
                kills.add(killAfter);
                stop.set(true);
                for (Thread thread : threads) {
                    thread.join();
                }
                for (long n : perThread) {
                    writes += n;
                }
            } finally {
                sandbox.kill();
            }
        }
        SandboxProcess last = SandboxProcess.start(data, log);
        restarts.add(last.startMillis());
        try (last; SoakClients clients = new SoakClients(last.endpoint(), 64)) {
            verify(clients, counts);
        }
        return new Figures(rounds, counts, kills, restarts, writes, (System.nanoTime() - started) / 1_000_000);
    }

    private long writeUntil(AtomicBoolean stop, Service service, SoakClients clients, String prefix) {
        Map<String, Outcome> outcomes = ledger.get(service.name());
        long n = 0;
        while (!stop.get()) {
            String id = prefix + n++;
            outcomes.put(id, Outcome.IN_FLIGHT);
            try {
                service.write(clients, id);
                outcomes.put(id, Outcome.ACKED);
            } catch (SdkServiceException refused) {
                outcomes.put(id, Outcome.REFUSED);
                if (refused.statusCode() >= 500) {
                    System.err.println("soak: " + service.name() + " " + id + ": " + refused.getMessage());
                }
            } catch (Exception gone) {
                // no answer: the process was killed with the request in flight (or before it arrived)
                return n;
            }
        }
        return n;
    }

    /** After a restart: acknowledged writes present and whole, refused and unknown ones absent; in-flight ones settle. */
    private void verify(SoakClients clients, Map<String, Counts> counts) throws Exception {
        for (Service service : services) {
            Map<String, Boolean> visible = service.visible(clients);
            Map<String, Outcome> outcomes = ledger.get(service.name());
            Counts c = counts.get(service.name());
            Set<String> seen = new HashSet<>();
            for (Map.Entry<String, Outcome> e : outcomes.entrySet()) {
                boolean there = visible.containsKey(e.getKey());
                seen.add(e.getKey());
                switch (e.getValue()) {
                    case ACKED -> {
                        if (!there) {
                            c.lost++;
                            System.err.println("soak: LOST " + service.name() + " " + e.getKey());
                        }
                    }
                    case REFUSED -> {
                        if (there) {
                            c.phantom++;
                            System.err.println("soak: refused but visible " + service.name() + " " + e.getKey());
                        }
                    }
                    case IN_FLIGHT -> {
                        if (there) {
                            c.inFlightKept++;
                            e.setValue(Outcome.ACKED);
                        } else {
                            c.inFlightDropped++;
                            e.setValue(Outcome.REFUSED);
                        }
                    }
                }
            }
            for (Map.Entry<String, Boolean> v : visible.entrySet()) {
                if (!seen.contains(v.getKey())) {
                    c.phantom++;
                    System.err.println("soak: never written but visible " + service.name() + " " + v.getKey());
                }
                if (!v.getValue()) {
                    c.corrupt++;
                    System.err.println("soak: CORRUPT " + service.name() + " " + v.getKey());
                }
            }
            c.acked = outcomes.values().stream().filter(o -> o == Outcome.ACKED).count();
            c.refused = outcomes.values().stream().filter(o -> o == Outcome.REFUSED).count();
        }
    }

    /** The body of a soak object: its own name, repeated to a size of 1 to 40 KiB that also depends on the name. */
    static byte[] body(String key) {
        int size = 1024 + Math.floorMod(key.hashCode(), 40 * 1024);
        StringBuilder out = new StringBuilder(size + key.length());
        while (out.length() < size) {
            out.append(key).append('|');
        }
        return out.substring(0, size).getBytes(StandardCharsets.UTF_8);
    }

    private static final class S3Writes implements Service {
        public String name() {
            return "s3";
        }

        public void write(SoakClients clients, String id) {
            clients.s3.putObject(b -> b.bucket("soak").key(id), RequestBody.fromBytes(body(id)));
        }

        public Map<String, Boolean> visible(SoakClients clients) {
            Map<String, Boolean> out = new LinkedHashMap<>();
            for (S3Object o : clients.s3.listObjectsV2Paginator(b -> b.bucket("soak")).contents()) {
                byte[] got = clients.s3.getObjectAsBytes(b -> b.bucket("soak").key(o.key())).asByteArray();
                out.put(o.key(), java.util.Arrays.equals(got, body(o.key())));
            }
            return out;
        }
    }

    private static final class IamWrites implements Service {
        public String name() {
            return "iam";
        }

        public void write(SoakClients clients, String id) {
            clients.iam.createUser(b -> b.userName(id).path("/soak/"));
        }

        public Map<String, Boolean> visible(SoakClients clients) {
            Map<String, Boolean> out = new LinkedHashMap<>();
            for (User u : clients.iam.listUsersPaginator(b -> b.pathPrefix("/soak/")).users()) {
                out.put(u.userName(), u.path().equals("/soak/"));
            }
            return out;
        }
    }

    private static final class Ec2Writes implements Service {
        public String name() {
            return "ec2";
        }

        public void write(SoakClients clients, String id) {
            clients.ec2.createSecurityGroup(b -> b.groupName(id).description("soak " + id));
        }

        public Map<String, Boolean> visible(SoakClients clients) {
            Map<String, Boolean> out = new LinkedHashMap<>();
            for (SecurityGroup g : clients.ec2.describeSecurityGroupsPaginator(b -> b.maxResults(1000)).securityGroups()) {
                if (g.groupName().startsWith("soak-")) {
                    out.put(g.groupName(), g.description().equals("soak " + g.groupName()));
                }
            }
            return out;
        }
    }

    private static final class RdsWrites implements Service {
        public String name() {
            return "rds";
        }

        public void write(SoakClients clients, String id) {
            clients.rds.createDBInstance(b -> b.dbInstanceIdentifier(id).engine("mysql").dbInstanceClass("db.t3.micro")
                    .allocatedStorage(20).masterUsername("admin").masterUserPassword("Secret123!"));
        }

        public Map<String, Boolean> visible(SoakClients clients) {
            Map<String, Boolean> out = new LinkedHashMap<>();
            for (DBInstance db : clients.rds.describeDBInstancesPaginator(b -> b.maxRecords(100)).dbInstances()) {
                if (db.dbInstanceIdentifier().startsWith("soak-")) {
                    out.put(db.dbInstanceIdentifier(), "mysql".equals(db.engine()));
                }
            }
            return out;
        }
    }

    public static void main(String[] args) throws Exception {
        int rounds = 5;
        int writers = 2;
        long minMs = 300;
        long maxMs = 3000;
        Path data = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--writers" -> writers = Integer.parseInt(args[++i]);
                case "--min-ms" -> minMs = Long.parseLong(args[++i]);
                case "--max-ms" -> maxMs = Long.parseLong(args[++i]);
                case "--data" -> data = Path.of(args[++i]);
                default -> {
                    System.err.println("usage: soak-crash [--rounds N] [--writers N per service] [--min-ms N] [--max-ms N] [--data DIR]");
                    System.exit(2);
                }
            }
        }
        if (data == null) {
            data = Files.createTempDirectory("awstutor-soak-").resolve("data");
        }
        System.err.println("soak-crash: data in " + data + " (log beside it)");
        Figures figures = new CrashSoak().run(data, rounds, writers, minMs, maxMs);
        System.out.print(figures.report());
        System.exit(figures.clean() ? 0 : 1);
    }
}
