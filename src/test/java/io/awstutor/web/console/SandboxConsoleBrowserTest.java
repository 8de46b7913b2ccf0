package io.awstutor.web.console;

import io.awstutor.sandbox.TestSandbox;
import io.awstutor.web.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ses.SesClient;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sandbox's console in a real browser (Debian's Chromium): every service page, a bucket
 * created from Java appearing without a reload, an upload the SDK reads back, the SES link
 * that verifies an address, and hostile names that stay text. One sandbox and one browser
 * for the class; screenshots under target/screenshots/console-*.png.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SandboxConsoleBrowserTest {
    private static TestSandbox box;
    private static SandboxConsole console;
    private static Browser browser;
    private static String base;

    @BeforeAll
    static void start() {
        box = TestSandbox.start();
        console = SandboxConsole.mount(box.sandbox());
        base = box.endpoint() + "/_console";
        browser = Browser.open();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        console.close();
        box.close();
    }

    private static String page() {
        return browser.find("main").getText();
    }

    private static void noScriptRan() {
        try {
            String text = browser.driver().switchTo().alert().getText();
            throw new AssertionError("a script ran and alerted: " + text);
        } catch (NoAlertPresentException expected) {
            // nothing ran
        }
    }

    @Test
    @Order(1)
    void aBucketCreatedFromJavaAppearsWithoutAReload() {
        browser.get(base + "/s3");
        assertTrue(page().contains("No buckets yet"), page());
        browser.waitFor(10, "the page's event stream", d -> "true".equals(
                browser.find("html").getAttribute("data-live-connected")));
        box.s3().createBucket(b -> b.bucket("made-in-java"));
        browser.waitFor(10, "the new bucket to appear", d -> page().contains("made-in-java"));
        assertTrue(page().contains("us-east-1"), page());
        browser.screenshot("console-s3-buckets");
    }

    @Test
    @Order(2)
    void anUploadFromThePageIsReadableWithTheSdk() throws Exception {
        box.s3().putObject(b -> b.bucket("made-in-java").key("photos/2024/beach.txt"), RequestBody.fromString("sand"));
        browser.get(base + "/s3/made-in-java");
        assertTrue(page().contains("photos/"), "a folder from the key prefix: " + page());
        browser.find("a[href*='prefix=photos%2F']").click();
        browser.waitFor(10, "the folder", d -> page().contains("2024/"));
        Path file = Files.createTempFile("upload", ".txt");
        Files.writeString(file, "uploaded from the console");
        browser.get(base + "/s3/made-in-java");
        browser.find("input[type=file]").sendKeys(file.toString());
        browser.find("input[name=key]").sendKeys("notes/from-page.txt");
        browser.find("form[enctype='multipart/form-data'] button").click();
        browser.waitFor(10, "the upload to be listed", d -> page().contains("notes/"));
        assertEquals("uploaded from the console",
                box.s3().getObjectAsBytes(b -> b.bucket("made-in-java").key("notes/from-page.txt")).asUtf8String());
        browser.screenshot("console-s3-bucket");
        browser.get(base + "/s3/made-in-java/object?key=notes%2Ffrom-page.txt");
        assertTrue(page().contains("STANDARD") && page().contains("25 bytes"), page());
        browser.screenshot("console-s3-object");
        Files.delete(file);
    }

    @Test
    @Order(3)
    void theVerificationLinkInTheMailboxVerifies() {
        SesClient ses = box.ses();
        ses.verifyEmailIdentity(b -> b.emailAddress("ana@example.com"));
        browser.get(base + "/ses?region=us-east-1");
        assertTrue(page().contains("Pending"), page());
        assertTrue(page().contains("no-reply-aws@amazon.com"), page());
        browser.screenshot("console-ses-pending");
        WebElement link = browser.find("pre.mail-text a[href*='/_aws/ses/verify']");
        link.click();
        browser.waitFor(10, "the confirmation", d -> d.getPageSource().contains("Congratulations!"));
        assertEquals("Success", ses.getIdentityVerificationAttributes(b -> b.identities("ana@example.com"))
                .verificationAttributes().get("ana@example.com").verificationStatusAsString());
        browser.get(base + "/ses?region=us-east-1");
        assertTrue(page().contains("Success"), page());
    }

    @Test
    @Order(4)
    void hostileKeysTagsPoliciesAndMailStayText() {
        String script = "<img src=x onerror=alert('key')>"; // a '/' would make a folder of it
        box.s3().createBucket(b -> b.bucket("hostile"));
        box.s3().putObject(b -> b.bucket("hostile").key(script + ".txt"), RequestBody.fromString("x"));
        box.s3().putBucketTagging(b -> b.bucket("hostile").tagging(t -> t.tagSet(s -> s.key("note").value("<img src=x onerror=alert('tag')>"))));
        box.s3().deletePublicAccessBlock(b -> b.bucket("hostile"));
        box.s3().putBucketPolicy(b -> b.bucket("hostile").policy("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Read\","
                + "\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::hostile/<script>alert('policy')</script>\"}]}"));
        browser.get(base + "/s3/hostile");
        assertTrue(page().contains(script + ".txt"), "the key shows as text: " + page());
        assertTrue(page().contains("<img src=x onerror=alert('tag')>"), page());
        assertTrue(page().contains("hostile/<script>alert('policy')</script>"), page());
        noScriptRan();
        browser.screenshot("console-s3-hostile");

        box.iam().createPolicy(b -> b.policyName("hostile-policy").policyDocument("{\"Version\":\"2012-10-17\",\"Statement\":"
                + "[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::x/<script>alert('iam')</script>\"}]}"));
        browser.get(base + "/iam");
        String documents = browser.driver().findElements(By.cssSelector("details pre")).stream()
                .map(e -> e.getAttribute("textContent")).reduce("", String::concat);
        assertTrue(documents.contains("arn:aws:s3:::x/<script>alert('iam')</script>"), documents);
        noScriptRan();

        SesClient ses = box.ses();
        ses.verifyEmailIdentity(b -> b.emailAddress("ana@example.com"));
        ses.sendEmail(b -> b.source("ana@example.com").destination(d -> d.toAddresses("success@simulator.amazonses.com"))
                .message(m -> m.subject(s -> s.data("<script>alert('subject')</script>"))
                        .body(x -> x.text(t -> t.data("<script>alert('text')</script>"))
                                .html(h -> h.data("<h1>Hello</h1><script>parent.document.title='pwned'</script><img src=x onerror=alert('html')>")))));
        browser.get(base + "/ses?region=us-east-1");
        assertTrue(page().contains("<script>alert('subject')</script>"), page());
        assertTrue(page().contains("<script>alert('text')</script>"), page());
        WebElement frame = browser.find("iframe.mail");
        assertEquals("", frame.getAttribute("sandbox"), "the HTML part is framed with every sandbox restriction");
        browser.driver().switchTo().frame(frame);
        assertEquals("Hello", browser.driver().findElement(By.tagName("h1")).getText());
        browser.driver().switchTo().defaultContent();
        noScriptRan();
        assertFalse(browser.driver().getTitle().contains("pwned"));
        browser.screenshot("console-ses-mailbox");
    }

    @Test
    @Order(5)
    void iamEc2RdsAndCloudFrontPagesShowWhatJavaBuilt() {
        box.iam().createUser(b -> b.userName("alice"));
        box.iam().createAccessKey(b -> b.userName("alice"));
        box.iam().createGroup(b -> b.groupName("readers"));
        box.iam().addUserToGroup(b -> b.groupName("readers").userName("alice"));
        String policyArn = box.iam().createPolicy(b -> b.policyName("list-buckets").policyDocument("{\"Version\":\"2012-10-17\",\"Statement\":"
                + "[{\"Sid\":\"ListThem\",\"Effect\":\"Allow\",\"Action\":\"s3:ListAllMyBuckets\",\"Resource\":\"*\"}]}")).policy().arn();
        box.iam().attachUserPolicy(b -> b.userName("alice").policyArn(policyArn));
        browser.get(base + "/iam");
        assertTrue(page().contains("alice") && page().contains("readers") && page().contains("list-buckets"), page());
        assertTrue(page().contains("AKIA"), "access key ids: " + page());
        browser.find("input[name=principal]").sendKeys("arn:aws:iam::000000000000:user/alice");
        browser.find("input[name=action]").clear();
        browser.find("input[name=action]").sendKeys("s3:ListAllMyBuckets");
        browser.find("form.simulator button").click();
        browser.waitFor(10, "the simulation", d -> page().contains("is allowed"));
        assertTrue(page().contains("\"Sid\" : \"ListThem\"") || page().contains("ListThem"), "the deciding statement: " + page());
        browser.screenshot("console-iam");

        var ec2 = box.ec2();
        String vpc = ec2.describeVpcs().vpcs().get(0).vpcId();
        String web = ec2.createSecurityGroup(b -> b.groupName("web").description("web servers").vpcId(vpc)).groupId();
        ec2.authorizeSecurityGroupIngress(b -> b.groupId(web).ipPermissions(IpPermission.builder().ipProtocol("tcp").fromPort(80).toPort(80)
                .ipRanges(r -> r.cidrIp("0.0.0.0/0")).build(), IpPermission.builder().ipProtocol("tcp").fromPort(22).toPort(22)
                .ipRanges(r -> r.cidrIp("203.0.113.0/24").description("office")).build()));
        String ami = ec2.describeImages(r -> r.owners("amazon").filters(Filter.builder().name("name").values("al2023-ami-2023*-x86_64").build()))
                .images().get(0).imageId();
        String instance = ec2.runInstances(b -> b.imageId(ami).instanceType("t3.micro").minCount(1).maxCount(1).securityGroupIds(web))
                .instances().get(0).instanceId();
        browser.get(base + "/ec2?region=us-east-1&from=203.0.113.9&to=" + instance + "&port=22");
        assertTrue(page().contains(instance), page());
        assertTrue(page().contains("SSH") && page().contains("203.0.113.0/24 — office") && page().contains("HTTP"), page());
        assertTrue(browser.text("#verdict").startsWith("Yes.") || browser.text("#verdict").startsWith("No."), browser.text("#verdict"));
        browser.screenshot("console-ec2");

        browser.get(base + "/rds?region=us-east-1");
        assertTrue(page().contains("No databases in this region."), page());
        browser.screenshot("console-rds");

        box.cloudfront().createDistribution(b -> b.distributionConfig(c -> c.callerReference("r1").comment("site").enabled(true)
                .defaultRootObject("index.html").origins(o -> o.quantity(1).items(x -> x.id("site").domainName("made-in-java.s3.amazonaws.com")
                        .s3OriginConfig(s -> s.originAccessIdentity(""))))
                .defaultCacheBehavior(d -> d.targetOriginId("site").viewerProtocolPolicy("allow-all")
                        .cachePolicyId("658327ea-f89d-4fab-a63d-7e88639e58f6"))));
        browser.get(base + "/cloudfront");
        assertTrue(page().contains("Edge URL") && page().contains("hits"), page());
        browser.screenshot("console-cloudfront");
        browser.get(base + "/");
        assertTrue(browser.driver().findElements(By.cssSelector("header.top [aria-current]")).isEmpty(), "home marks no service");
        browser.find("body").sendKeys(org.openqa.selenium.Keys.TAB);
        assertEquals("Skip to content", browser.driver().switchTo().activeElement().getText(), "the keyboard's first stop");
        browser.screenshot("console-home");
    }

    @Test
    @Order(6)
    void aSignedInUserSeesAccessDeniedWhereTheirPolicySaysSo() {
        box.iam().createUser(b -> b.userName("bob"));
        box.iam().createLoginProfile(b -> b.userName("bob").password("Bob-secret-2024!"));
        box.iam().putUserPolicy(b -> b.userName("bob").policyName("buckets-only").policyDocument("{\"Version\":\"2012-10-17\",\"Statement\":"
                + "[{\"Effect\":\"Allow\",\"Action\":[\"s3:ListAllMyBuckets\",\"s3:GetBucketLocation\"],\"Resource\":\"*\"}]}"));
        browser.get(base + "/signin");
        browser.find("input[name=user]").sendKeys("bob");
        browser.find("input[name=password]").sendKeys("wrong-password");
        browser.find("form.signin button").click();
        browser.waitFor(10, "the refusal", d -> page().contains("Your authentication information is incorrect"));
        browser.find("input[name=password]").sendKeys("Bob-secret-2024!");
        browser.find("form.signin button").click();
        browser.waitFor(10, "the signed-in home", d -> browser.find("header.top").getText().contains("bob @ 000000000000"));
        browser.get(base + "/s3");
        assertTrue(page().contains("made-in-java"), "bob may list buckets: " + page());
        browser.get(base + "/iam");
        assertTrue(page().contains("AccessDenied") && page().contains("user/bob is not authorized to perform: iam:ListUsers"), page());
        browser.screenshot("console-iam-denied");
        browser.get(base + "/s3");
        browser.find("input[name=bucket]").sendKeys("bobs-bucket");
        browser.find("form.create-bucket button").click();
        browser.waitFor(10, "the denial", d -> page().contains("AccessDenied"));
        assertTrue(box.s3().listBuckets().buckets().stream().noneMatch(b -> b.name().equals("bobs-bucket")));
        assertFalse(browser.driver().getPageSource().contains("Bob-secret-2024!"), "the password is never shown");
        browser.find("header.top form.signout button").click();
        browser.waitFor(10, "root again", d -> browser.find("header.top").getText().contains("root of 000000000000"));
    }

    @Test
    @Order(7)
    void aPhoneWidthShowsTheSamePages() {
        browser.resize(390, 844);
        try {
            browser.get(base + "/s3/made-in-java");
            assertTrue(page().contains("notes/"), page());
            browser.screenshot("console-phone-s3");
            browser.get(base + "/ec2?region=us-east-1");
            browser.screenshot("console-phone-ec2");
        } finally {
            browser.resize(1280, 800);
        }
    }
}
