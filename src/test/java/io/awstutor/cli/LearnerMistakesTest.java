package io.awstutor.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a new learner types wrong, in the shell's non-terminal mode, and what they should
 * read back: one line that says what happened and what to do, never a silent surprise.
 */
class LearnerMistakesTest {

    @Test
    void stepWithANumberGoesThereAndACommandGivenWordsItIgnoresSaysSo(@TempDir Path home) throws Exception {
        CliProcess.Result result = CliProcess.run(home, """
                /lesson s3
                /step 3
                /hint 2
                /step
                """);
        String out = result.stdout();
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(out.contains("Step 3/12: Upload objects"), "/step 3 goes to step 3:\n" + out);
        assertTrue(out.contains("/hint takes no arguments (not '2')."), out);
        assertFalse(out.contains("Hint 1 of"), "the hint was not given as if the 2 were not there:\n" + out);
        assertEquals(2, out.split("Step 3/12: Upload objects", -1).length - 1, "a bare /step shows the current step again:\n" + out);
    }

    @Test
    void aHiddenPasswordKeepsItsTrueLengthInVarsAndHistory(@TempDir Path home) throws Exception {
        CliProcess.Result result = CliProcess.run(home, """
                String auroraPassword = "scale-to-zero-42";
                /vars
                /history
                """);
        String out = result.stdout();
        assertEquals(0, result.exitCode(), result::toString);
        assertFalse(out.contains("scale-to-zero-42"), out);
        assertEquals(3, out.split("scal…\\(16 chars, hidden\\)", -1).length - 1,
                "the value, /vars and /history each say 16 characters (masking the mask counted 23):\n" + out);
    }

    @Test
    void aBuilderPassedWithoutBuildIsNamedAndTheErrorReadsInSimpleTypeNames(@TempDir Path home) throws Exception {
        CliProcess.Result result = CliProcess.run(home, """
                var req = CreateBucketRequest.builder().bucket(prefix + "-typo");
                s3.createBucket(req)
                CreateBucketRequest request = CreateBucketRequest.builder().bucket(prefix + "-typo");
                """);
        String out = ShellSessionTest.unwrapped(result.stdout());
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(out.contains("req ==> a CreateBucketRequest.Builder, not built yet (.build() makes the CreateBucketRequest)"), out);
        assertEquals(2, out.split("Did you forget \\.build\\(\\)\\? A CreateBucketRequest\\.Builder only collects the settings;", -1).length - 1,
                "both the call and the assignment name the missing .build():\n" + out);
        String errors = out.substring(out.indexOf("Error:"));
        assertFalse(errors.contains("software.amazon.awssdk.services.s3.model."), "simple type names in javac's message:\n" + out);
        assertTrue(errors.contains("CreateBucketRequest.Builder cannot be converted to CreateBucketRequest"), out);
    }

    @Test
    void saveNeverEmptiesYesterdaysFileAndReadsAQuotedName(@TempDir Path home) throws Exception {
        Path yesterday = home.resolve("mine.jsh");
        Files.writeString(yesterday, "int twice(int x) { return 2 * x; }\n");
        CliProcess.Result result = CliProcess.run(home, "/save " + yesterday + "\n"
                + "int n = 1;\n"
                + "/save " + home.resolve("nowhere/mine.jsh") + "\n"
                + "/save \"" + home.resolve("with space.jsh") + "\"\n");
        String out = ShellSessionTest.unwrapped(result.stdout());
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(out.contains("Nothing to save: no snippets in this Java session yet (" + yesterday + " is left as it was)."), out);
        assertEquals("int twice(int x) { return 2 * x; }\n", Files.readString(yesterday), "a fresh session's /save emptied the file");
        assertEquals("int n = 1;\n", Files.readString(home.resolve("nowhere/mine.jsh")), "the folder is made: " + out);
        CliProcess.Result opened = CliProcess.run(home, "/open " + home.resolve("absent/mine.jsh") + "\n");
        assertTrue(ShellSessionTest.unwrapped(opened.stdout()).contains("Could not read " + home.resolve("absent/mine.jsh") + ": there is no folder "
                + home.resolve("absent") + "."), opened::toString);
        assertEquals("int n = 1;\n", Files.readString(home.resolve("with space.jsh")), out);
    }

