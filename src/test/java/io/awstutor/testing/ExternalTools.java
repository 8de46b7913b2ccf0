package io.awstutor.testing;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The AWS CLI, boto3 and moto_server, found on PATH or in pyenv. A test that needs a missing
 * tool is skipped with the reason, except under {@code CI=true}, where it fails: nothing
 * skips silently in CI.
 *
 * <p>Every tool runs with a scrubbed environment: only the credentials, region and endpoint
 * the test gives, and fresh empty AWS config and credentials files, so the user's own
 * ~/.aws never interferes (nor is ever read).
 */
public final class ExternalTools {
    private static final List<Path> EXTRA_DIRS = List.of(Paths.get("/root/.pyenv/shims"),
            Paths.get(System.getProperty("user.home"), ".pyenv", "shims"));
    private static final long TIMEOUT_SECONDS = 120;

    private ExternalTools() {
    }

    public record Result(int exitCode, String stdout, String stderr) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
        }
    }

    /** Under CI a missing tool fails the test; elsewhere it skips it, saying why. */
    public static void require(boolean present, String what) {
        if (present) {
            return;
        }
        String reason = what + " is not installed (looked on PATH and in " + EXTRA_DIRS + ")";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail(reason + "; CI=true, so this is a failure, not a skip");
        }
        Assumptions.abort(reason);
    }

    public static Optional<Path> find(String executable) {
        List<Path> dirs = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                if (!dir.isEmpty()) {
                    dirs.add(Paths.get(dir));
                }
            }
        }
        dirs.addAll(EXTRA_DIRS);
        for (Path dir : dirs) {
            Path candidate = dir.resolve(executable);
            if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The AWS CLI; skips or fails the test when missing. */
    public static Path aws() {
        Optional<Path> aws = find("aws");
        require(aws.isPresent(), "the AWS CLI (aws)");
        return aws.get();
    }

    /** A python3 that can import boto3; skips or fails the test when missing. */
    public static Path python3WithBoto3() {
        Optional<Path> python = find("python3").filter(p -> {
            try {
                return run(List.of(p.toString(), "-c", "import boto3"), Map.of(), 60).exitCode() == 0;
            } catch (RuntimeException e) {
                return false;
            }
        });
        require(python.isPresent(), "python3 with boto3");
        return python.get();
    }

    public static Path motoServer() {
        Optional<Path> moto = find("moto_server");
        require(moto.isPresent(), "moto_server");
        return moto.get();
    }

    /**
     * Runs {@code aws --endpoint-url ENDPOINT ARGS...} with exactly these credentials and
     * region (plus a session token when not null); output is JSON.
     */
    public static Result runAwsWithSession(URI endpoint, String accessKeyId, String secret, String sessionToken,
                                           String region, String... args) {
        Map<String, String> env = awsEnvironment(accessKeyId, secret, sessionToken, region);
        List<String> command = new ArrayList<>();
        command.add(aws().toString());
        command.add("--endpoint-url");
        command.add(endpoint.toString());
        command.add("--output");
        command.add("json");
        command.addAll(Arrays.asList(args));
        return run(command, env, TIMEOUT_SECONDS);
    }

    public static Result runAws(URI endpoint, String accessKeyId, String secret, String region, String... args) {
        return runAwsWithSession(endpoint, accessKeyId, secret, null, region, args);
    }

    /** Runs a boto3 script ({@code python3 -c SCRIPT}) with these credentials, region and AWS_ENDPOINT_URL. */
    public static Result runBoto3(URI endpoint, String accessKeyId, String secret, String region, String script) {
        Map<String, String> env = awsEnvironment(accessKeyId, secret, null, region);
        env.put("AWS_ENDPOINT_URL", endpoint.toString());
        return run(List.of(python3WithBoto3().toString(), "-c", script), env, TIMEOUT_SECONDS);
    }

    /** The environment for an AWS tool: nothing of the user's AWS settings, fresh empty config files. */
    public static Map<String, String> awsEnvironment(String accessKeyId, String secret, String sessionToken, String region) {
        Map<String, String> env = new LinkedHashMap<>();
        try {
            Path dir = Files.createTempDirectory("awstutor-awscfg");
            dir.toFile().deleteOnExit();
            Path config = Files.writeString(dir.resolve("config"), "");
            Path credentials = Files.writeString(dir.resolve("credentials"), "");
            config.toFile().deleteOnExit();
            credentials.toFile().deleteOnExit();
            env.put("AWS_CONFIG_FILE", config.toString());
            env.put("AWS_SHARED_CREDENTIALS_FILE", credentials.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        env.put("AWS_ACCESS_KEY_ID", accessKeyId);
        env.put("AWS_SECRET_ACCESS_KEY", secret);
        if (sessionToken != null) {
            env.put("AWS_SESSION_TOKEN", sessionToken);
        }
        env.put("AWS_DEFAULT_REGION", region);
        env.put("AWS_REGION", region);
        env.put("AWS_PAGER", "");
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.put("AWS_MAX_ATTEMPTS", "1");
        return env;
    }

    /**
     * Runs a command with a clean environment (PATH, HOME, LANG and pyenv's variables kept,
     * every AWS_* variable replaced by {@code env}); returns its exit code and output.
     */
    public static Result run(List<String> command, Map<String, String> env, long timeoutSeconds) {
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("BOTO_"));
        environment.putAll(env);
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command.get(0) + " did not finish within " + timeoutSeconds + " s");
            }
            return new Result(process.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String read(java.io.InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts moto_server on a free loopback port; skips or fails the test when it is missing. */
    public static MotoServer startMoto() {
        return MotoServer.start(motoServer());
    }

    /** A running moto_server; close() stops it (the process this test started, by its handle). */
    public static final class MotoServer implements AutoCloseable {
        private final Process process;
        private final int port;

        private MotoServer(Process process, int port) {
            this.process = process;
            this.port = port;
        }

        public static MotoServer start(Path executable) {
            int port = freePort();
            ProcessBuilder builder = new ProcessBuilder(executable.toString(), "-H", "127.0.0.1", "-p", String.valueOf(port));
            builder.environment().keySet().removeIf(k -> k.startsWith("AWS_"));
            builder.redirectErrorStream(true);
            builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
            try {
                Process process = builder.start();
                MotoServer moto = new MotoServer(process, port);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (System.nanoTime() < deadline) {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("moto_server exited with " + process.exitValue());
                    }
                    try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), port)) {
                        return moto;
                    } catch (IOException notYet) {
                        Thread.sleep(100);
                    }
                }
                moto.close();
                throw new IllegalStateException("moto_server did not listen on port " + port + " within 60 s");
            } catch (IOException e) {
                throw new UncheckedIOException("could not start moto_server", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }

        public int port() {
            return port;
        }

        public URI endpoint() {
            return URI.create("http://127.0.0.1:" + port);
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

}
