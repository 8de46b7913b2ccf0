package io.awstutor.sandbox.s3;

import io.awstutor.sandbox.TestSandbox;
import io.awstutor.testing.ExternalTools;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The AWS CLI (s3api and the high-level s3 commands) and boto3 against the sandbox. */
class S3CliTest {
    private static TestSandbox box;

    @BeforeAll
    static void start() {
        box = TestSandbox.start();
    }

    @AfterAll
    static void stop() {
        box.close();
    }

    private static ExternalTools.Result aws(String region, String... args) {
        return ExternalTools.runAws(box.endpoint(), "test", "test", region, args);
    }

    private static ExternalTools.Result ok(ExternalTools.Result result) {
        assertEquals(0, result.exitCode(), result.toString());
        return result;
    }

    @Test
    void s3apiAnswersLocationErrorsAsAwsDoes() {
        ExternalTools.Result unspecified = aws("eu-west-1", "s3api", "create-bucket", "--bucket", "cli-no-constraint");
        assertNotEquals(0, unspecified.exitCode());
        assertTrue(unspecified.stderr().contains("IllegalLocationConstraintException"), unspecified.toString());
        assertTrue(unspecified.stderr().contains("The unspecified location constraint is incompatible for the region specific "
                + "endpoint this request was sent to."), unspecified.toString());
        ok(aws("eu-west-1", "s3api", "create-bucket", "--bucket", "cli-ireland",
                "--create-bucket-configuration", "LocationConstraint=eu-west-1"));
        assertTrue(ok(aws("eu-west-1", "s3api", "get-bucket-location", "--bucket", "cli-ireland")).stdout().contains("eu-west-1"));
        ExternalTools.Result missing = aws("us-east-1", "s3api", "get-object", "--bucket", "cli-ireland-nope", "--key", "k", "/dev/null");
        assertTrue(missing.stderr().contains("NoSuchBucket"), missing.toString());
    }