    @Test
    void aProgressFileHoldingAListIsExplainedInWords(@TempDir Path home) throws Exception {
        Files.writeString(home.resolve("progress.json"), "[]");
        CliProcess.Result result = CliProcess.run(home, "", "progress");
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.stderr().contains("could not be read (line 1, column 1: the file holds a list [...] where an object {…}"
                + " belongs); it was moved to progress.json.corrupt-"), "not Jackson's words with its class names cut out:\n" + result);
        assertTrue(result.stdout().contains("getting-started"), result::toString);
    }

    @Test
    void aMissingLessonFolderIsNamedAsSuchByEveryCommand(@TempDir Path home) throws Exception {
        String missing = home.resolve("my-lessons").toString();
        for (String command : new String[] {"shell", "verify", "progress"}) {
            CliProcess.Result result = CliProcess.run(home, "", command, "--lessons", missing);
            assertEquals(1, result.exitCode(), result::toString);
            assertEquals("awstutor: no lesson folder at " + missing, result.stderr().strip(), command + " said only the path:\n" + result);
        }
    }

    @Test
    void progressFitsEightyColumnsAndNamesALessonThatDidNotLoad(@TempDir Path home, @TempDir Path lessons) throws Exception {
        CliProcess.Result bundled = CliProcess.run(home, "", "progress");
        assertEquals(0, bundled.exitCode(), bundled::toString);
        for (String line : bundled.stdout().lines().toList()) {
            assertTrue(line.length() <= 80, "wider than 80 columns: " + line);
        }
        assertTrue(bundled.stdout().contains("aurora-serverless        0/8  Aurora Serverless v2"), bundled::toString);

        Files.writeString(lessons.resolve("01-fine.md"), "---\nid: fine\ntitle: Fine\n---\n\n# Fine\n\n## Read\n\nJust read.\n");
        Files.writeString(lessons.resolve("02-broken.md"), "no front matter\n");
        CliProcess.Result mine = CliProcess.run(home, "", "progress", "--lessons", lessons.toString());
        assertEquals(0, mine.exitCode(), mine::toString);
        assertTrue(mine.stdout().contains("fine"), mine::toString);
        assertTrue(mine.stderr().contains("! not loaded: 02-broken.md:1: "), "the broken lesson is named:\n" + mine);
    }

    @Test
    void aNullVariableIsNamedAsTheLearnerNamedIt(@TempDir Path home) throws Exception {
        CliProcess.Result result = CliProcess.run(home, """
                String bucketName = null;
                bucketName.length()
                """);
        String out = ShellSessionTest.unwrapped(result.stdout());
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(out.contains("NullPointerException: Cannot invoke \"String.length()\" because \"bucketName\" is null"), out);
        assertFalse(out.contains("$JShell$"), out);
    }

    @Test
    void aJsonClientsErrorSaysWhichServiceOnce(@TempDir Path home) throws Exception {
        CliProcess.Result result = CliProcess.run(home, """
                pricing.call("GetProduct", Map.of("ServiceCode", "AmazonEC2"))
                """);
        String out = ShellSessionTest.unwrapped(result.stdout());
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(out.contains("AwsServiceException: "), out);
        assertEquals(1, out.split("\\(Service: Pricing, Status Code: 400,", -1).length - 1, "the SDK's suffix once, not twice:\n" + out);
    }

    @Test
    void varsListsWhatTheLearnerHasInAFewReadableLines(@TempDir Path home) throws Exception {
        CliProcess.Result result = CliProcess.run(home, """
                var me = sts.getCallerIdentity();
                var users = iam.listUsers();
                clients
                String text = "ab ".repeat(200);
                /vars
                """);
        String out = result.stdout();
        assertEquals(0, result.exitCode(), result::toString);
        String vars = out.substring(out.lastIndexOf("text ==> "));
        assertTrue(vars.contains("  GetCallerIdentityResponse me = GetCallerIdentityResponse(UserId=000000000000"), vars);
        assertTrue(vars.contains("  StsClient sts = StsClient, an SDK client"), "a client is what it is, not its hash:\n" + vars);
        assertFalse(vars.contains("software.amazon.awssdk."), "simple type names:\n" + vars);
        assertTrue(vars.contains("  ClientFactory clients = clients.s3(), clients.iam(), … in us-east-1\n"),
                "clients says what it is for, not ClientFactory@hash:\n" + vars);
        assertTrue(vars.contains("… (text shows it all)"), "a long value is cut:\n" + vars);
        assertFalse(vars.contains("ab ".repeat(60)), vars);
    }

    @Test
    void anInstanceLaunchedInAnotherRegionIsNamedAsSuch(@TempDir Path home) throws Exception {
        CliProcess.Result result = CliProcess.run(home, """
                /lesson ec2-rds 4
                var euEc2 = clients.ec2("eu-west-1");
                String ami = euEc2.describeImages(b -> b.owners("amazon").filters(f -> f.name("name").values("al2023-ami-2023*-x86_64"))).images().get(0).imageId();
                euEc2.runInstances(b -> b.imageId(ami).instanceType(InstanceType.T3_MICRO).minCount(1).maxCount(1).tagSpecifications(t -> t.resourceType(ResourceType.INSTANCE).tags(g -> g.key("Name").value(prefix + "-web"))))
                """);
        String out = ShellSessionTest.unwrapped(result.stdout());
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(out.matches("(?s).*· Not yet: No instance tagged Name=learn-[a-z0-9]{4}-web in us-east-1: the one you made is in"
                + " eu-west-1\\. This step works in us-east-1 \\(the region of the shell's clients\\); make it there\\..*"),
                "not 'No instance is tagged ... (add the tag when you launch it)', which it was:\n" + out);
    }
}
