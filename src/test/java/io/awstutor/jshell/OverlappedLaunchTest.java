package io.awstutor.jshell;

import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** JShell's engine launched beside the first compilation: it serves as the engine JShell would have launched itself. */
class OverlappedLaunchTest {

    @Test
    void snippetsRunInTheLaunchedJvmAndItsOutputComesBack() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(printed, true);
        try (JShell shell = JShell.builder().out(out).err(out).executionEngine(new OverlappedLaunch(), Map.of()).build()) {
            List<SnippetEvent> events = shell.eval("long pid = ProcessHandle.current().pid();");
            assertEquals(Snippet.Status.VALID, events.get(0).status());
            assertTrue(Long.parseLong(events.get(0).value()) != ProcessHandle.current().pid(), "the snippet ran in another JVM");
            shell.eval("System.out.println(\"hello from \" + pid);");
            assertTrue(printed.toString().contains("hello from "), printed.toString());
        }
    }

    @Test
    void aJvmThatCannotLaunchEndsTheSessionWithAReasonInsteadOfHanging() {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            OverlappedLaunch launch = new OverlappedLaunch();
            try (JShell shell = JShell.builder().executionEngine(launch, Map.of()).remoteVMOptions("-XX:+NoSuchOptionAnywhere").build()) {
                boolean[] shutDown = new boolean[1];
                shell.onShutdown(s -> shutDown[0] = true);
                shell.eval("int x = 1;");
                assertTrue(shutDown[0], "JShell shuts a session without an engine down");
                assertTrue(launch.failure().isPresent(), "and the launch says why");
            }
        });
    }
}
