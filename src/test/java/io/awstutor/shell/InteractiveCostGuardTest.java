package io.awstutor.shell;

import io.awstutor.cost.CostGuard;
import io.awstutor.cost.GuardServer;
import io.awstutor.cost.PriceTable;
import io.awstutor.jshell.agent.CostGuardInterceptor;
import io.awstutor.sandbox.Sandbox;
import io.awstutor.sandbox.TestSandbox;
import io.awstutor.target.ClientFactory;
import io.awstutor.target.TargetSettings;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.ec2.Ec2Client;

import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The guard in an interactive session: a JLine terminal (dumb, over piped streams) asks, and
 * the SDK call waits in the interceptor until the answer comes over the loopback channel.
 * "yes" lets it through; anything else cancels it before it leaves.
 */
class InteractiveCostGuardTest {

    @Test
    void theGuardAsksAndWaitsForAnExplicitYes(@TempDir Path home) throws Exception {
        try (TestSandbox box = TestSandbox.start();
             PipedOutputStream keyboard = new PipedOutputStream();
             PipedInputStream terminalIn = new PipedInputStream(keyboard)) {
            ByteArrayOutputStream screen = new ByteArrayOutputStream();
            Terminal terminal = TerminalBuilder.builder().system(false).streams(terminalIn, screen)
                    .type(Terminal.TYPE_DUMB).encoding(StandardCharsets.UTF_8).build();
            ShellCompleter completer = new ShellCompleter(List::of, name -> List.of(), () -> null);
            try (JLineIO io = new JLineIO(terminal, home.resolve("history"), completer, (buffer, cursor) -> List.of())) {
                // the aws target pointed at the sandbox: the guard cannot know it is not AWS
                TargetSettings aws = new TargetSettings(TargetSettings.TargetKind.AWS, Optional.of(box.endpoint()), "us-east-1",
                        Optional.empty(), Optional.of("test"), Optional.of("test"));
                CostGuard guard = new CostGuard(PriceTable.bundled(), () -> aws, false, new ShellGuardPrompt(io),
                        () -> "ec2-rds", id -> Optional.empty());
                try (GuardServer server = new GuardServer(guard::review)) {
                    String token = server.systemProperties().get("awstutor.guard.token");
                    ClientFactory learner = new ClientFactory(TargetSettings.emulator(TargetSettings.TargetKind.SANDBOX,
                            box.endpoint(), "us-east-1", Sandbox.ROOT_ACCESS_KEY, Sandbox.ROOT_SECRET_KEY),
                            List.of(new CostGuardInterceptor(server.port(), token)));
                    Ec2Client ec2 = learner.ec2();
                    String ami = ec2.describeImages(b -> b.owners("amazon")).images().get(0).imageId();

                    keyboard.write("no\n".getBytes(StandardCharsets.UTF_8));
                    keyboard.flush();
                    SdkClientException refused = assertThrows(SdkClientException.class, () ->
                            ec2.runInstances(b -> b.imageId(ami).instanceType("m5.large").minCount(2).maxCount(2)));
                    assertTrue(refused.getMessage().contains("cancelled EC2 RunInstances: you did not say yes"), refused.getMessage());
                    assertEquals(0, box.ec2().describeInstances().reservations().size(), "nothing left the machine");

                    keyboard.write("yes\n".getBytes(StandardCharsets.UTF_8));
                    keyboard.flush();
                    ec2.runInstances(b -> b.imageId(ami).instanceType("t3.micro").minCount(1).maxCount(1));
                    assertEquals(1, box.ec2().describeInstances().reservations().size());
                    assertTrue(box.ec2().describeInstances().reservations().get(0).instances().get(0).tags().stream()
                            .anyMatch(t -> t.key().equals("awstutor:lesson") && t.value().equals("ec2-rds")));
                }
            }
            // the guard's lines are wrapped to the terminal's width
            String shown = screen.toString(StandardCharsets.UTF_8).replaceAll("\\s+", " ");
            assertTrue(shown.contains("2 × m5.large EC2 instances: about USD 0.19 an hour, USD 140.16 a month if left running"), shown);
            assertTrue(shown.contains("free tier: not covered (m5.large is not a free-tier type)"), shown);
            assertTrue(shown.contains("Type yes to create it and start paying, anything else to cancel: (yes/no)"), shown);
            assertTrue(shown.contains("us-east-1 list prices of 2026-03-20"), shown);
        }
    }

    @Test
    void secretsTypedInTheShellNeverReachTheHistoryFile(@TempDir Path home) throws Exception {
        try (PipedOutputStream keyboard = new PipedOutputStream(); PipedInputStream terminalIn = new PipedInputStream(keyboard)) {
            Terminal terminal = TerminalBuilder.builder().system(false).streams(terminalIn, new ByteArrayOutputStream())
                    .type(Terminal.TYPE_DUMB).encoding(StandardCharsets.UTF_8).build();
            ShellCompleter completer = new ShellCompleter(List::of, name -> List.of(), () -> null);
            String secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
            try (JLineIO io = new JLineIO(terminal, home.resolve("history"), completer, (buffer, cursor) -> List.of())) {
                keyboard.write(("var c = AwsBasicCredentials.create(\"AKIAIOSFODNN7EXAMPLE\", \"" + secret + "\");\n"
                        + "rds.createDBInstance(b -> b.masterUserPassword(\"correct-horse-battery\"));\n").getBytes(StandardCharsets.UTF_8));
                keyboard.flush();
                assertTrue(io.readLine("> ", null).orElseThrow().contains(secret), "the line that runs is the one typed");
                io.readLine("> ", null);
                assertFalse(String.join("\n", io.history()).contains(secret));
            }
            String saved = Files.readString(home.resolve("history"));
            assertFalse(saved.contains(secret), saved);
            assertFalse(saved.contains("EXAMPLEKEY"), saved);
            assertFalse(saved.contains("correct-horse-battery"), saved);
            assertTrue(saved.contains("AKIAIOSFODNN7EXAMPLE"), "an access key id is not a secret: " + saved);
            assertTrue(saved.contains("wJal…(40 chars, hidden)"), saved);
        }
    }
}
