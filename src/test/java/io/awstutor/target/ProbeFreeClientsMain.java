package io.awstutor.target;

import io.awstutor.sandbox.Sandbox;
import io.awstutor.sandbox.SandboxOptions;

/**
 * A JVM of its own for {@link ProbeFreeClientsTest}: a sandbox, the tutor's clients for it,
 * one call of each kind. Run with the AWS config and credentials files pointed at a named
 * pipe, it hangs if building or calling a client reads either file (a read of a FIFO waits
 * for a writer), and prints "answered" when none does.
 */
public final class ProbeFreeClientsMain {
    private ProbeFreeClientsMain() {
    }

    public static void main(String[] args) throws Exception {
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.inMemory())) {
            ClientFactory clients = new ClientFactory(TargetSettings.emulator(TargetSettings.TargetKind.SANDBOX,
                    sandbox.endpoint(), "eu-west-1", Sandbox.ROOT_ACCESS_KEY, Sandbox.ROOT_SECRET_KEY));
            try (var sts = clients.sts(); var s3 = clients.s3(); var iam = clients.iam(); var ec2 = clients.ec2()) {
                System.out.println("account " + sts.getCallerIdentity().account());
                s3.listBuckets();
                iam.listUsers();
                ec2.describeVpcs();
            }
            clients.s3Presigner().close();
            System.out.println("answered");
        }
        System.exit(0);
    }
}
