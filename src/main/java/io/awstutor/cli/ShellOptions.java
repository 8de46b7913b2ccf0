package io.awstutor.cli;

import io.awstutor.target.TargetRequest;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Options of the shell, shared by {@code awstutor} and {@code awstutor shell}. */
public final class ShellOptions {
    @Option(names = "--lessons", paramLabel = "DIR", description = "Read lessons from this folder instead of the bundled ones.")
    Path lessons;

    @Option(names = "--target", paramLabel = "TARGET",
            description = "Where exercises run: sandbox (default), endpoint, moto, container, aws (a real account: never implicit).")
    String target = "sandbox";

    @Option(names = "--endpoint-url", paramLabel = "URL", description = "The emulator for --target endpoint (default: $AWS_ENDPOINT_URL).")
    String endpointUrl;

    @Option(names = "--region", paramLabel = "REGION", description = "The region of the clients (default: us-east-1, or the profile's for aws).")
    String region;

    @Option(names = "--profile", paramLabel = "PROFILE", description = "The credentials profile for --target aws.")
    String profile;

    @Option(names = "--image", paramLabel = "IMAGE",
            description = "The emulator image for --target container (default: localstack/localstack; floci/floci works too).")
    String image;

    @Option(names = "--allow-billable", description = "Let billable calls through without asking (needed for billable steps in a script).")
    boolean allowBillable;

    @Option(names = "--join", paramLabel = "URL",
            description = "Join a workshop: the address the instructor shows (http://HOST:PORT/CODE); it gives the lessons and your own account.")
    String join;

    @Option(names = "--name", paramLabel = "NAME", description = "Your name in the workshop (asked when left out, then remembered).")
    String name;

    TargetRequest targetRequest() {
        return new TargetRequest(target, endpointUrl, region, profile, image, System.getenv());
    }
}
