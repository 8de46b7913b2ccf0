package io.awstutor.target;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@code --target moto}: a {@code moto_server} of the learner's Python, started on a free
 * loopback port for this session and stopped with it (the process and its children, by handle).
 */
public final class MotoServer implements AutoCloseable {
    public static final String INSTALL_HINT = "python3 -m pip install 'moto[server]'";
    private static final long START_TIMEOUT_SECONDS = 60;

    private final Process process;
    private final URI endpoint;

    private MotoServer(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    public URI endpoint() {
        return endpoint;
    }

    /** moto_server on PATH, in pyenv's shims, or in a pyenv version's bin. */
    public static Optional<Path> find(Map<String, String> environment) {
        List<Path> candidates = new ArrayList<>();
        String path = environment.get("PATH");
        if (path != null) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                if (!dir.isEmpty()) {
                    candidates.add(Path.of(dir, "moto_server"));
                }
            }
        }
        String home = environment.getOrDefault("HOME", System.getProperty("user.home"));
        String pyenvRoot = environment.getOrDefault("PYENV_ROOT", home + "/.pyenv");
        candidates.add(Path.of(pyenvRoot, "shims", "moto_server"));
        Path versions = Path.of(pyenvRoot, "versions");
        if (Files.isDirectory(versions)) {
            try (var dirs = Files.list(versions)) {
                dirs.sorted(java.util.Comparator.reverseOrder()).forEach(v -> candidates.add(v.resolve("bin/moto_server")));
            } catch (IOException ignored) {
                // an unreadable pyenv folder just means fewer candidates
            }
        }
        return candidates.stream().filter(p -> Files.isExecutable(p) && !Files.isDirectory(p)).findFirst();
    }

    public static MotoServer start(Map<String, String> environment) {
        Path executable = find(environment).orElseThrow(() -> new TargetUnavailableException(
                "--target moto needs moto_server, which is not installed (looked on PATH and in pyenv). Install it with: "
                        + INSTALL_HINT));
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(executable.toString(), "-H", "127.0.0.1", "-p", String.valueOf(port));
        // moto must not see the learner's real keys or endpoint
        builder.environment().keySet().removeIf(k -> k.startsWith("AWS_"));
        builder.redirectErrorStream(true);
        builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new TargetUnavailableException("moto_server (" + executable + ") could not start: " + e.getMessage()
                    + ". Reinstall it with: " + INSTALL_HINT, e);
        }
        MotoServer moto = new MotoServer(process, URI.create("http://127.0.0.1:" + port));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_TIMEOUT_SECONDS);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new TargetUnavailableException("moto_server exited at start (code " + process.exitValue()
                        + "); try running it yourself: " + executable);
            }
            try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return moto;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    moto.close();
                    throw new TargetUnavailableException("interrupted while moto_server started");
                }
            }
        }
        moto.close();
        throw new TargetUnavailableException("moto_server did not answer on port " + port + " within "
                + START_TIMEOUT_SECONDS + " s");
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new TargetUnavailableException("no free loopback port: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
