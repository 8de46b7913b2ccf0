package io.awstutor.workshop.web;

import io.awstutor.lesson.LessonCatalog;
import io.awstutor.sandbox.Sandbox;
import io.awstutor.sandbox.SandboxOptions;
import io.awstutor.web.Assets;
import io.awstutor.web.EventHub;
import io.awstutor.web.WebApp;
import io.awstutor.workshop.Wire;
import io.awstutor.workshop.Workshop;
import io.awstutor.workshop.WorkshopStore;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The instructor's one process: a sandbox shared by the class (every learner an account of
 * their own), the workshop's API for the learners' shells and the dashboard, all on the
 * sandbox's own listener under {@code /_workshop/}. With a data folder, the sandbox's state
 * goes to {@code DIR/sandbox} and the workshop's to {@code DIR/workshop}.
 */
public final class WorkshopServer implements AutoCloseable {
    /** How often the board is re-drawn without events: "stuck" is a matter of time passing. */
    private static final long TICK_SECONDS = 30;

    public record Options(int port, Optional<Path> lessons, Optional<Path> data, InetAddress bind, Optional<String> name,
                          String region, double timeScale) {
        public static Options defaults() {
            return new Options(0, Optional.empty(), Optional.empty(), InetAddress.getLoopbackAddress(), Optional.empty(),
                    Sandbox.DEFAULT_REGION, 1.0);
        }

        public Options withPort(int p) { return new Options(p, lessons, data, bind, name, region, timeScale); }
        public Options withLessons(Path dir) { return new Options(port, Optional.ofNullable(dir), data, bind, name, region, timeScale); }
        public Options withData(Path dir) { return new Options(port, lessons, Optional.ofNullable(dir), bind, name, region, timeScale); }
        public Options withBind(InetAddress address) { return new Options(port, lessons, data, address, name, region, timeScale); }
        public Options withName(String title) { return new Options(port, lessons, data, bind, Optional.ofNullable(title), region, timeScale); }
        public Options withTimeScale(double scale) { return new Options(port, lessons, data, bind, name, region, scale); }
    }

    private final Sandbox sandbox;
    private final Workshop workshop;
    private final EventHub hub;
    private final ScheduledExecutorService ticker;
    private final InetAddress bind;

    private WorkshopServer(Sandbox sandbox, Workshop workshop, EventHub hub, ScheduledExecutorService ticker, InetAddress bind) {
        this.sandbox = sandbox;
        this.workshop = workshop;
        this.hub = hub;
        this.ticker = ticker;
        this.bind = bind;
    }

    public static WorkshopServer start(Options options, Clock clock) throws IOException {
        List<LessonCatalog.LessonFile> files = lessonFiles(options.lessons());
        if (LessonCatalog.fromFiles(files).lessons().isEmpty()) {
            throw new IOException("no lessons could be loaded" + options.lessons().map(d -> " from " + d).orElse(""));
        }
        SandboxOptions sandboxOptions = SandboxOptions.inMemory().withPort(options.port()).withBindAddress(options.bind())
                .withTimeScale(options.timeScale()).withClock(clock);
        if (options.data().isPresent()) {
            sandboxOptions = sandboxOptions.withDataDir(options.data().get().resolve("sandbox"));
        }
        Optional<WorkshopStore> store = options.data().map(d -> new WorkshopStore(d.resolve("workshop")));
        store.ifPresent(s -> s.saveLessons(files));
        Sandbox sandbox = Sandbox.start(sandboxOptions);
        try {
            Workshop workshop = Workshop.open(options.name(), files, sandbox.accounts(), store, clock);
            EventHub hub = new EventHub();
            workshop.onChange(hub::publish);
            ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "awstutor-workshop-tick");
                thread.setDaemon(true);
                return thread;
            });
            ticker.scheduleAtFixedRate(() -> hub.publish("tick", ""), TICK_SECONDS, TICK_SECONDS, TimeUnit.SECONDS);
            WebApp app = new WebApp(Wire.PREFIX, "workshop");
            WebApp assets = Assets.app();
            if (!options.bind().isLoopbackAddress()) {
                Set<String> names = ownNames(options.bind());
                app.allowHosts(host -> WebApp.isLoopbackName(host) || names.contains(host));
                assets.allowHosts(host -> WebApp.isLoopbackName(host) || names.contains(host));
            }
            sandbox.mount(assets);
            new WorkshopApi(workshop, options.region()).routes(app);
            new Dashboard(workshop, hub, new AccountInventory(sandbox.endpoint(), options.region())).routes(app);
            sandbox.mount(app);
            return new WorkshopServer(sandbox, workshop, hub, ticker, options.bind());
        } catch (RuntimeException e) {
            sandbox.close();
            throw e;
        }
    }

    private static List<LessonCatalog.LessonFile> lessonFiles(Optional<Path> folder) throws IOException {
        if (folder.isPresent()) {
            return LessonCatalog.folderFiles(folder.get());
        }
        try {
            return LessonCatalog.bundledFiles();
        } catch (URISyntaxException e) {
            throw new IOException("the bundled lessons could not be read: " + e.getMessage(), e);
        }
    }

    /** The names a learner's shell may use for this machine on the network: its addresses and host name. */
    private static Set<String> ownNames(InetAddress bind) {
        Set<String> names = new java.util.HashSet<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    String text = address.getHostAddress();
                    int zone = text.indexOf('%');
                    names.add(address instanceof Inet4Address ? text : "[" + (zone >= 0 ? text.substring(0, zone) : text) + "]");
                }
            }
            names.add(InetAddress.getLocalHost().getHostName().toLowerCase(Locale.ROOT));
        } catch (IOException e) {
            // the listed names are a convenience; the bound address below always works
        }
        names.add(bind.getHostAddress());
        return names.stream().map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    }

    public Workshop workshop() {
        return workshop;
    }

    public Sandbox sandbox() {
        return sandbox;
    }

    public int port() {
        return sandbox.port();
    }

    /** The address learners use: the bound one, or for the wildcard this machine's first LAN address. */
    public URI learnerUrl() {
        String host = bind.isAnyLocalAddress() ? lanAddress().orElse("127.0.0.1")
                : bind.isLoopbackAddress() ? "127.0.0.1" : bind.getHostAddress();
        return URI.create("http://" + host + ":" + port());
    }

    public String joinUrl() {
        return learnerUrl() + "/" + workshop.code();
    }

    public URI dashboardUrl() {
        return URI.create("http://127.0.0.1:" + port() + Wire.PREFIX + "/");
    }

    private static Optional<String> lanAddress() {
        try {
            return Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                    .filter(nic -> { try { return nic.isUp() && !nic.isLoopback(); } catch (SocketException e) { return false; } })
                    .flatMap(nic -> Collections.list(nic.getInetAddresses()).stream())
                    .filter(a -> a instanceof Inet4Address && a.isSiteLocalAddress()).map(InetAddress::getHostAddress).findFirst();
        } catch (SocketException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        hub.close();
        sandbox.close();
    }
}
