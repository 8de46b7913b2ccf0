package io.awstutor.cli;

import io.awstutor.target.ClientFactory;
import io.awstutor.target.Target;
import io.awstutor.target.Targets;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Where {@code workshop provision} and {@code teardown} act, and the workshop's name there. */
final class WorkshopAccountOptions {
    @Mixin
    AccountTargetOptions where = new AccountTargetOptions();

    @Option(names = "--tag", paramLabel = "TAG", defaultValue = "workshop",
            description = "The workshop's name in the account: tags, the policy's name (default: workshop).")
    String tag;

    Target open() {
        if (!where.target.equals("aws") && !where.target.equals("endpoint")) {
            throw new IllegalArgumentException("--target is aws or endpoint (a sandbox that outlives this command)");
        }
        return Targets.open(where.request());
    }

    /** The teardown line to print, with what it needs to reach the same account (the endpoint's URL, the profile). */
    String teardownCommand(String region) {
        return "awstutor workshop teardown --target " + where.target
                + (where.endpointUrl == null ? "" : " --endpoint-url " + where.endpointUrl)
                + (where.profile == null ? "" : " --profile " + where.profile)
                + " --region " + region + " --tag " + tag;
    }

    static ClientFactory clients(Target target) {
        return new ClientFactory(target.settings());
    }
}
