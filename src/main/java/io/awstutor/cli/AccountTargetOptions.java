package io.awstutor.cli;

import io.awstutor.target.TargetRequest;
import picocli.CommandLine.Option;

/**
 * Where a command that acts on an account's resources acts ({@code cleanup}, {@code workshop
 * provision} and {@code teardown}): a real account, or an emulator that outlives the command.
 */
final class AccountTargetOptions {
    @Option(names = "--target", paramLabel = "TARGET", required = true,
            description = "aws (a real account, through your profile or environment), or endpoint (with --endpoint-url or AWS_ENDPOINT_URL: an emulator such as a running `awstutor sandbox`).")
    String target;

    @Option(names = "--endpoint-url", paramLabel = "URL", description = "The emulator for --target endpoint.")
    String endpointUrl;

    @Option(names = "--region", paramLabel = "REGION", description = "The region (default: the profile's, or us-east-1).")
    String region;

    @Option(names = "--profile", paramLabel = "PROFILE", description = "The credentials profile for --target aws.")
    String profile;

    TargetRequest request() {
        return new TargetRequest(target, endpointUrl, region, profile, null, System.getenv());
    }
}
