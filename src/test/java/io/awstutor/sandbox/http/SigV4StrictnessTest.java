package io.awstutor.sandbox.http;

import io.awstutor.sandbox.TestSandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 16 item 5: a signature counts only for what it covers, as on AWS. Requests are signed
 * here by hand (a few lines of SigV4) so that a test can leave out what the SDK would never
 * leave out: a header, the host, the right scope date.
 */
class SigV4StrictnessTest {
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static TestSandbox box;

    @BeforeAll
    static void start() {
        box = TestSandbox.start();
        box.s3().createBucket(b -> b.bucket("strict"));
    }

    @AfterAll
    static void stop() {
        box.close();
    }

    /** One request to sign: headers to send; which of them to sign; the scope's date. */
    private record Signed(String method, String path, String query, Map<String, String> headers, java.util.Set<String> signed,
                          String service, String scopeDate, byte[] body) {
    }

    private static HttpResponse<String> send(Signed r) throws Exception {
        String host = "127.0.0.1:" + box.port();
        TreeMap<String, String> canonicalHeaders = new TreeMap<>();
        canonicalHeaders.put("host", host);
        r.headers().forEach((k, v) -> canonicalHeaders.put(k.toLowerCase(java.util.Locale.ROOT), v.trim()));
        canonicalHeaders.keySet().retainAll(r.signed());
        String signedHeaders = String.join(";", canonicalHeaders.keySet());
        StringBuilder canonical = new StringBuilder(r.method()).append('\n').append(r.path()).append('\n').append(r.query()).append('\n');
        canonicalHeaders.forEach((k, v) -> canonical.append(k).append(':').append(v).append('\n'));
        String payloadHash = r.headers().getOrDefault("x-amz-content-sha256", hex(sha256(r.body())));
        canonical.append('\n').append(signedHeaders).append('\n').append(payloadHash);
        String amzDate = r.headers().get("x-amz-date");
        String scope = r.scopeDate() + "/us-east-1/" + r.service() + "/aws4_request";
        String toSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n" + hex(sha256(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        byte[] key = hmac(("AWS4test").getBytes(StandardCharsets.UTF_8), r.scopeDate());
        for (String part : new String[] {"us-east-1", r.service(), "aws4_request"}) {
            key = hmac(key, part);
        }
        String signature = hex(hmac(key, toSign));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + host + r.path() + (r.query().isEmpty() ? "" : "?" + r.query())))
                .method(r.method(), HttpRequest.BodyPublishers.ofByteArray(r.body()))
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=test/" + scope + ", SignedHeaders=" + signedHeaders + ", Signature=" + signature);
        r.headers().forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, String> s3Headers(Instant when, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("x-amz-date", AMZ_DATE.format(when));
        headers.put("x-amz-content-sha256", hex(sha256(body)));
        return headers;
    }

    private static String day(Instant when) {
        return AMZ_DATE.format(when).substring(0, 8);
    }

    @Test
    void anUnsignedAmzHeaderIsRefusedAndChangesNothing() throws Exception {
        Instant now = Instant.now();
        byte[] body = "secret".getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = s3Headers(now, body);
        headers.put("x-amz-acl", "public-read");
        HttpResponse<String> answer = send(new Signed("PUT", "/strict/private.txt", "", headers,
                java.util.Set.of("host", "x-amz-date", "x-amz-content-sha256"), "s3", day(now), body));
        assertEquals(403, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("<Code>AccessDenied</Code><Message>There were headers present in the request which were not signed</Message>"), answer.body());
        assertTrue(answer.body().contains("<HeadersNotSigned>x-amz-acl</HeadersNotSigned>"), answer.body());
        assertThrows(NoSuchKeyException.class, () -> box.s3().headObject(b -> b.bucket("strict").key("private.txt")));

        headers.remove("x-amz-acl");
        headers.put("x-amz-meta-note", "signed");
        HttpResponse<String> signed = send(new Signed("PUT", "/strict/private.txt", "", headers,
                java.util.Set.of("host", "x-amz-date", "x-amz-content-sha256", "x-amz-meta-note"), "s3", day(now), body));
        assertEquals(200, signed.statusCode(), signed.body());
    }

    /**
     * One request per protocol family (query, EC2, JSON, REST-XML beyond S3), sent once with an
     * x-amz-* header the signature leaves out and once with it signed: SigV4 requires every
     * x-amz-* header signed whatever the service, so only the second may be served.
     */
    @Test
    void everyServiceRefusesUnsignedAmzHeaders() throws Exception {
        record Family(String service, String method, String path, String contentType, String body, String target,
                      String expectedError) {
        }
        java.util.List<Family> families = java.util.List.of(
                new Family("iam", "POST", "/", "application/x-www-form-urlencoded; charset=utf-8",
                        "Action=CreateUser&UserName=smuggled&Version=2010-05-08", null,
                        "<Code>AccessDenied</Code><Message>There were headers present in the request which were not signed: x-amz-smuggled</Message>"),
                new Family("ec2", "POST", "/", "application/x-www-form-urlencoded; charset=utf-8",
                        "Action=DescribeRegions&Version=2016-11-15", null,
                        "<Code>AccessDenied</Code><Message>There were headers present in the request which were not signed: x-amz-smuggled</Message>"),
                new Family("pricing", "POST", "/", "application/x-amz-json-1.1", "{}", "AWSPriceListService.DescribeServices",
                        "There were headers present in the request which were not signed: x-amz-smuggled"),
                new Family("cloudfront", "GET", "/2020-05-31/distribution", null, "", null,
                        "<Code>AccessDenied</Code><Message>There were headers present in the request which were not signed: x-amz-smuggled</Message>"));
        for (Family f : families) {
            for (boolean signItAll : new boolean[] {false, true}) {
                Instant now = Instant.now();
                byte[] body = f.body().getBytes(StandardCharsets.UTF_8);
                Map<String, String> headers = new LinkedHashMap<>();
                headers.put("x-amz-date", AMZ_DATE.format(now));
                java.util.Set<String> signed = new java.util.HashSet<>(java.util.Set.of("host", "x-amz-date"));
                if (f.contentType() != null) {
                    headers.put("content-type", f.contentType());
                    signed.add("content-type");
                }
                if (f.target() != null) {
                    headers.put("x-amz-target", f.target());
                    signed.add("x-amz-target");
                }
                headers.put("x-amz-smuggled", "added after signing");
                if (signItAll) {
                    signed.add("x-amz-smuggled");
                }
                HttpResponse<String> answer = send(new Signed(f.method(), f.path(), "", headers, signed, f.service(), day(now), body));
                if (signItAll) {
                    assertEquals(200, answer.statusCode(), f.service() + ": " + answer.body());
                } else {
                    assertEquals(403, answer.statusCode(), f.service() + ": " + answer.body());
                    assertTrue(answer.body().contains(f.expectedError()), f.service() + ": " + answer.body());
                }
            }
        }
        // the refused CreateUser created nothing; the signed one did
        assertEquals(1, box.iam().listUsers().users().stream().filter(u -> u.userName().equals("smuggled")).count());
    }

    @Test
    void theHostMustBeSigned() throws Exception {
        Instant now = Instant.now();
        HttpResponse<String> s3 = send(new Signed("GET", "/strict", "", s3Headers(now, new byte[0]),
                java.util.Set.of("x-amz-date", "x-amz-content-sha256"), "s3", day(now), new byte[0]));
        assertEquals(403, s3.statusCode(), s3.body());
        assertTrue(s3.body().contains("<HeadersNotSigned>host</HeadersNotSigned>"), s3.body());

        byte[] form = "Action=ListUsers&Version=2010-05-08".getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("x-amz-date", AMZ_DATE.format(now));
        headers.put("content-type", "application/x-www-form-urlencoded; charset=utf-8");
        HttpResponse<String> iam = send(new Signed("POST", "/", "", headers, java.util.Set.of("x-amz-date", "content-type"),
                "iam", day(now), form));
        assertEquals(400, iam.statusCode(), iam.body());
        assertTrue(iam.body().contains("<Code>IncompleteSignature</Code>"), iam.body());
        assertTrue(iam.body().contains("&apos;Host&apos; or &apos;:authority&apos; must be a &apos;SignedHeader&apos; in the AWS Authorization."), iam.body());
    }

    @Test
    void theScopeDateMustBeTheRequestsDay() throws Exception {
        Instant now = Instant.now();
        String yesterday = day(now.minus(1, ChronoUnit.DAYS));
        HttpResponse<String> s3 = send(new Signed("GET", "/strict", "", s3Headers(now, new byte[0]),
                java.util.Set.of("host", "x-amz-date", "x-amz-content-sha256"), "s3", yesterday, new byte[0]));
        assertEquals(400, s3.statusCode(), s3.body());
        assertTrue(s3.body().contains("<Code>AuthorizationHeaderMalformed</Code><Message>The authorization header is malformed; "
                + "Invalid credential date. Date is not the same as X-Amz-Date.</Message>"), s3.body());

        byte[] form = "Action=ListUsers&Version=2010-05-08".getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("x-amz-date", AMZ_DATE.format(now));
        headers.put("content-type", "application/x-www-form-urlencoded; charset=utf-8");
        HttpResponse<String> iam = send(new Signed("POST", "/", "", headers, java.util.Set.of("host", "x-amz-date", "content-type"),
                "iam", yesterday, form));
        assertEquals(403, iam.statusCode(), iam.body());
        assertTrue(iam.body().contains("Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: &apos;"
                + yesterday + "&apos; != &apos;" + day(now) + "&apos;"), iam.body());
    }

    @Test
    void aLiteralPayloadHashIsCheckedForAwsChunkedBodiesToo() throws Exception {
        Instant now = Instant.now();
        byte[] framed = "5\r\nhello\r\n0\r\n\r\n".getBytes(StandardCharsets.UTF_8);
        for (boolean honest : new boolean[] {false, true}) {
            Map<String, String> headers = s3Headers(now, honest ? framed : "something else".getBytes(StandardCharsets.UTF_8));
            headers.put("content-encoding", "aws-chunked");
            headers.put("x-amz-decoded-content-length", "5");
            HttpResponse<String> answer = send(new Signed("PUT", "/strict/chunked.txt", "", headers,
                    java.util.Set.of("host", "x-amz-date", "x-amz-content-sha256", "content-encoding", "x-amz-decoded-content-length"),
                    "s3", day(now), framed));
            if (honest) {
                assertEquals(200, answer.statusCode(), answer.body());
                assertEquals("hello", box.s3().getObjectAsBytes(b -> b.bucket("strict").key("chunked.txt")).asUtf8String());
            } else {
                assertEquals(400, answer.statusCode(), answer.body());
                assertTrue(answer.body().contains("<Code>XAmzContentSHA256Mismatch</Code>"), answer.body());
                assertThrows(NoSuchKeyException.class, () -> box.s3().headObject(b -> b.bucket("strict").key("chunked.txt")));
            }
        }
    }

    /** Issue 16 item 9: CloudFront's API unsigned is MissingAuthenticationToken, not an S3 bucket called 2020-05-31. */
    @Test
    void anUnsignedCloudFrontCallIsMissingAuthenticationToken() throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + box.port()
                + "/2020-05-31/distribution")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("<Code>MissingAuthenticationToken</Code>"), answer.body());
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, String data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
