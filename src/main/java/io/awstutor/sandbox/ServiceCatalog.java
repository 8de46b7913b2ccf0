package io.awstutor.sandbox;

import io.awstutor.sandbox.access.IdentityPolicySource;
import io.awstutor.sandbox.access.PolicyAuthorizer;
import io.awstutor.sandbox.auth.Authorizer;
import io.awstutor.sandbox.auth.CredentialChain;
import io.awstutor.sandbox.auth.KeyUseListener;
import io.awstutor.sandbox.ec2.Ec2Backend;
import io.awstutor.sandbox.ec2.Ec2Handler;
import io.awstutor.sandbox.ec2.Subnet;
import io.awstutor.sandbox.http.ServiceHandler;
import io.awstutor.sandbox.iam.IamBackend;
import io.awstutor.sandbox.iam.IamHandler;
import io.awstutor.sandbox.billing.Bill;
import io.awstutor.sandbox.billing.UsageMeter;
import io.awstutor.sandbox.budgets.BudgetsBackend;
import io.awstutor.sandbox.budgets.BudgetsHandler;
import io.awstutor.sandbox.ce.CostExplorerBackend;
import io.awstutor.sandbox.ce.CostExplorerHandler;
import io.awstutor.sandbox.freetier.FreeTierBackend;
import io.awstutor.sandbox.freetier.FreeTierHandler;
import io.awstutor.sandbox.pricing.PriceSnapshot;
import io.awstutor.sandbox.pricing.PricingBackend;
import io.awstutor.sandbox.pricing.PricingHandler;
import io.awstutor.sandbox.protocol.AwsException;
import io.awstutor.sandbox.rds.RdsBackend;
import io.awstutor.sandbox.rds.RdsQueryHandler;
import io.awstutor.sandbox.sts.RoleDirectory;
import io.awstutor.sandbox.sts.StsBackend;
import io.awstutor.sandbox.sts.StsHandler;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one place where the sandbox's services are built and wired to each other (IAM's
 * credentials and evaluator for everyone, EC2's security groups for RDS). Each service adds
 * its construction here; nothing else knows the full list.
 */
final class ServiceCatalog {
    private ServiceCatalog() {
    }

    /**
     * What the HTTP layer needs: the handlers, every key the sandbox knows, who decides
     * access, and who wants to hear of each verified key's use.
     */
    record Wiring(List<ServiceHandler> handlers, CredentialChain credentials, Authorizer authorizer,
                  KeyUseListener keyUse, List<io.awstutor.sandbox.http.Frontend> frontends,
                  io.awstutor.sandbox.accounts.AccountDirectory accounts, ConsoleSignIn consoleSignIn, List<AutoCloseable> resources) {
    }

