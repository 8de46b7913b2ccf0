package io.awstutor.cli;

import io.awstutor.lesson.Lesson;
import io.awstutor.lesson.LessonCatalog;
import io.awstutor.lesson.Step;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each bundled lesson solved in a scripted shell session, with the Java a learner would type
 * (deliberate mistakes included): every step must say it is done, every quiz "Right", and
 * the lesson complete. The sandbox runs with a fast clock so waiters return at once.
 */
class LessonSessionTest {
    private static final Map<String, String> FAST_SANDBOX = Map.of("AWSTUTOR_SANDBOX_TIME_SCALE", "0.002");

    private static CliProcess.Result solve(Path home, String lessonId, String script) throws Exception {
        CliProcess.Result result = CliProcess.run(home, FAST_SANDBOX, "/lesson " + lessonId + "\n" + script);
        assertEquals(0, result.exitCode(), result::toString);
        Lesson lesson = LessonCatalog.bundled().find(lessonId).orElseThrow();
        String out = result.stdout();
        int quizzes = 0;
        for (Step step : lesson.steps()) {
            if (step.quiz().isPresent()) {
                quizzes++;
            } else {
                assertTrue(out.contains("✓ Step done: " + step.title() + "."), () -> "step '" + step.title() + "' not done:\n" + result);
            }
        }
        assertEquals(quizzes, count(out, "✓ Right."), () -> "every quiz answered right:\n" + result);
        assertTrue(out.contains("★ Lesson complete: " + lesson.title() + "."), result::toString);
        assertFalse(out.contains("\tat "), () -> "no stack trace:\n" + result);
        return result;
    }

