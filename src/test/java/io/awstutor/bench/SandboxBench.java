package io.awstutor.bench;

import io.awstutor.sandbox.TestSandbox;
import io.awstutor.testing.ExternalTools;

import java.util.List;
import java.util.Optional;

/**
 * {@code scripts/bench-sandbox}: requests per second against the sandbox, beside the same
 * calls to moto_server on the same machine. Arguments: {@code [--threads N] [--requests N]
 * [--no-moto]}.
 */
public final class SandboxBench {
    /** Every section, in the order printed. Add yours here. */
    static final List<BenchSection> SECTIONS = List.of(new StsBench(), new Ec2Bench(), new S3Bench(), new EngineBench());

    private SandboxBench() {
    }

    /** The peer emulator, if it answers HTTP on its URL (any status); else the bench goes on without it. */
    private static Optional<java.net.URI> answering(java.net.URI peer) {
        if (peer == null) {
            return Optional.empty();
        }
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress(peer.getHost(), peer.getPort() < 0 ? 80 : peer.getPort()), 2000);
            return Optional.of(peer);
        } catch (java.io.IOException e) {
            System.err.println("no emulator answers on " + peer + " (" + e.getMessage() + "): measuring without it");
            return Optional.empty();
        }
    }

    public static void main(String[] args) throws Exception {
        int threads = 8;
        int requests = 4000;
        boolean moto = true;
        String only = null;
        java.net.URI peer = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--requests" -> requests = Integer.parseInt(args[++i]);
                case "--no-moto" -> moto = false;
                case "--only" -> only = args[++i];
                case "--peer" -> peer = java.net.URI.create(args[++i]);
                default -> {
                    System.err.println("usage: bench-sandbox [--threads N] [--requests N] [--no-moto] [--only SECTION] [--peer URL]");
                    System.exit(2);
                }
            }
        }
        Optional<ExternalTools.MotoServer> motoServer = Optional.empty();
        if (moto) {
            Optional<java.nio.file.Path> executable = ExternalTools.find("moto_server");
            if (executable.isPresent()) {
                System.err.println("starting moto_server ...");
                motoServer = Optional.of(ExternalTools.MotoServer.start(executable.get()));
            } else {
                System.err.println("moto_server not found: measuring the sandbox alone");
            }
        }
        BenchTable table = new BenchTable();
        java.util.List<String> failures = new java.util.ArrayList<>();
        try (TestSandbox sandbox = TestSandbox.start();
             BenchContext context = new BenchContext(sandbox, motoServer, answering(peer), threads, requests)) {
            System.err.println("sandbox on port " + sandbox.port() + "; " + threads + " client threads, "
                    + requests + " requests per case");
            // warm both JITs (client and sandbox) so the first case is not measured cold
            try (var sts = context.client(software.amazon.awssdk.services.sts.StsClient.builder(), sandbox.endpoint(),
                    TestSandbox.root(), "us-east-1")) {
                context.measure(sts::getCallerIdentity);
            }
            for (BenchSection section : SECTIONS) {
                if (only != null && !only.equals(section.title())) {
                    continue;
                }
                try {
                    section.run(context, table);
                } catch (Exception | AssertionError e) {
                    // one broken section must not cost the others their figures
                    failures.add(section.title() + ": " + e);
                    System.err.println("section " + section.title() + " failed: " + e);
                }
            }
        } finally {
            motoServer.ifPresent(ExternalTools.MotoServer::close);
        }
        System.out.println();
        System.out.print(table.render());
        if (!failures.isEmpty()) {
            System.out.println();
            failures.forEach(f -> System.out.println("FAILED " + f));
            System.exit(1);
        }
    }
}
