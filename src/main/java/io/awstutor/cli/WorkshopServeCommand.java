package io.awstutor.cli;

import io.awstutor.workshop.web.WorkshopServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code awstutor workshop serve}: the instructor's one process for a class. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve a workshop: the lessons, a sandbox with an account per learner, and the live dashboard.")
public final class WorkshopServeCommand implements Callable<Integer> {

    @Option(names = "--port", paramLabel = "N", description = "The port (default: a free one).")
    int port;

    @Option(names = "--lessons", paramLabel = "DIR", description = "The lesson set to hand out (default: the bundled lessons).")
    Path lessons;

    @Option(names = "--data", paramLabel = "DIR", description = "Keep learners, events and resources here across restarts (default: in memory).")
    Path data;

    @Option(names = "--bind", paramLabel = "ADDR", defaultValue = "127.0.0.1",
            description = "The address to listen on (default: 127.0.0.1, this machine only; 0.0.0.0 for a classroom network).")
    String bind;

    @Option(names = "--name", paramLabel = "TITLE", description = "The workshop's title, shown in every learner's prompt.")
    String name;

    @Option(names = "--time-scale", paramLabel = "X", defaultValue = "1", hidden = true)
    double timeScale;

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must be between 0 and 65535");
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("--bind " + bind + " is not an address of this machine");
        }
        WorkshopServer.Options options = WorkshopServer.Options.defaults().withPort(port).withLessons(lessons).withData(data)
                .withBind(address).withName(name).withTimeScale(timeScale);
        WorkshopServer server = WorkshopServer.start(options, Clock.systemUTC());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "awstutor-workshop-stop"));
        var out = System.out;
        out.println("awstutor workshop “" + server.workshop().name() + "” — " + server.workshop().catalog().lessons().size()
                + " lessons" + (data == null ? ", state in memory (--data DIR keeps it across restarts)" : ", state in " + data.toAbsolutePath()));
        if (!address.isLoopbackAddress()) {
            out.println("WARNING: listening on " + address.getHostAddress() + " port " + server.port()
                    + ": anyone on this network can reach it. Learners need the join code; the well-known test/test keys"
                    + " work only from this machine.");
        }
        out.println();
        out.println("  Join code:        " + server.workshop().code());
        out.println("  Learners run:     ./scripts/awstutor --join " + server.joinUrl());
        out.println("  Dashboard:        " + server.dashboardUrl());
        out.println("  Instructor token: " + server.workshop().instructorToken() + "   (keep it to yourself: it opens the dashboard)");
        out.println();
        out.println("Ctrl-C stops the workshop.");
        out.flush();
        stopped.await();
        return 0;
    }
}
