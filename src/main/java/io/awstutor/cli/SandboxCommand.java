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

    @Option(names = "--time-scale", paramLabel = "X", defaultValue = "1",
            description = "Multiply every simulated delay (instance boot, database creation) by X: 0.1 is ten times faster, 0 immediate (default: 1, AWS's pace).")
    double timeScale;

    @Option(names = "--ses-auto-verify",
            description = "Verify SES identities the moment they are asked for, as other emulators do (default: as AWS, an address by the link mailed to it).")
    boolean sesAutoVerify;

    @Override
    public Integer call() throws Exception {
        io.awstutor.jshell.Milestones.reached("sandbox-command");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must be between 0 and 65535");
        }
        if (!(timeScale >= 0) || Double.isInfinite(timeScale)) {
            throw new IllegalArgumentException("--time-scale must be a number of at least 0, e.g. 0.1");
        }
        SandboxOptions options = SandboxOptions.inMemory().withPort(port).withDataDir(data).withTimeScale(timeScale)
                .withEngines(io.awstutor.sandbox.engines.EngineSettings.fromEnvironment())
                .withSesAutoVerify(sesAutoVerify);
        Sandbox sandbox = Sandbox.start(options);
        io.awstutor.jshell.Milestones.reached("sandbox-listening");
        io.awstutor.web.console.SandboxConsole console = io.awstutor.web.console.SandboxConsole.mount(sandbox);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            console.close();
            sandbox.close();
            stopped.countDown();
        }, "awstutor-sandbox-stop"));
        System.out.println("# awstutor sandbox listening on " + sandbox.endpoint()
                + (data == null ? " (state in memory" : " (state in " + data.toAbsolutePath())
                + (timeScale == 1 ? "" : ", delays x" + timeScale) + ")");
        System.out.println("# paste these lines into a shell to use it from the AWS CLI or boto3:");
        System.out.println("export AWS_ENDPOINT_URL=" + sandbox.endpoint());
        System.out.println("export AWS_ACCESS_KEY_ID=" + Sandbox.ROOT_ACCESS_KEY);
        System.out.println("export AWS_SECRET_ACCESS_KEY=" + Sandbox.ROOT_SECRET_KEY);
        System.out.println("export AWS_DEFAULT_REGION=" + Sandbox.DEFAULT_REGION);
        // AWS CLI v1 pins `aws rds` in us-east-1 to https://rds.amazonaws.com unless --endpoint-url is given
        // (awscli/customizations/overridesslcommonname.py), ignoring AWS_ENDPOINT_URL.
        System.out.println("# AWS CLI v1 in us-east-1: add --endpoint-url " + sandbox.endpoint() + " to `aws rds` commands");
        System.out.println("# the console (what you built, the SES mailbox and its verification links): "
                + sandbox.endpoint().resolve(io.awstutor.target.ConsoleLinks.CONSOLE_PATH)
                + (sesAutoVerify ? "" : " (SES identities verify by their mailed link; --ses-auto-verify verifies them at once)"));
        System.out.println("# the shell in another terminal: awstutor --target endpoint --endpoint-url " + sandbox.endpoint());
        System.out.println("# Ctrl-C stops it.");
        System.out.flush();
        stopped.await();
        return 0;
    }
}
