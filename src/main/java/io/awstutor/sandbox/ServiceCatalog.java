package io.awstutor.sandbox;

import io.awstutor.sandbox.auth.Authorizer;
import io.awstutor.sandbox.auth.CredentialChain;
import io.awstutor.sandbox.ec2.Ec2Backend;
import io.awstutor.sandbox.ec2.Ec2Handler;
import io.awstutor.sandbox.http.ServiceHandler;
import io.awstutor.sandbox.iam.IamBackend;
import io.awstutor.sandbox.iam.IamHandler;
import io.awstutor.sandbox.rds.RdsBackend;
import io.awstutor.sandbox.rds.RdsQueryHandler;
import io.awstutor.sandbox.sts.StsHandler;

import java.util.ArrayList;
import java.util.List;

/**
 * The one place where the sandbox's services are built and wired to each other (IAM's
 * credentials and evaluator for everyone, EC2's security groups for RDS). Each service adds
 * its construction here; nothing else knows the full list.
 */
final class ServiceCatalog {
    private ServiceCatalog() {
    }

    /** What the HTTP layer needs: the handlers, every key the sandbox knows, and who decides access. */
    record Wiring(List<ServiceHandler> handlers, CredentialChain credentials, Authorizer authorizer) {
    }

    static Wiring create(SandboxContext context) {
        List<ServiceHandler> handlers = new ArrayList<>();
        CredentialChain credentials = new CredentialChain(Sandbox.ROOT_ACCESS_KEY, Sandbox.ROOT_SECRET_KEY, Sandbox.ROOT_ACCOUNT);
        Authorizer authorizer = Authorizer.ALLOW_ALL;
        // IAM: also the CredentialStore of users' access keys (IamBackend implements it).
        IamBackend iam = new IamBackend(context);
        handlers.add(new IamHandler(iam));
        credentials.add(iam);
        handlers.add(new StsHandler());
        // EC2: also RDS's NetworkDirectory; EC2 sees RDS's DB instances as network endpoints
        // (for DeleteSecurityGroup's DependencyViolation and for reachability).
        Ec2Backend ec2 = new Ec2Backend(context);
        handlers.add(new Ec2Handler(ec2));
        RdsBackend rds = new RdsBackend(context, ec2);
        handlers.add(new RdsQueryHandler(rds));
        ec2.addEndpointSource(rds);
        return new Wiring(handlers, credentials, authorizer);
    }
}
