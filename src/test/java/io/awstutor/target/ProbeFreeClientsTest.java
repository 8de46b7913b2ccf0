package io.awstutor.target;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * On an emulator the tutor's SDK clients do not read the machine's AWS config files (issue 14:
 * nothing on the way to the first answer waits on a probe of the machine). The proof: a config
 * file whose settings make the SDK refuse to build a client when it reads them.
 */
class ProbeFreeClientsTest {

    @Test
    void emulatorClientsNeverReadTheAwsConfigFiles(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("config");
        Files.writeString(config, "[default]\nretry_mode = no-such-mode\ndefaults_mode = no-such-mode\n"
                + "region = no-such-region\n", StandardCharsets.UTF_8);
        Path output = dir.resolve("out.txt");
        ProcessBuilder builder = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1",
                "-Daws.configFile=" + config, "-Daws.sharedCredentialsFile=" + config,
                "-cp", System.getProperty("java.class.path"), ProbeFreeClientsMain.class.getName()))
                .redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("AWS_"));
        Process process = builder.start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        String out = Files.readString(output);
        assertEquals(0, process.exitValue(), out);
        assertTrue(out.contains("account 000000000000") && out.contains("answered"), out);
    }
}
