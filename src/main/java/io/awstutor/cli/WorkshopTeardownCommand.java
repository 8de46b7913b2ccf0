package io.awstutor.cli;

import io.awstutor.cost.Cleaner;
import io.awstutor.target.Target;
import io.awstutor.workshop.aws.Teardown;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/** {@code awstutor workshop teardown}: what the learners made, then the learners, then the policy. */
@Command(name = "teardown", mixinStandardHelpOptions = true,
        description = "Delete everything a provisioned workshop's learners created (dependency order), then their users and the policy.")
public final class WorkshopTeardownCommand implements Callable<Integer> {
    @Mixin
    WorkshopAccountOptions account = new WorkshopAccountOptions();

    @Override
    public Integer call() throws Exception {
        try (Target target = account.open()) {
            Cleaner.Result result = new Teardown(WorkshopAccountOptions.clients(target), System.out::println)
                    .teardown(account.tag, target.settings().region());
            System.out.println(result.deleted() + " deleted" + (result.failed() == 0 ? "." : ", " + result.failed() + " failed (see above)."));
            return result.failed() == 0 ? 0 : 1;
        }
    }
}
