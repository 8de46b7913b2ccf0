package io.awstutor.cli;

import io.awstutor.target.ClientFactory;
import io.awstutor.target.Target;
import io.awstutor.target.TargetRequest;
import io.awstutor.target.Targets;
import picocli.CommandLine.Option;

/** Where {@code workshop provision} and {@code teardown} act: a real account, or an emulator to try them on. */
final class WorkshopAccountOptions {
    @Option(names = "--target", paramLabel = "TARGET", required = true,
            description = "aws (a real account, through your profile or environment), or endpoint (a running `awstutor sandbox`, to try it).")
    String target;

    @Option(names = "--endpoint-url", paramLabel = "URL", description = "The emulator for --target endpoint.")
    String endpointUrl;

    @Option(names = "--region", paramLabel = "REGION", description = "The workshop's region (default: the profile's, or us-east-1).")
    String region;

    @Option(names = "--profile", paramLabel = "PROFILE", description = "The credentials profile for --target aws.")
    String profile;

    @Option(names = "--tag", paramLabel = "TAG", defaultValue = "workshop",
            description = "The workshop's name in the account: tags, the policy's name (default: workshop).")
    String tag;

    Target open() {
        if (!target.equals("aws") && !target.equals("endpoint")) {
            throw new IllegalArgumentException("--target is aws or endpoint (a sandbox that outlives this command)");
        }
        return Targets.open(new TargetRequest(target, endpointUrl, region, profile, null, System.getenv()));
    }

    static ClientFactory clients(Target target) {
        return new ClientFactory(target.settings());
    }
}
