package io.awstutor.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's quick start through {@code scripts/awstutor} itself, after {@code package} built
 * the jar (failsafe runs this in {@code integration-test}): the start-up archives it trains, the
 * sandbox served alone on its own archive, and the shell piped a snippet. The JUnit tests run
 * the same classes from {@code target/classes}; only this runs the script a learner runs.
 */
class LauncherScriptIT {
    private static final Path SCRIPT = Path.of("scripts", "awstutor").toAbsolutePath();
    private static final Path TARGET = Path.of("target").toAbsolutePath();

    @BeforeAll
    static void archivesAreMadeForThisJar() throws Exception {
        // the training runs of all three archives, as the first start after a build makes them
        Process process = script(List.of("--version"), null).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "scripts/awstutor --version did not end");
        assertEquals(0, process.exitValue(), out);
        assertTrue(out.contains("awstutor "), out);
    }

    @Test
    void theSandboxServesOnItsOwnArchiveAndPrintsTheEnvironment(@TempDir Path home) throws Exception {
        Path jar = TARGET.resolve("awstutor.jar");
        List<Path> archives = sandboxArchives();
        assertEquals(1, archives.size(), "one sandbox archive for this JDK: " + archives);
        assertTrue(Files.getLastModifiedTime(archives.get(0)).compareTo(Files.getLastModifiedTime(jar)) > 0,
                "the archive is newer than the jar, so the script uses it");

        Process sandbox = script(List.of("sandbox", "--port", "0"), home).redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(sandbox.getInputStream(), StandardCharsets.UTF_8));
            List<String> lines = new ArrayList<>();
            URI endpoint = null;
            for (String line = out.readLine(); line != null && endpoint == null; line = out.readLine()) {
                lines.add(line);
                if (line.startsWith("export AWS_ENDPOINT_URL=")) {
                    endpoint = URI.create(line.substring("export AWS_ENDPOINT_URL=".length()).trim());
                }
            }
            assertTrue(endpoint != null, "no endpoint printed: " + lines);
            assertTrue(endpoint.getHost().equals("127.0.0.1"), endpoint.toString());
            try (StsClient sts = StsClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"))).build()) {
                assertEquals("000000000000", sts.getCallerIdentity().account());
            }
            // scripts/awstutor execs java: this process is the sandbox's JVM, and it was given its archive
            Path cmdline = Path.of("/proc", Long.toString(sandbox.pid()), "cmdline");
            if (Files.isReadable(cmdline)) {
                String command = Files.readString(cmdline).replace('\0', ' ');
                assertTrue(command.contains(archives.get(0).getFileName().toString()), command);
                assertTrue(command.contains("@" + Path.of("scripts", "sandbox.jvm-args").toAbsolutePath()), command);
            }
        } finally {
            sandbox.destroy();
            sandbox.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void theShellReadsSnippetsFromAPipeAndAnswersFromTheSandbox(@TempDir Path home) throws Exception {
        Process shell = script(List.of(), home).redirectErrorStream(true).start();
        shell.getOutputStream().write("sts.getCallerIdentity()\n/quit\n".getBytes(StandardCharsets.UTF_8));
        shell.getOutputStream().close();
        String out = new String(shell.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(shell.waitFor(2, TimeUnit.MINUTES), out);
        assertEquals(0, shell.exitValue(), out);
        assertTrue(out.contains("000000000000"), out);
        assertTrue(!out.contains("\u001b["), "no colour on a pipe: " + out);
    }

    private static List<Path> sandboxArchives() throws IOException {
        try (var files = Files.list(TARGET)) {
            return files.filter(p -> p.getFileName().toString().startsWith("awstutor-sandbox-"))
                    .filter(p -> p.toString().endsWith(".jsa") || p.toString().endsWith(".aot")).toList();
        }
    }

    private static ProcessBuilder script(List<String> args, Path home) {
        List<String> command = new ArrayList<>(List.of(SCRIPT.toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(Path.of("").toAbsolutePath().toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("AWS_"));
        builder.environment().put("AWSTUTOR_ARCHIVES", "wait");
        if (home != null) {
            builder.environment().put("AWSTUTOR_HOME", home.toString());
        }
        return builder;
    }
}
