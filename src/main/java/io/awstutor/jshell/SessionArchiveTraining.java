package io.awstutor.jshell;

import io.awstutor.jshell.agent.LearnerClients;
import io.awstutor.jshell.agent.RemoteSetup;
import io.awstutor.sandbox.Sandbox;
import io.awstutor.sandbox.SandboxOptions;
import io.awstutor.target.ClientFactory;
import io.awstutor.target.TargetSettings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The training run behind {@link SessionArchive}: a plain JVM, over the same class path as
 * the Java session's, that loads what a session loads before and during a learner's first
 * calls (JShell's remote agent, every client, one call per service against a sandbox of its
 * own, the call recorder), so that {@code -XX:ArchiveClassesAtExit} or the AOT cache keeps
 * those classes. {@code scripts/awstutor} runs it after a build; nothing here is shown to anyone.
 * Given an endpoint, it makes the same calls to that sandbox instead: the training run of
 * {@code awstutor sandbox}'s own archive, which records what serving them loads.
 */
public final class SessionArchiveTraining {
    private static final List<String> REMOTE_AGENT = List.of("jdk.jshell.execution.RemoteExecutionControl",
            "jdk.jshell.execution.DirectExecutionControl", "jdk.jshell.execution.Util",
            "jdk.jshell.execution.ExecutionControlForwarder", "jdk.jshell.execution.DefaultLoaderDelegate",
            "jdk.jshell.execution.LoaderDelegate", "jdk.jshell.spi.ExecutionControl");

    private SessionArchiveTraining() {
    }

    public static void main(String[] args) throws Exception {
        for (String name : REMOTE_AGENT) {
            try {
                Class.forName(name, false, SessionArchiveTraining.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                // another JDK's agent: nothing to keep
            }
        }
        RemoteSetup.ignoreInterrupts();
        Path events = Files.createTempFile("awstutor-training-", ".jsonl");
        // with an endpoint (`awstutor sandbox` recording its own archive in another JVM), the calls go there
        try (Sandbox sandbox = args.length > 0 ? null : Sandbox.start(SandboxOptions.inMemory())) {
            java.net.URI endpoint = sandbox != null ? sandbox.endpoint() : java.net.URI.create(args[0]);
            System.setProperty(LearnerClients.EVENT_FILE_PROPERTY, events.toString());
            TargetSettings.emulator(TargetSettings.TargetKind.SANDBOX, endpoint, Sandbox.DEFAULT_REGION,
                    Sandbox.ROOT_ACCESS_KEY, Sandbox.ROOT_SECRET_KEY).toSystemProperties().forEach(System::setProperty);
            ClientFactory clients = LearnerClients.factory();
            call(() -> clients.sts().getCallerIdentity());
            call(() -> clients.iam().listUsers());
            call(() -> clients.s3().listBuckets());
            call(() -> clients.ec2().describeVpcs());
            call(() -> clients.rds().describeDBInstances());
            call(() -> clients.ses().listIdentities());
            call(() -> clients.cloudfront().listDistributions(b -> { }));
            call(() -> clients.secretsmanager().listSecrets());
            call(() -> clients.iam().getUser(b -> b.userName("awstutor-training-nobody"))); // an error's path too
        } finally {
            Files.deleteIfExists(events);
        }
    }

    private static void call(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            // a failed call loads the error path, which is as much worth keeping
        }
    }
}
