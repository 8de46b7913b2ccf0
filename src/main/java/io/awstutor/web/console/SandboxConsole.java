package io.awstutor.web.console;

import io.awstutor.sandbox.Sandbox;
import io.awstutor.sandbox.http.CallListener;
import io.awstutor.web.Assets;
import io.awstutor.web.EventHub;
import io.awstutor.web.Html;
import io.awstutor.web.WebApp;
import io.awstutor.web.WebRequest;
import io.awstutor.web.WebResponse;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;

import java.util.List;
import java.util.Locale;

/**
 * The sandbox's console, at {@code /_console/} on its own listener: what the account holds,
 * per service and region, kept current as the learner's Java changes it (the sandbox tells of
 * every answered call; a change publishes its service's topic and the open pages refresh).
 * Pages read and write through real SDK clients signed as the account's root or as the IAM
 * user who signed in, so IAM allows and denies exactly as it does the learner's calls.
 */
public final class SandboxConsole implements AutoCloseable {
    private static final List<String> READS = List.of("Describe", "List", "Get", "Head", "Simulate");

    private final EventHub hub = new EventHub();
    private final ConsoleClients clients;
    private final SignIn signIn;

    private SandboxConsole(Sandbox sandbox) {
        this.clients = new ConsoleClients(sandbox.endpoint());
        Operator root = new Operator(Sandbox.ROOT_ACCOUNT, "root",
                AwsBasicCredentials.create(Sandbox.ROOT_ACCESS_KEY, Sandbox.ROOT_SECRET_KEY), true);
        this.signIn = new SignIn(sandbox.consoleSignIn(), root, clients);
    }

    /** Serves the console on the sandbox (and the shared assets); close it with the sandbox. */
    public static SandboxConsole mount(Sandbox sandbox) {
        SandboxConsole console = new SandboxConsole(sandbox);
        WebApp app = new WebApp(ConsoleView.PREFIX, "console");
        console.routes(app, sandbox);
        sandbox.mount(Assets.app());
        sandbox.mount(app);
        sandbox.onCall(console::answered);
        return console;
    }

    private void routes(WebApp app, Sandbox sandbox) {
        IamPages iam = new IamPages(clients);
        S3Pages s3 = new S3Pages(clients);
        Ec2Pages ec2 = new Ec2Pages(clients, sandbox);
        RdsPages rds = new RdsPages(clients);
        SesPages ses = new SesPages(clients, sandbox);
        CloudFrontPages cloudfront = new CloudFrontPages(clients, sandbox);
        app.get("/", r -> home(r))
                .get("/signin", signIn::form)
                .post("/signin", signIn::submit)
                .post("/signout", signIn::signOut)
                .events("/events", hub)
                .get("/iam", r -> iam.overview(r, signIn.operator(r)))
                .get("/s3", r -> s3.buckets(r, signIn.operator(r)))
                .post("/s3", r -> s3.createBucket(r, signIn.operator(r)))
                .get("/s3/{bucket}", r -> s3.bucket(r, signIn.operator(r)))
                .post("/s3/{bucket}/upload", r -> s3.upload(r, signIn.operator(r)))
                .get("/s3/{bucket}/object", r -> s3.object(r, signIn.operator(r)))
                .get("/s3/{bucket}/download", r -> s3.download(r, signIn.operator(r)))
                .post("/s3/{bucket}/delete", r -> s3.deleteObject(r, signIn.operator(r)))
                .get("/ec2", r -> ec2.overview(r, signIn.operator(r)))
                .get("/rds", r -> rds.overview(r, signIn.operator(r)))
                .get("/ses", r -> ses.overview(r, signIn.operator(r)))
                .post("/ses/verify", r -> ses.verify(r, signIn.operator(r)))
                .post("/ses/publish-record", r -> ses.publishRecord(r, signIn.operator(r)))
                .get("/ses/message/{id}/html", r -> ses.htmlPart(r, signIn.operator(r)))
                .get("/cloudfront", r -> cloudfront.overview(r, signIn.operator(r)));
    }

    private WebResponse home(WebRequest request) throws Exception {
        Operator who = signIn.operator(request);
        String region = ConsoleView.region(request);
        record Card(String name, String path, String what) {
        }
        List<Card> cards = List.of(
                new Card("IAM", "/iam", "users, groups, roles, policies and the policy simulator"),
                new Card("S3", "/s3?region=" + region, "buckets, objects, uploads, policies and websites"),
                new Card("EC2", "/ec2?region=" + region, "instances, security groups, and who can reach what"),
                new Card("RDS", "/rds?region=" + region, "database instances and Aurora clusters"),
                new Card("SES", "/ses?region=" + region, "identities, their verification, and the mailbox"),
                new Card("CloudFront", "/cloudfront", "distributions, their edge and cache"));
        return ConsoleView.page(request, who, "", "Sandbox console", "*", () -> Html.of(
                "<p>What your code built in this sandbox, as AWS's console shows it. Pages follow your Java as it runs.</p>"
                        + "<div class=\"grid-cards\">{}</div>",
                Html.each(cards, c -> Html.of("<a class=\"panel card\" href=\"{}\"><strong>{}</strong><br><span class=\"muted\">{}</span></a>",
                        Html.href(ConsoleView.PREFIX + c.path()), c.name(), c.what()))));
    }

    /**
     * A call that changed something publishes its service's topic. Reads do not: the console's
     * own page loads are reads, and would otherwise refresh the pages that made them, forever.
     */
    private void answered(CallListener.Call call) {
        if (call.failed()) {
            return;
        }
        String op = call.operation();
        boolean read = op.startsWith("GET ") || op.startsWith("HEAD ") || READS.stream().anyMatch(op::startsWith);
        if (!read) {
            hub.publish(call.service().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]", ""), op);
        }
    }

    @Override
    public void close() {
        hub.close();
        clients.close();
    }
}
