package io.awstutor.jshell;

import io.awstutor.jshell.agent.LearnerClients;
import io.awstutor.target.TargetSettings;
import jdk.jshell.JShell;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.Properties;
import java.util.function.Supplier;

/**
 * Starts a Java session: launches the JShell JVM (its options, class path and start-up
 * archive), then, once the target is known, gives it the target's settings and the other
 * system properties (the cost guard's channel) with the core snippet. The JVM's launch
 * waits for nothing, so it overlaps with the shell's own start, the sandbox's and the lesson's,
 * and with the core snippet's compilation ({@link OverlappedLaunch}).
 */
final class SessionLauncher {
    private final PrintStream out;
    private final InputStream in;
    private final Path eventFile;
    private final Map<String, String> extraProperties;
    private final CompletableFuture<Optional<ClassPathIndex>> classPathIndex;

    /** @param classPathIndex the index of this JVM's class path, for the compiler ({@link ClassPathIndex#of}) */
    SessionLauncher(PrintStream out, InputStream in, Path eventFile, Map<String, String> extraProperties,
                    CompletableFuture<Optional<ClassPathIndex>> classPathIndex) {
        this.out = out;
        this.in = in;
        this.eventFile = eventFile;
        this.extraProperties = extraProperties;
        this.classPathIndex = classPathIndex;
    }

    LiveSession launch(Supplier<TargetSettings> target) {
        String classPath = System.getProperty("java.class.path");
        OverlappedLaunch launch = new OverlappedLaunch();
        JShell shell = JShell.builder()
                .out(out).err(out).in(in)
                .remoteVMOptions(vmOptions(classPath).toArray(String[]::new))
                .compilerOptions("--class-path", classPath)
                .fileManager(standard -> new IndexedClassPath(standard, classPathIndex))
                // the JVM launches while the first snippet compiles
                .executionEngine(launch, Map.of())
                .build();
        Milestones.reached("session-jvm");
        LiveSession session = new LiveSession(shell, eventFileOption());
        try {
            // the properties are complete once the target is: they reach the JVM after its launch, with the core
            session.evalSetup(StartupSnippets.core(javaString(properties(target.get()))));
            if (session.ended()) {
                // JShell reports the snippet of an engine that never launched as valid, and closes
                throw new IllegalStateException("The Java session could not start: its JVM "
                        + launch.failure().map(e -> "did not launch: " + e.getMessage()).orElse("ended at once"));
            }
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
        Milestones.reached("session-ready");
        return session;
    }

    private List<String> vmOptions(String classPath) {
        // the shell's own JVM's flags (scripts/awstutor, shell_flags): C1 only, one compiler thread, no performance-data file
        List<String> options = new ArrayList<>(List.of("-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1", "-XX:+UseSerialGC",
                "-XX:-UsePerfData"));
        options.addAll(SessionArchive.vmOptions());
        options.add(eventFileOption());
        options.add("--class-path");
        options.add(classPath);
        return options;
    }

    private String eventFileOption() {
        return "-D" + LearnerClients.EVENT_FILE_PROPERTY + "=" + eventFile;
    }

    private String properties(TargetSettings target) {
        Properties properties = new Properties();
        properties.putAll(target.toSystemProperties());
        properties.putAll(extraProperties);
        StringWriter text = new StringWriter();
        try {
            properties.store(text, null);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return text.toString();
    }

    static String javaString(String value) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '"' -> sb.append("\\\"");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
