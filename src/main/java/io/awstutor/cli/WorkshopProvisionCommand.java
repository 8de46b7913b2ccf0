package io.awstutor.cli;

import io.awstutor.target.ClientFactory;
import io.awstutor.target.Target;
import io.awstutor.workshop.aws.CredentialCards;
import io.awstutor.workshop.aws.ProvisionedLearner;
import io.awstutor.workshop.aws.Provisioner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code awstutor workshop provision}: an IAM user per learner, confined by the workshop's boundary. */
@Command(name = "provision", mixinStandardHelpOptions = true,
        description = "Create an IAM user per learner in a real account, confined by a permissions boundary; credentials go to owner-only files.")
public final class WorkshopProvisionCommand implements Callable<Integer> {
    @Mixin
    WorkshopAccountOptions account = new WorkshopAccountOptions();

    @Option(names = "--learners", paramLabel = "FILE", required = true, description = "One learner's name per line.")
    Path learners;

    @Option(names = "--instance-types", paramLabel = "TYPES", defaultValue = "t3.micro,t2.micro",
            description = "The EC2 instance types learners may launch, comma-separated (default: t3.micro,t2.micro).")
    String instanceTypes;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = ".", description = "Where the credentials CSV and cards go (default: here).")
    Path out;

    @Override
    public Integer call() throws Exception {
        List<String> names = Files.readAllLines(learners, StandardCharsets.UTF_8).stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        if (names.isEmpty()) {
            throw new IllegalArgumentException(learners + " names no learner (one name per line)");
        }
        try (Target target = account.open()) {
            ClientFactory clients = WorkshopAccountOptions.clients(target);
            String region = target.settings().region();
            String accountId = clients.sts().getCallerIdentity().account();
            List<ProvisionedLearner> made;
            try {
                made = new Provisioner(clients, line -> System.out.println("  " + line))
                        .provision(account.tag, region, Arrays.stream(instanceTypes.split(",")).map(String::strip).toList(), names);
            } catch (Provisioner.Incomplete incomplete) {
                if (!incomplete.made().isEmpty()) {
                    List<Path> files = CredentialCards.write(out, accountId, region, account.tag, incomplete.made());
                    System.err.println("awstutor: " + incomplete.made().size() + " learner(s) were provisioned before it stopped;"
                            + " their credentials are in " + files.get(0) + " and " + files.get(1) + ".");
                }
                System.err.println("awstutor: to start again, " + account.teardownCommand(region) + " removes what was made.");
                throw incomplete;
            }
            List<Path> files = CredentialCards.write(out, accountId, region, account.tag, made);
            System.out.println(made.size() + " learners provisioned in account " + accountId + ", region " + region + ".");
            System.out.println("Credentials (owner-only files; hand each learner their card): " + files.get(0) + " and " + files.get(1));
            // without the endpoint's URL (or the profile) the printed line reached another account, or none
            System.out.println("At the end: " + account.teardownCommand(region));
        }
        return 0;
    }
}