    static Wiring create(SandboxContext context, SandboxOptions options) throws java.io.IOException {
        List<ServiceHandler> handlers = new ArrayList<>();
        CredentialChain credentials = new CredentialChain(Sandbox.ROOT_ACCESS_KEY, Sandbox.ROOT_SECRET_KEY, Sandbox.ROOT_ACCOUNT);
        // Accounts made on demand (a workshop's learners'): their root keys, next to the well-known one.
        var accounts = new io.awstutor.sandbox.accounts.AccountDirectory(context.dataDirFor("accounts"), Sandbox.ROOT_ACCOUNT::equals);
        credentials.add(accounts);

        // IAM: also the CredentialStore of users' access keys (IamBackend implements it).
        IamBackend iam = new IamBackend(context);
        handlers.add(new IamHandler(iam));
        credentials.add(iam);
        // IAM's backend answers for roles (STS) and for the identity policies the authorizer evaluates.
        RoleDirectory roles = iam;
        IdentityPolicySource policies = iam;
        Authorizer authorizer = new PolicyAuthorizer(policies, context.clock());

        // STS: its sessions are keys like any other.
        StsBackend sts = new StsBackend(context, roles);
        handlers.add(new StsHandler(sts, credentials));
        credentials.add(sts.sessions());

        // EC2: also RDS's NetworkDirectory; EC2 sees RDS's DB instances as network endpoints
        // (for DeleteSecurityGroup's DependencyViolation and for reachability).
        Ec2Backend ec2 = new Ec2Backend(context);
        handlers.add(new Ec2Handler(ec2));
        RdsBackend rds = new RdsBackend(context, ec2, (account, region, subnetId) -> {
            try {
                return ec2.networks().describeSubnets(ec2.region(account, region), List.of(subnetId), List.of())
                        .stream().findFirst().map(Subnet::vpcId);
            } catch (AwsException notFound) {
                return Optional.empty();
            }
        });
        handlers.add(new RdsQueryHandler(rds));
        ec2.addEndpointSource(rds);
        List<AutoCloseable> resources = new ArrayList<>();
        io.awstutor.sandbox.rdsdata.EngineConnector connector = io.awstutor.sandbox.rdsdata.EngineConnector.NONE;
        if (context.engines().enabled()) {
            // Real PostgreSQL behind DB instances, reached through fronts that ask EC2's security groups.
            var fleet = io.awstutor.sandbox.engines.EngineFleet.start(context.engines(), context.dataDir(), rds, ec2);
            resources.add(fleet);
            connector = new io.awstutor.sandbox.rdsdata.EngineConnector() {
                @Override
                public java.util.Optional<java.sql.Connection> connect(io.awstutor.sandbox.rds.DatabaseEngines.Ref ref, String user,
                                                                       String password, String database) throws java.sql.SQLException {
                    return fleet.connect(ref, user, password, database);
                }

                @Override
                public void touch(io.awstutor.sandbox.rds.DatabaseEngines.Ref ref) {
                    fleet.touch(ref);
                }

                @Override
                public Runnable hold(io.awstutor.sandbox.rds.DatabaseEngines.Ref ref) {
                    return fleet.hold(ref);
                }
            };
        }

        // Secrets Manager: the learner's secrets and the master passwords RDS manages.
        var secrets = new io.awstutor.sandbox.secretsmanager.SecretsManagerBackend(context);
        handlers.add(new io.awstutor.sandbox.secretsmanager.SecretsManagerHandler(secrets));
        rds.attachSecrets(new RdsSecrets(secrets));
        // The Data API: SQL over HTTPS on an Aurora cluster's engine, as a secret's user.
        var dataApi = new io.awstutor.sandbox.rdsdata.RdsDataHandler(
                new io.awstutor.sandbox.rdsdata.RdsDataBackend(context, rds, secrets, connector));
        handlers.add(dataApi);
        resources.add(dataApi);

        // SES: identities and sending, per region; no other service depends on it.
        var sesBackend = new io.awstutor.sandbox.ses.SesBackend(context, options.sesAutoVerify());
        var ses = new io.awstutor.sandbox.ses.SesHandler(sesBackend);
        handlers.add(ses);

        // CloudFront: global, per account; its edge serves viewers from the sandbox's S3 buckets.
        var cloudfront = new io.awstutor.sandbox.cloudfront.CloudFrontHandler(new io.awstutor.sandbox.cloudfront.CloudFrontBackend(context));
        handlers.add(cloudfront);

        // S3: one global bucket namespace; bodies on disk (the data folder, or a temp folder).
        var s3 = new io.awstutor.sandbox.s3.rest.S3Handler(context, credentials);
        handlers.add(s3);

        // Pricing: the bundled price snapshot, the same for every account.
        java.util.function.Supplier<PriceSnapshot> prices = PriceSnapshot::bundled;
        handlers.add(new PricingHandler(new PricingBackend(prices)));

        // The bill: each service's usage, read through a narrow window, times the snapshot's prices.
        // Cost Explorer reports it, Budgets alerts on it (into SES's mailbox), Free Tier counts it.
        UsageMeter meter = new UsageMeter(context, List.of(UsageSources.ec2(ec2), UsageSources.rds(rds),
                UsageSources.s3(s3.backend()), UsageSources.ses(sesBackend)));
        Bill bill = new Bill(meter, prices, context.clock());
        handlers.add(new CostExplorerHandler(new CostExplorerBackend(bill)));
        handlers.add(new BudgetsHandler(new BudgetsBackend(bill, (account, from, to, subject, body) ->
                sesBackend.deliverNotice(account, Sandbox.DEFAULT_REGION, from, to, subject, body))));
        handlers.add(new FreeTierHandler(new FreeTierBackend(bill)));
        handlers.replaceAll(h -> h.signingName().equals("ec2") || h.signingName().equals("rds")
                ? new MeteredHandler(h, meter, context.clock()) : h);

        // The console's sign-in: sessions of IAM users, keys like any other.
        ConsoleSignIn consoleSignIn = new ConsoleSignIn(iam, context.clock());
        credentials.add(consoleSignIn);

        return new Wiring(handlers, credentials, authorizer, iam::recordKeyUse, List.of(cloudfront.edge(), ses.mailbox()), accounts,
                consoleSignIn, resources);
    }
}
