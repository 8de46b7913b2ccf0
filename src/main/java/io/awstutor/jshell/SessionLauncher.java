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
import java.util.Properties;
import java.util.function.Supplier;

/**
 * Starts a Java session: launches the JShell JVM (its options, class path and start-up
 * archive), then, once the target is known, gives it the target's settings and the other
 * system properties (the cost guard's channel) and runs the core snippets. The JVM's launch
 * waits for nothing, so it overlaps with the shell's own start, the sandbox's and the lesson's.
 */
final class SessionLauncher {
    private final PrintStream out;
    private final InputStream in;
    private final Path eventFile;
    private final Map<String, String> extraProperties;
    private final Map<String, String> stringVariables;

    SessionLauncher(PrintStream out, InputStream in, Path eventFile, Map<String, String> extraProperties,
                    Map<String, String> stringVariables) {
        this.out = out;
        this.in = in;
        this.eventFile = eventFile;
        this.extraProperties = extraProperties;
        this.stringVariables = stringVariables;
    }

    LiveSession launch(Supplier<TargetSettings> target) {
        String classPath = System.getProperty("java.class.path");
        JShell shell = JShell.builder()
                .out(out).err(out).in(in)
                .remoteVMOptions(vmOptions(classPath).toArray(String[]::new))
                .compilerOptions("--class-path", classPath)
                .build();
        Milestones.reached("session-jvm");
        LiveSession session = new LiveSession(shell);
        try {
            // the properties and variables are complete once the target is: they reach the JVM after its launch
            session.evalSetup("io.awstutor.jshell.agent.RemoteSetup.start(" + javaString(properties(target.get())) + ");");
            for (String snippet : startupSnippets()) {
                session.evalSetup(snippet);
            }
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
        Milestones.reached("session-ready");
        return session;
    }

    private List<String> vmOptions(String classPath) {
        List<String> options = new ArrayList<>(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        options.addAll(SessionArchive.vmOptions());
        options.add("-D" + LearnerClients.EVENT_FILE_PROPERTY + "=" + eventFile);
        options.add("--class-path");
        options.add(classPath);
        return options;
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

    private List<String> startupSnippets() {
        List<String> snippets = new ArrayList<>(StartupSnippets.core());
        stringVariables.forEach((name, value) -> snippets.add("String " + name + " = " + javaString(value) + ";"));
        return snippets;
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
