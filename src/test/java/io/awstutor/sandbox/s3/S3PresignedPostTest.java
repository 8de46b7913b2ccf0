package io.awstutor.sandbox.s3;

import io.awstutor.sandbox.TestSandbox;
import io.awstutor.testing.ExternalTools;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Browser-based uploads (PostObject) made with boto3's generate_presigned_post and sent as a
 * browser would, a multipart/form-data POST with the file last: SigV2 and SigV4 policies,
 * their conditions, and S3's answers when a form breaks them.
 */
class S3PresignedPostTest {
    private static TestSandbox box;

    @BeforeAll
    static void start() {
        box = TestSandbox.start();
        box.s3().createBucket(b -> b.bucket("post-uploads"));
    }

    @AfterAll
    static void stop() {
        box.close();
    }

    /** Runs a boto3 script that has {@code s3}, a SigV4 client {@code v4}, and {@code send(post, fields, name, data)}. */
    private static String boto3(String... lines) {
        String script = String.join("\n",
                "import boto3, urllib3",
                "from botocore.config import Config",
                "s3 = boto3.client('s3')",
                "v4 = boto3.client('s3', config=Config(signature_version='s3v4'))",
                "http = urllib3.PoolManager()",
                "def send(post, fields, name, data):",
                "    form = dict(fields)",
                "    form['file'] = (name, data)",
                "    r = http.request('POST', post['url'], fields=form, redirect=False)",
                "    code = r.data.decode().split('<Code>')[1].split('</Code>')[0] if b'<Code>' in r.data else ''",
                "    print(r.status, code, r.headers.get('Location', ''))",
                "    return r",
                String.join("\n", lines));
        ExternalTools.Result result = ExternalTools.runBoto3(box.endpoint(), "test", "test", "us-east-1", script);
        assertEquals(0, result.exitCode(), result.toString());
        return result.stdout();
    }

    @Test
    void aSigV2PolicyUploadsTheFileUnderItsFilename() {
        String out = boto3(
                "post = s3.generate_presigned_post('post-uploads', 'photos/${filename}', Fields={'acl': 'private'},",
                "    Conditions=[{'acl': 'private'}, ['content-length-range', 1, 100]], ExpiresIn=60)",
                "assert 'signature' in post['fields'], post['fields']",
                "send(post, post['fields'], 'hello wörld.txt', b'posted body')");
        assertEquals("204  http://" + box.endpoint().getAuthority() + "/post-uploads/photos/hello%20w%C3%B6rld.txt", out.trim());
        assertEquals("posted body", box.s3().getObjectAsBytes(b -> b.bucket("post-uploads").key("photos/hello wörld.txt"))
                .asUtf8String());
    }

    @Test
    void aSigV4PolicyAnswersAsAskedAndSetsTheContentType() {
        String out = boto3(
                "post = v4.generate_presigned_post('post-uploads', 'v4.txt', Fields={'success_action_status': '201',",
                "    'Content-Type': 'text/plain', 'x-amz-meta-origin': 'form'}, Conditions=[{'success_action_status': '201'},",
                "    {'Content-Type': 'text/plain'}, {'x-amz-meta-origin': 'form'}])",
                "assert 'x-amz-signature' in post['fields'], post['fields']",
                "r = send(post, post['fields'], 'ignored-name', b'v4 body')",
                "print(r.data.decode())");
        assertTrue(out.startsWith("201  http://"), out);
        assertTrue(out.contains("<PostResponse><Location>") && out.contains("<Bucket>post-uploads</Bucket><Key>v4.txt</Key>"), out);
        HeadObjectResponse head = box.s3().headObject(b -> b.bucket("post-uploads").key("v4.txt"));
        assertEquals("text/plain", head.contentType());
        assertEquals("form", head.metadata().get("origin"));
        assertEquals(7L, head.contentLength());
    }

    @Test
    void formsThatBreakThePolicyAreRefusedAndStoreNothing() {
        String out = boto3(
                "post = s3.generate_presigned_post('post-uploads', 'refused.txt', Fields={'acl': 'private'},",
                "    Conditions=[{'acl': 'private'}, ['content-length-range', 1, 10]], ExpiresIn=60)",
                "send(post, post['fields'], 'f', b'x' * 11)",
                "send(post, dict(post['fields'], acl='public-read'), 'f', b'x')",
                "send(post, dict(post['fields'], **{'Content-Type': 'text/html'}), 'f', b'x')",
                "send(post, dict(post['fields'], signature='AAAA'), 'f', b'x')",
                "send(post, {k: v for k, v in post['fields'].items() if k != 'key'}, 'f', b'x')",
                "send(post, {'key': 'refused.txt'}, 'f', b'x')",
                "print(http.request('POST', post['url'], body=b'key=a', headers={'Content-Type': 'text/plain'}).status)");
        assertEquals(String.join("\n",
                "400 EntityTooLarge ",
                "403 AccessDenied ",
                "403 AccessDenied ",
                "403 SignatureDoesNotMatch ",
                "400 InvalidArgument ",
                "403 AccessDenied ",
                "412"), out.trim());
        assertThrows(NoSuchKeyException.class, () -> box.s3().headObject(b -> b.bucket("post-uploads").key("refused.txt")));
    }

    @Test
    void aSuccessRedirectCarriesTheBucketKeyAndEtag() {
        String out = boto3(
                "post = s3.generate_presigned_post('post-uploads', 'redirected.txt',",
                "    Fields={'success_action_redirect': 'http://example.com/done'},",
                "    Conditions=[{'success_action_redirect': 'http://example.com/done'}])",
                "send(post, post['fields'], 'f', b'abc')");
        assertEquals("303  http://example.com/done?bucket=post-uploads&key=redirected.txt&etag=%22900150983cd24fb0d6963f7d28e17f72%22",
                out.trim());
    }
}
