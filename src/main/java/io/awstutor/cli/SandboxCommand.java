package io.awstutor.cli;

import io.awstutor.sandbox.Sandbox;
import io.awstutor.sandbox.SandboxOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code awstutor sandbox}: serves the emulator alone, for the AWS CLI, boto3 or another shell. */
@Command(name = "sandbox", mixinStandardHelpOptions = true,
        description = "Serve the embedded AWS emulator on 127.0.0.1 until interrupted; prints the environment to export.")
public final class SandboxCommand implements Callable<Integer> {

    @Option(names = "--port", paramLabel = "N", description = "Port on 127.0.0.1 (default: a free one).")
    int port;

    @Option(names = "--data", paramLabel = "DIR", description = "Keep state in this folder across restarts (default: in memory).")
    Path data;

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must be between 0 and 65535");
        }
        SandboxOptions options = SandboxOptions.inMemory().withPort(port).withDataDir(data);
        Sandbox sandbox = Sandbox.start(options);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sandbox.close();
            stopped.countDown();
        }, "awstutor-sandbox-stop"));
        System.out.println("# awstutor sandbox listening on " + sandbox.endpoint()
                + (data == null ? " (state in memory)" : " (state in " + data.toAbsolutePath() + ")"));
        System.out.println("# paste these lines into a shell to use it from the AWS CLI or boto3:");
        System.out.println("export AWS_ENDPOINT_URL=" + sandbox.endpoint());
        System.out.println("export AWS_ACCESS_KEY_ID=" + Sandbox.ROOT_ACCESS_KEY);
        System.out.println("export AWS_SECRET_ACCESS_KEY=" + Sandbox.ROOT_SECRET_KEY);
        System.out.println("export AWS_DEFAULT_REGION=" + Sandbox.DEFAULT_REGION);
        System.out.println("# the shell in another terminal: awstutor --target endpoint --endpoint-url " + sandbox.endpoint());
        System.out.println("# Ctrl-C stops it.");
        System.out.flush();
        stopped.await();
        return 0;
    }
}