    @Test
    void aCliPresignedUrlForABucketOutsideUsEast1Works(@TempDir Path dir) throws Exception {
        // the CLI v1 signs these with SigV2, which names no region: S3 serves them from the bucket's own
        ok(aws("eu-west-1", "s3", "mb", "s3://presign-ireland", "--region", "eu-west-1"));
        Path file = Files.writeString(dir.resolve("note.txt"), "from ireland");
        ok(aws("eu-west-1", "s3", "cp", file.toString(), "s3://presign-ireland/note.txt"));
        String url = ok(aws("eu-west-1", "s3", "presign", "s3://presign-ireland/note.txt", "--expires-in", "300")).stdout().trim();
        HttpResponse<String> fetched = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, fetched.statusCode(), url + "\n" + fetched.body());
        assertEquals("from ireland", fetched.body());
        HttpResponse<String> tampered = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(url.replace("note.txt", "other.txt"))).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, tampered.statusCode());
        assertTrue(tampered.body().contains("SignatureDoesNotMatch") || tampered.body().contains("AuthorizationQueryParametersError"),
                tampered.body());
    }

    @Test
    void aCliPresignedUrlMadeWithTemporaryCredentialsWorks(@TempDir Path dir) throws Exception {
        // an assumed role's or GetSessionToken's keys: the CLI v1 signs x-amz-security-token into the URL
        ok(aws("us-east-1", "s3", "mb", "s3://presign-session"));
        Path file = Files.writeString(dir.resolve("note.txt"), "from a session");
        ok(aws("us-east-1", "s3", "cp", file.toString(), "s3://presign-session/note.txt"));
        var session = box.sts().getSessionToken().credentials();
        String url = ok(ExternalTools.runAwsWithSession(box.endpoint(), session.accessKeyId(), session.secretAccessKey(),
                session.sessionToken(), "us-east-1", "s3", "presign", "s3://presign-session/note.txt", "--expires-in", "300"))
                .stdout().trim();
        assertTrue(url.contains("x-amz-security-token="), url);
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> fetched = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, fetched.statusCode(), url + "\n" + fetched.body());
        assertEquals("from a session", fetched.body());
        // the token is part of what was signed, and it must belong to the key
        String withoutToken = url.replaceAll("&x-amz-security-token=[^&]*", "");
        HttpResponse<String> stripped = http.send(HttpRequest.newBuilder(URI.create(withoutToken)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(403, stripped.statusCode(), stripped.body());
        // signed without the token at all: S3 does not know a temporary key on its own
        long expires = java.time.Instant.now().getEpochSecond() + 300;
        String signature = io.awstutor.sandbox.auth.SigV2QueryAuthenticator.sign(session.secretAccessKey(),
                "GET\n\n\n" + expires + "\n/presign-session/note.txt");
        String tokenless = box.endpoint() + "/presign-session/note.txt?AWSAccessKeyId=" + session.accessKeyId() + "&Expires="
                + expires + "&Signature=" + java.net.URLEncoder.encode(signature, java.nio.charset.StandardCharsets.UTF_8);
        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create(tokenless)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(403, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("<Code>InvalidAccessKeyId</Code>"), refused.body());
    }

    @Test
    void highLevelCommandsRoundTrip(@TempDir Path dir) throws Exception {
        ok(aws("us-east-1", "s3", "mb", "s3://cli-bucket"));
        Path small = Files.writeString(dir.resolve("hello.txt"), "hello from the cli");
        byte[] big = new byte[20 * 1024 * 1024 + 7];
        new Random(5).nextBytes(big);
        Path large = Files.write(dir.resolve("large.bin"), big);
        ok(aws("us-east-1", "s3", "cp", small.toString(), "s3://cli-bucket/hello.txt"));
        ok(aws("us-east-1", "s3", "cp", large.toString(), "s3://cli-bucket/large.bin"));
        Path syncDir = Files.createDirectories(dir.resolve("site"));
        Files.writeString(syncDir.resolve("index.html"), "<h1>site</h1>");
        Files.createDirectories(syncDir.resolve("css"));
        Files.writeString(syncDir.resolve("css/a b.css"), "body{}");
        ok(aws("us-east-1", "s3", "sync", syncDir.toString(), "s3://cli-bucket/site/"));
        String listing = ok(aws("us-east-1", "s3", "ls", "s3://cli-bucket/", "--recursive")).stdout();
        assertTrue(listing.contains("hello.txt") && listing.contains("large.bin") && listing.contains("site/css/a b.css"), listing);
        String head = ok(aws("us-east-1", "s3api", "head-object", "--bucket", "cli-bucket", "--key", "large.bin")).stdout();
        assertTrue(head.contains("\"ContentLength\": " + big.length), head);
        assertTrue(head.matches("(?s).*\"ETag\": \"\\\\\"[0-9a-f]{32}-\\d+\\\\\"\".*"), head);
        Path back = dir.resolve("back.bin");
        ok(aws("us-east-1", "s3", "cp", "s3://cli-bucket/large.bin", back.toString()));
        assertTrue(java.util.Arrays.equals(big, Files.readAllBytes(back)));
        String url = ok(aws("us-east-1", "s3", "presign", "s3://cli-bucket/hello.txt", "--expires-in", "300")).stdout().trim();
        HttpResponse<String> fetched = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, fetched.statusCode(), fetched.body());
        assertEquals("hello from the cli", fetched.body());
        box.clock().advance(java.time.Duration.ofMinutes(6));
        try {
            HttpResponse<String> expired = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(403, expired.statusCode());
            assertTrue(expired.body().contains("Request has expired"), expired.body());
        } finally {
            box.clock().reset();
        }
        ok(aws("us-east-1", "s3", "website", "s3://cli-bucket", "--index-document", "index.html", "--error-document", "error.html"));
        assertTrue(ok(aws("us-east-1", "s3api", "get-bucket-website", "--bucket", "cli-bucket")).stdout().contains("index.html"));
        ExternalTools.Result notEmpty = aws("us-east-1", "s3", "rb", "s3://cli-bucket");
        assertNotEquals(0, notEmpty.exitCode());
        assertTrue(notEmpty.stderr().contains("BucketNotEmpty"), notEmpty.toString());
        ok(aws("us-east-1", "s3", "rm", "s3://cli-bucket", "--recursive"));
        ok(aws("us-east-1", "s3", "rb", "s3://cli-bucket"));
        assertTrue(!ok(aws("us-east-1", "s3", "ls")).stdout().contains("cli-bucket"));
    }

    @Test
    void boto3UploadsListsAndPresigns(@TempDir Path dir) throws Exception {
        byte[] big = new byte[12 * 1024 * 1024];
        new Random(11).nextBytes(big);
        Path file = Files.write(dir.resolve("upload.bin"), big);
        String script = String.join("\n",
                "import boto3, urllib.request, hashlib",
                "s3 = boto3.client('s3')",
                "s3.create_bucket(Bucket='boto-bucket')",
                "s3.upload_file(r'" + file + "', 'boto-bucket', 'folder/upload.bin')",
                "s3.put_object(Bucket='boto-bucket', Key='folder/small.txt', Body=b'small')",
                "listed = s3.list_objects(Bucket='boto-bucket', Prefix='folder/')",
                "print('keys', sorted(o['Key'] for o in listed['Contents']))",
                "url = s3.generate_presigned_url('get_object', Params={'Bucket': 'boto-bucket', 'Key': 'folder/upload.bin'}, ExpiresIn=60)",
                "body = urllib.request.urlopen(url).read()",
                "print('md5', hashlib.md5(body).hexdigest())",
                "put_url = s3.generate_presigned_url('put_object', Params={'Bucket': 'boto-bucket', 'Key': 'via-url.txt'}, ExpiresIn=60)",
                "urllib.request.urlopen(urllib.request.Request(put_url, data=b'put by url', method='PUT', headers={'Content-Type': ''})).read()",
                "print('via-url', s3.get_object(Bucket='boto-bucket', Key='via-url.txt')['Body'].read().decode())");
        ExternalTools.Result result = ExternalTools.runBoto3(box.endpoint(), "test", "test", "us-east-1", script);
        assertEquals(0, result.exitCode(), result.toString());
        assertTrue(result.stdout().contains("keys ['folder/small.txt', 'folder/upload.bin']"), result.toString());
        String md5 = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5").digest(big));
        assertTrue(result.stdout().contains("md5 " + md5), result.toString());
        assertTrue(result.stdout().contains("via-url put by url"), result.toString());
    }
}
