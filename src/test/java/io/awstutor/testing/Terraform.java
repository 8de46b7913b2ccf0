package io.awstutor.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Terraform and a local plugin mirror holding the AWS provider, so that a test applies a
 * configuration without reaching the registry. Missing either skips the test with the reason
 * (fails under {@code CI=true}, as {@link ExternalTools#require} does).
 *
 * <p>The mirror is the folder that holds {@code registry.terraform.io/hashicorp/aws/VERSION/PLATFORM/};
 * it is looked for in {@code AWSTUTOR_TF_PLUGIN_MIRROR}, then where Terraform's own implied
 * mirrors live and {@code /opt/tf-plugins}.
 */
public final class Terraform {
    private static final long TIMEOUT_SECONDS = 600;

    private final Path executable;
    private final Path workDir;
    private final Path cliConfig;

    private Terraform(Path executable, Path workDir, Path cliConfig) {
        this.executable = executable;
        this.workDir = workDir;
        this.cliConfig = cliConfig;
    }

    /** Terraform working in a fresh temporary folder holding {@code configuration}'s files, or a skip. */
    public static Terraform in(Path configuration) {
        Optional<Path> terraform = ExternalTools.find("terraform");
        ExternalTools.require(terraform.isPresent(), "terraform");
        Optional<Path> mirror = mirror();
        ExternalTools.require(mirror.isPresent(), "a Terraform plugin mirror with hashicorp/aws (set AWSTUTOR_TF_PLUGIN_MIRROR)");
        try {
            Path dir = Files.createTempDirectory("awstutor-terraform");
            try (Stream<Path> files = Files.list(configuration)) {
                for (Path file : files.toList()) {
                    Files.copy(file, dir.resolve(file.getFileName()));
                }
            }
            Path config = dir.resolve("cli.tfrc");
            Files.writeString(config, """
                    provider_installation {
                      filesystem_mirror {
                        path    = "%s"
                        include = ["registry.terraform.io/hashicorp/aws"]
                      }
                      direct {
                        exclude = ["registry.terraform.io/hashicorp/aws"]
                      }
                    }
                    """.formatted(mirror.get().toString().replace("\\", "\\\\")));
            return new Terraform(terraform.get(), dir, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Optional<Path> mirror() {
        List<Path> candidates = new ArrayList<>();
        String configured = System.getenv("AWSTUTOR_TF_PLUGIN_MIRROR");
        if (configured != null && !configured.isBlank()) {
            candidates.add(Paths.get(configured));
        }
        String home = System.getProperty("user.home");
        candidates.add(Paths.get(home, ".terraform.d", "plugins"));
        candidates.add(Paths.get(home, ".local", "share", "terraform", "plugins"));
        candidates.add(Paths.get("/usr/local/share/terraform/plugins"));
        candidates.add(Paths.get("/usr/share/terraform/plugins"));
        candidates.add(Paths.get("/opt/tf-plugins"));
        return candidates.stream().filter(dir -> hasAwsProvider(dir.resolve("registry.terraform.io/hashicorp/aws"))).findFirst();
    }

    private static boolean hasAwsProvider(Path providerDir) {
        if (!Files.isDirectory(providerDir)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(providerDir, 3)) {
            return files.anyMatch(p -> p.getFileName().toString().startsWith("terraform-provider-aws"));
        } catch (IOException e) {
            return false;
        }
    }

    public Path workDir() {
        return workDir;
    }

    private Path debugLogFile() {
        return workDir.resolve("terraform-debug.log");
    }

    /** Terraform's and the provider's debug log of every run so far ("" before the first). */
    public String debugLog() {
        try {
            return Files.exists(debugLogFile())
                    ? new String(Files.readAllBytes(debugLogFile()), java.nio.charset.StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code terraform ARGS...} in the working folder with {@code variables} as TF_VAR_s; no AWS settings of the user's. */
    public ExternalTools.Result run(Map<String, String> variables, String... args) {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.add("-chdir=" + workDir);
        command.addAll(List.of(args));
        Map<String, String> env = new LinkedHashMap<>();
        env.put("TF_CLI_CONFIG_FILE", cliConfig.toString());
        env.put("TF_IN_AUTOMATION", "1");
        env.put("TF_INPUT", "0");
        env.put("CHECKPOINT_DISABLE", "1");
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        // every run's requests, responses and the SDK's retries, for a failure to be explained afterwards
        env.put("TF_LOG", "DEBUG");
        env.put("TF_LOG_PATH", debugLogFile().toString());
        variables.forEach((name, value) -> env.put("TF_VAR_" + name, value));
        return ExternalTools.run(command, env, TIMEOUT_SECONDS);
    }
}