    private static int count(String text, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /**
     * The reference solutions of all four lessons, pasted line by line into one session as a
     * learner copies them from the lessons (multi-line statements and text blocks included).
     */
    @Test
    void theReferenceSolutionsWorkWhenTypedLineByLine(@TempDir Path home) throws Exception {
        LessonCatalog catalog = LessonCatalog.bundled();
        StringBuilder script = new StringBuilder();
        List<Lesson> lessons = catalog.lessons().stream().filter(l -> l.order() >= 2 && l.order() <= 5).toList();
        assertEquals(4, lessons.size());
        for (Lesson lesson : lessons) {
            script.append("/lesson ").append(lesson.id()).append('\n');
            for (Step step : lesson.steps()) {
                if (step.quiz().isPresent()) {
                    script.append("/answer ").append(step.quiz().get().answer()).append('\n');
                } else {
                    step.solution().ifPresent(solution -> script.append(solution).append('\n'));
                }
            }
        }
        CliProcess.Result result = CliProcess.run(home, FAST_SANDBOX, script.toString());
        assertEquals(0, result.exitCode(), result::toString);
        for (Lesson lesson : lessons) {
            assertTrue(result.stdout().contains("★ Lesson complete: " + lesson.title() + "."), () -> lesson.id() + ":\n" + result);
        }
        assertFalse(result.stdout().contains("Error:"), () -> "no line is a broken half of a statement:\n" + result);
    }

    @Test
    void iamIsSolvedAndTheRestrictedUserIsDenied(@TempDir Path home) throws Exception {
        String out = solve(home, "iam", """
                iam.createGroup(b -> b.groupName(prefix + "-readers"));
                /answer 2
                /answer 3
                iam.attachGroupPolicy(b -> b.groupName(prefix + "-readers").policyArn("arn:aws:iam::aws:policy/IAMReadOnlyAccess"));
                iam.createUser(b -> b.userName(prefix + "-carol"));
                iam.addUserToGroup(b -> b.groupName(prefix + "-readers").userName(prefix + "-carol"));
                var key = iam.createAccessKey(b -> b.userName(prefix + "-carol")).accessKey();
                var carolIam = clients.withCredentials(key.accessKeyId(), key.secretAccessKey()).iam();
                carolIam.listUsers().users().size()
                carolIam.createUser(b -> b.userName(prefix + "-mallory"));
                String trust = \"""
                    {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                      "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]}
                    \""";
                iam.createRole(b -> b.roleName(prefix + "-web").assumeRolePolicyDocument(trust));
                /answer 3
                """).stdout().replaceAll("\\s+", " "); // long lines are wrapped to the width
        assertTrue(out.matches("(?s).*· Not yet: The group learn-[a-z0-9]{4}-readers exists, but learn-[a-z0-9]{4}-carol is not a member.*"),
                "between the two calls the check says what is missing:\n" + out);
        assertTrue(out.matches("(?s).*IAM refused CreateUser: AccessDenied \\(HTTP 403\\) — User: arn:aws:iam::000000000000:user/"
                + "learn-[a-z0-9]{4}-carol is not authorized to perform: iam:CreateUser.*"), "the learner reads the denial:\n" + out);
    }

    @Test
    void s3IsSolvedFromTheLocationMistakeToTheWebsite(@TempDir Path home) throws Exception {
        String out = solve(home, "s3", """
                var ireland = clients.s3("eu-west-1");
                ireland.createBucket(b -> b.bucket(prefix + "-ireland").createBucketConfiguration(c -> c.locationConstraint(BucketLocationConstraint.EU_CENTRAL_1)));
                ireland.createBucket(b -> b.bucket(prefix + "-ireland").createBucketConfiguration(c -> c.locationConstraint("eu-west-1")));
                ireland.putObject(b -> b.bucket(prefix + "-ireland").key("photos/2024/beach.txt"), RequestBody.fromString("sand"));
                ireland.putObject(b -> b.bucket(prefix + "-ireland").key("photos/2024/city.txt"), RequestBody.fromString("streets"));
                ireland.putObject(b -> b.bucket(prefix + "-ireland").key("notes.txt"), RequestBody.fromString("my notes"));
                var listing = ireland.listObjectsV2(b -> b.bucket(prefix + "-ireland").delimiter("/"));
                String big = "backups/big.bin";
                var upload = ireland.createMultipartUpload(b -> b.bucket(prefix + "-ireland").key(big));
                var part1 = ireland.uploadPart(b -> b.bucket(prefix + "-ireland").key(big).uploadId(upload.uploadId()).partNumber(1), RequestBody.fromBytes(new byte[5 * 1024 * 1024]));
                var part2 = ireland.uploadPart(b -> b.bucket(prefix + "-ireland").key(big).uploadId(upload.uploadId()).partNumber(2), RequestBody.fromBytes(new byte[1024 * 1024]));
                ireland.completeMultipartUpload(b -> b.bucket(prefix + "-ireland").key(big).uploadId(upload.uploadId())
                        .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(part1.eTag()).build(),
                                CompletedPart.builder().partNumber(2).eTag(part2.eTag()).build())));
                ireland.putObject(b -> b.bucket(prefix + "-ireland").key("archive/2019.csv").storageClass(StorageClass.GLACIER), RequestBody.fromString("2019,42"));
                ireland.getObjectAsBytes(b -> b.bucket(prefix + "-ireland").key("archive/2019.csv"));
                ireland.restoreObject(b -> b.bucket(prefix + "-ireland").key("archive/2019.csv").restoreRequest(r -> r.days(1).glacierJobParameters(g -> g.tier(Tier.STANDARD))));
                String bucket = prefix + "-ireland";
                ireland.deletePublicAccessBlock(b -> b.bucket(bucket));
                ireland.putObject(b -> b.bucket(bucket).key("public/hello.txt"), RequestBody.fromString("hello, world"));
                ireland.putBucketPolicy(b -> b.bucket(bucket).policy("{\\"Version\\": \\"2012-10-17\\", \\"Statement\\": [{\\"Effect\\": \\"Allow\\", \\"Principal\\": \\"*\\", \\"Action\\": \\"s3:GetObject\\", \\"Resource\\": \\"arn:aws:s3:::" + bucket + "/public/*\\"}]}"));
                String publicUrl = ireland.utilities().getUrl(b -> b.bucket(bucket).key("public/hello.txt")).toString();
                var url = clients.s3Presigner("eu-west-1").presignGetObject(b -> b.signatureDuration(Duration.ofMinutes(10)).getObjectRequest(g -> g.bucket(bucket).key("notes.txt"))).url();
                String site = prefix + "-site";
                s3.createBucket(b -> b.bucket(site));
                s3.putBucketWebsite(b -> b.bucket(site).websiteConfiguration(w -> w.indexDocument(i -> i.suffix("index.html"))));
                s3.putObject(b -> b.bucket(site).key("index.html").contentType("text/html"), RequestBody.fromString("<h1>Hello from S3</h1>"));
                s3.deletePublicAccessBlock(b -> b.bucket(site));
                s3.putBucketPolicy(b -> b.bucket(site).policy("{\\"Version\\": \\"2012-10-17\\", \\"Statement\\": [{\\"Effect\\": \\"Allow\\", \\"Principal\\": \\"*\\", \\"Action\\": \\"s3:GetObject\\", \\"Resource\\": \\"arn:aws:s3:::" + site + "/*\\"}]}"));
                String siteUrl = clients.websiteUrl(site, "us-east-1");
                """).stdout().replaceAll("\\s+", " "); // long lines are wrapped to the width
        assertTrue(out.contains("S3 refused CreateBucket: IllegalLocationConstraintException (HTTP 400) — The eu-central-1 location constraint"
                + " is incompatible for the region specific endpoint this request was sent to."), out);
        assertTrue(out.contains("S3 refused GetObject: InvalidObjectState (HTTP 403)"), out);
        assertTrue(out.contains("· Not yet: The bucket learn-") && out.contains("has no object with the key index.html yet."),
                "the website step says what is missing after the configuration alone:\n" + out);
    }

    @Test
    void ec2AndRdsAreSolvedWithWaitersAndTheFinalSnapshotQuestion(@TempDir Path home) throws Exception {
        String out = solve(home, "ec2-rds", """
                var zones = ec2.describeAvailabilityZones();
                var micro = ec2.describeInstanceTypes(b -> b.instanceTypes(InstanceType.T3_MICRO));
                var images = ec2.describeImages(b -> b.owners("amazon").filters(f -> f.name("name").values("al2023-ami-2023*-x86_64"))).images();
                String ami = images.stream().max(Comparator.comparing(Image::creationDate)).orElseThrow().imageId();
                var run = ec2.runInstances(b -> b.imageId(ami).instanceType(InstanceType.T3_MICRO).minCount(1).maxCount(1).tagSpecifications(t -> t.resourceType(ResourceType.INSTANCE).tags(tag -> tag.key("Name").value(prefix + "-web"))));
                String instanceId = run.instances().get(0).instanceId();
                ec2.waiter().waitUntilInstanceRunning(b -> b.instanceIds(instanceId));
                ec2.terminateInstances(b -> b.instanceIds(instanceId));
                ec2.waiter().waitUntilInstanceTerminated(b -> b.instanceIds(instanceId));
                rds.createDBInstance(b -> b.dbInstanceIdentifier(prefix + "-multiaz-db").engine("mysql").dbInstanceClass("db.t3.micro").allocatedStorage(20).masterUsername("admin").masterUserPassword("s3cret-pass-77").multiAZ(true));
                /answer 2
                rds.deleteDBInstance(b -> b.dbInstanceIdentifier(prefix + "-multiaz-db"));
                rds.deleteDBInstance(b -> b.dbInstanceIdentifier(prefix + "-multiaz-db").skipFinalSnapshot(true));
                String vpcId = ec2.describeVpcs(b -> b.filters(f -> f.name("is-default").values("true"))).vpcs().get(0).vpcId();
                String pgSg = ec2.createSecurityGroup(b -> b.groupName(prefix + "-pg").description("PostgreSQL from my machine").vpcId(vpcId)).groupId();
                ec2.authorizeSecurityGroupIngress(b -> b.groupId(pgSg).ipPermissions(p -> p.ipProtocol("tcp").fromPort(5432).toPort(5432).ipRanges(r -> r.cidrIp(clients.myPublicIp() + "/32"))));
                String pgPassword = "kettle-and-teapot-7";
                rds.createDBInstance(b -> b.dbInstanceIdentifier(prefix + "-pg").engine("postgres").dbInstanceClass("db.t3.micro").allocatedStorage(20).masterUsername("learner").masterUserPassword(pgPassword).dbName("shop").publiclyAccessible(true).vpcSecurityGroupIds(pgSg));
                rds.waiter().waitUntilDBInstanceAvailable(b -> b.dbInstanceIdentifier(prefix + "-pg"));
                var ep = rds.describeDBInstances(b -> b.dbInstanceIdentifier(prefix + "-pg")).dbInstances().get(0).endpoint();
                Connection db = DriverManager.getConnection("jdbc:postgresql://" + ep.address() + ":" + ep.port() + "/shop", "learner", pgPassword);
                db.createStatement().execute("CREATE TABLE orders (id int PRIMARY KEY, item text)");
                db.createStatement().execute("INSERT INTO orders VALUES (1, 'kettle'), (2, 'teapot')");
                var orders = SqlTable.query(db, "SELECT * FROM orders ORDER BY id");
                rds.createDBSnapshot(b -> b.dbSnapshotIdentifier(prefix + "-pg-before").dbInstanceIdentifier(prefix + "-pg"));
                rds.waiter().waitUntilDBSnapshotAvailable(b -> b.dbSnapshotIdentifier(prefix + "-pg-before"));
                db = DriverManager.getConnection("jdbc:postgresql://" + ep.address() + ":" + ep.port() + "/shop", "learner", pgPassword);
                db.createStatement().execute("DROP TABLE orders");
                var left = SqlTable.query(db, "SELECT tablename FROM pg_tables WHERE tablename = 'orders'");
                rds.restoreDBInstanceFromDBSnapshot(b -> b.dbInstanceIdentifier(prefix + "-pg-restored").dbSnapshotIdentifier(prefix + "-pg-before").publiclyAccessible(true).vpcSecurityGroupIds(pgSg));
                rds.waiter().waitUntilDBInstanceAvailable(b -> b.dbInstanceIdentifier(prefix + "-pg-restored"));
                var ep2 = rds.describeDBInstances(b -> b.dbInstanceIdentifier(prefix + "-pg-restored")).dbInstances().get(0).endpoint();
                Connection db2 = DriverManager.getConnection("jdbc:postgresql://" + ep2.address() + ":" + ep2.port() + "/shop", "learner", pgPassword);
                var restored = SqlTable.query(db2, "SELECT * FROM orders ORDER BY id");
                db.close();
                db2.close();
                rds.deleteDBInstance(b -> b.dbInstanceIdentifier(prefix + "-pg").skipFinalSnapshot(true));
                rds.deleteDBInstance(b -> b.dbInstanceIdentifier(prefix + "-pg-restored").skipFinalSnapshot(true));
                rds.deleteDBSnapshot(b -> b.dbSnapshotIdentifier(prefix + "-pg-before"));
                """).stdout().replaceAll("\\s+", " "); // long lines are wrapped to the width
        assertTrue(out.contains("RDS refused DeleteDBInstance: InvalidParameterCombination (HTTP 400) — FinalDBSnapshotIdentifier is required"
                + " unless SkipFinalSnapshot is specified."), out);
        assertFalse(out.contains("s3cret-pass-77"), "the master password is never echoed:\n" + out);
    }

    @Test
    void sesRefusesTheUnverifiedSenderThenSendsToTheSimulator(@TempDir Path home) throws Exception {
        String out = solve(home, "ses", """
                String me = prefix + "@example.com";
                ses.sendEmail(b -> b.source(me).destination(d -> d.toAddresses("success@simulator.amazonses.com")).message(m -> m.subject(s -> s.data("Hi")).body(x -> x.text(t -> t.data("first")))));
                ses.verifyEmailIdentity(b -> b.emailAddress(me));
                /console
                var mailbox = new String(java.net.URI.create(clients.settings().endpoint().get() + "/_aws/ses").toURL().openStream().readAllBytes());
                var link = java.util.regex.Pattern.compile("http://[A-Za-z0-9.:]+/_aws/ses/verify[?]token=[A-Za-z0-9]+").matcher(mailbox).results().reduce((a, b) -> b).get().group();
                new String(java.net.URI.create(link).toURL().openStream().readAllBytes())
                var sent = ses.sendEmail(b -> b.source(me).destination(d -> d.toAddresses("success@simulator.amazonses.com")).message(m -> m.subject(s -> s.data("Hi")).body(x -> x.text(t -> t.data("second")))));
                /answer 2
                var quota = ses.getSendQuota();
                quota.sentLast24Hours()
                """).stdout().replaceAll("\\s+", " ");
        assertTrue(out.matches("(?s).*SES refused SendEmail: MessageRejected \\(HTTP 400\\) — Email address is not verified\\. "
                + "The following identities failed the check in region US-EAST-1: learn-[a-z0-9]{4}@example\\.com.*"), out);
        assertTrue(out.matches("(?s).*~ verify email identity learn-[a-z0-9]{4}@example\\.com \\(us-east-1\\).*"), out);
        assertTrue(out.matches("(?s).*· Not yet: The identity learn-[a-z0-9]{4}@example\\.com is Pending: SES mailed it a link.*"),
                "until the link is opened the step waits:\n" + out);
        assertTrue(out.matches("(?s).*Waiting for a click \\(learn-[a-z0-9]{4}@example\\.com, us-east-1\\): http://127\\.0\\.0\\.1:[0-9]+/_aws/ses/verify\\?token=[A-Za-z0-9]+ .*"),
                "/console prints the link a terminal learner opens:\n" + out);
        assertTrue(out.contains("Congratulations! "), "the link verifies:\n" + out);
        assertTrue(out.contains("==> 1.0"), "one recipient counted against the quota:\n" + out);
    }

    @Test
    void cloudFrontServesTheOldPageUntilTheInvalidation(@TempDir Path home) throws Exception {
        String out = solve(home, "cloudfront", """
                String cdn = prefix + "-cdn";
                s3.createBucket(b -> b.bucket(cdn));
                s3.putObject(b -> b.bucket(cdn).key("index.html").contentType("text/html"), RequestBody.fromString("<h1>Version 1</h1>"));
                s3.deletePublicAccessBlock(b -> b.bucket(cdn));
                s3.putBucketPolicy(b -> b.bucket(cdn).policy("{\\"Version\\":\\"2012-10-17\\",\\"Statement\\":[{\\"Effect\\":\\"Allow\\",\\"Principal\\":\\"*\\",\\"Action\\":\\"s3:GetObject\\",\\"Resource\\":\\"arn:aws:s3:::" + cdn + "/*\\"}]}"));
                var created = cloudfront.createDistribution(b -> b.distributionConfig(c -> c.callerReference("r1").comment("").enabled(true).defaultRootObject("index.html").origins(o -> o.quantity(1).items(x -> x.id("site").domainName(cdn + ".s3.amazonaws.com").s3OriginConfig(s -> s.originAccessIdentity("")))).defaultCacheBehavior(d -> d.targetOriginId("site").viewerProtocolPolicy(ViewerProtocolPolicy.ALLOW_ALL).cachePolicyId("658327ea-f89d-4fab-a63d-7e88639e58f6"))));
                String distributionId = created.distribution().id();
                String url = clients.distributionUrl(created.distribution().domainName());
                /answer 2
                s3.putObject(b -> b.bucket(cdn).key("index.html").contentType("text/html"), RequestBody.fromString("<h1>Version 2</h1>"));
                /check
                cloudfront.createInvalidation(b -> b.distributionId(distributionId).invalidationBatch(i -> i.callerReference("v2").paths(p -> p.quantity(1).items("/*"))));
                var current = cloudfront.getDistributionConfig(b -> b.id(distributionId));
                cloudfront.deleteDistribution(b -> b.id(distributionId).ifMatch(current.eTag()));
                cloudfront.updateDistribution(b -> b.id(distributionId).ifMatch(current.eTag()).distributionConfig(current.distributionConfig().toBuilder().enabled(false).build()));
                cloudfront.waiter().waitUntilDistributionDeployed(b -> b.id(distributionId));
                cloudfront.deleteDistribution(b -> b.id(distributionId).ifMatch(cloudfront.getDistribution(g -> g.id(distributionId)).eTag()));
                """).stdout().replaceAll("\\s+", " ");
        assertTrue(out.contains("+ distribution E"), out);
        assertTrue(out.contains("CloudFront refused DeleteDistribution: DistributionNotDisabled (HTTP 409) — The distribution you are"
                + " trying to delete has not been disabled."), out);
        assertTrue(out.matches("(?s).*· Not yet: .*url.*Version 2.*"), "the cached page is still version 1 before the invalidation:\n" + out);
    }

    @Test
    void securityGroupsAreBuiltByAddressThenByGroup(@TempDir Path home) throws Exception {
        String out = solve(home, "security-groups", """
                String webSg = ec2.createSecurityGroup(b -> b.groupName(prefix + "-web").description("web servers")).groupId();
                ec2.authorizeSecurityGroupIngress(b -> b.groupId(webSg).ipPermissions(p -> p.ipProtocol("tcp").fromPort(80).toPort(80).ipRanges(r -> r.cidrIp("0.0.0.0/0"))));
                String ami = ec2.describeImages(b -> b.owners("amazon").filters(f -> f.name("name").values("al2023-ami-2023*-x86_64"))).images().stream().max(Comparator.comparing(Image::creationDate)).orElseThrow().imageId();
                var web1 = ec2.runInstances(b -> b.imageId(ami).instanceType(InstanceType.T3_MICRO).minCount(1).maxCount(1).securityGroupIds(webSg).tagSpecifications(t -> t.resourceType(ResourceType.INSTANCE).tags(tag -> tag.key("Name").value(prefix + "-web1")))).instances().get(0);
                ec2.waiter().waitUntilInstanceRunning(b -> b.instanceIds(web1.instanceId()));
                String dbSg = ec2.createSecurityGroup(b -> b.groupName(prefix + "-db").description("database")).groupId();
                ec2.authorizeSecurityGroupIngress(b -> b.groupId(dbSg).ipPermissions(p -> p.ipProtocol("tcp").fromPort(3306).toPort(3306).ipRanges(r -> r.cidrIp(web1.privateIpAddress() + "/32"))));
                rds.createDBInstance(b -> b.dbInstanceIdentifier(prefix + "-db").engine("mysql").dbInstanceClass("db.t3.micro").allocatedStorage(20).masterUsername("admin").masterUserPassword("change-me-2024").vpcSecurityGroupIds(dbSg));
                var web2 = ec2.runInstances(b -> b.imageId(ami).instanceType(InstanceType.T3_MICRO).minCount(1).maxCount(1).securityGroupIds(webSg).tagSpecifications(t -> t.resourceType(ResourceType.INSTANCE).tags(tag -> tag.key("Name").value(prefix + "-web2")))).instances().get(0);
                ec2.waiter().waitUntilInstanceRunning(b -> b.instanceIds(web2.instanceId()));
                ec2.authorizeSecurityGroupIngress(b -> b.groupId(dbSg).ipPermissions(p -> p.ipProtocol("tcp").fromPort(3306).toPort(3306).userIdGroupPairs(g -> g.groupId(webSg))));
                ec2.revokeSecurityGroupIngress(b -> b.groupId(dbSg).ipPermissions(p -> p.ipProtocol("tcp").fromPort(3306).toPort(3306).ipRanges(r -> r.cidrIp(web1.privateIpAddress() + "/32"))));
                /answer 2
                var dbEp = rds.describeDBInstances(b -> b.dbInstanceIdentifier(prefix + "-db")).dbInstances().get(0).endpoint();
                String dbUrl = "jdbc:mariadb://" + dbEp.address() + ":" + dbEp.port() + "/?connectTimeout=5000";
                SQLException laptop = null;
                try {
                    DriverManager.getConnection(dbUrl, "admin", "change-me-2024").close();
                } catch (SQLException e) {
                    laptop = e;
                }
                ec2.authorizeSecurityGroupIngress(b -> b.groupId(dbSg).ipPermissions(p -> p.ipProtocol("tcp").fromPort(3306).toPort(3306).ipRanges(r -> r.cidrIp(clients.myPublicIp() + "/32"))));
                Connection laptopDb = DriverManager.getConnection(dbUrl, "admin", "change-me-2024");
                var fromLaptop = SqlTable.query(laptopDb, "SELECT 1 AS answered");
                laptopDb.close();
                ec2.revokeSecurityGroupIngress(b -> b.groupId(dbSg).ipPermissions(p -> p.ipProtocol("tcp").fromPort(3306).toPort(3306).ipRanges(r -> r.cidrIp(clients.myPublicIp() + "/32"))));
                ec2.terminateInstances(b -> b.instanceIds(web1.instanceId(), web2.instanceId()));
                rds.deleteDBInstance(b -> b.dbInstanceIdentifier(prefix + "-db").skipFinalSnapshot(true));
                ec2.waiter().waitUntilInstanceTerminated(b -> b.instanceIds(web1.instanceId(), web2.instanceId()));
                """).stdout().replaceAll("\\s+", " "); // long lines are wrapped to the width
        assertTrue(out.matches("(?s).*· Not yet: The group learn-[a-z0-9]{4}-db still has the inbound rule TCP port 3306 from "
                + "learn-[a-z0-9]{4}-web1's address [0-9.]+/32; revoke it\\..*"),
                "adding the group rule first, the check asks for the address rule to go:\n" + out);
        assertTrue(out.contains("· Not yet: The DB instance learn-") || out.contains("· Not yet: The instance"),
                "clean-up reports what still runs between the calls:\n" + out);
    }
}
