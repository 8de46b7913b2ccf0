package io.awstutor.sandbox.auth;

import io.awstutor.sandbox.http.SandboxRequest;
import io.awstutor.sandbox.protocol.AwsException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * S3's legacy query-string authentication (signature version 2:
 * {@code ?AWSAccessKeyId=…&Expires=…&Signature=…}), which the AWS CLI v1's {@code s3 presign}
 * and boto3's {@code generate_presigned_url} still produce where S3 accepts it. A SigV2
 * signature names no region, so the call it authenticates has none either, and S3 serves it
 * from whichever region the bucket is in.
 */
public final class SigV2QueryAuthenticator {
    private final CredentialStore credentials;
    private final Clock clock;

    public SigV2QueryAuthenticator(CredentialStore credentials, Clock clock) {
        this.credentials = credentials;
        this.clock = clock;
    }

    /** Whether the request carries SigV2 query authentication (and no SigV4 signature). */
    public static boolean applies(SandboxRequest r) {
        return r.hasQuery("AWSAccessKeyId") && r.hasQuery("Signature") && r.hasQuery("Expires");
    }

    /**
     * Who signed, or S3's error for a bad or expired signature.
     *
     * @param resource the canonical resource S3 works out for this request ("/bucket/key?acl")
     */
    public Caller authenticate(SandboxRequest r, String resource) {
        String keyId = r.query("AWSAccessKeyId").orElse("");
        String expires = r.query("Expires").orElse("");
        long expiry;
        try {
            expiry = Long.parseLong(expires);
        } catch (NumberFormatException e) {
            throw AwsException.forbidden("AccessDenied", "Query-string authentication requires the Signature, Expires and "
                    + "AWSAccessKeyId parameters");
        }
        Optional<Credential> credential = credentials.lookup(keyId).filter(Credential::active);
        if (credential.isEmpty()) {
            throw AwsException.forbidden("InvalidAccessKeyId", "The AWS Access Key Id you provided does not exist in our records.")
                    .with("AWSAccessKeyId", keyId);
        }
        String stringToSign = stringToSign(r, resource, expires);
        String expected = sign(credential.get().secretAccessKey(), stringToSign);
        String provided = r.query("Signature").orElse("");
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), provided.getBytes(StandardCharsets.UTF_8))) {
            throw AwsException.forbidden("SignatureDoesNotMatch", "The request signature we calculated does not match the "
                    + "signature you provided. Check your key and signing method.")
                    .with("AWSAccessKeyId", keyId).with("StringToSign", stringToSign).with("SignatureProvided", provided);
        }
        Instant now = clock.instant();
        checkToken(credential.get(), r, keyId, now);
        if (now.getEpochSecond() > expiry) {
            throw AwsException.forbidden("AccessDenied", "Request has expired")
                    .with("Expires", Instant.ofEpochSecond(expiry).toString()).with("ServerTime", now.toString());
        }
        return credential.get().caller();
    }

    /**
     * A temporary key (an assumed role's, GetSessionToken's) signs with its session token,
     * which the URL carries as x-amz-security-token; S3 words a missing, foreign or expired
     * token as it does for SigV4.
     */
    private static void checkToken(Credential credential, SandboxRequest r, String keyId, Instant now) {
        Optional<String> sent = r.queryParams().entrySet().stream()
                .filter(p -> p.getKey().equalsIgnoreCase("x-amz-security-token") && !p.getValue().isEmpty())
                .map(p -> p.getValue().get(0)).findFirst()
                .or(() -> r.header("x-amz-security-token"));
        try {
            Authenticator.checkToken(credential, sent, keyId);
            if (credential.expiredAt(now)) {
                throw new AuthFailure(AuthFailure.Problem.EXPIRED_TOKEN, "expired session");
            }
        } catch (AuthFailure failure) {
            throw AuthErrors.toAwsException("s3", failure);
        }
    }

    /**
     * The string S3 signs for a query-string request: the x-amz- headers include the URL's
     * x-amz- parameters (the CLI v1 and boto3 move x-amz-security-token there), a header
     * of the same name taking precedence.
     */
    public static String stringToSign(SandboxRequest r, String resource, String expires) {
        StringBuilder s = new StringBuilder();
        s.append(r.method()).append('\n')
                .append(r.header("content-md5").orElse("")).append('\n')
                .append(r.header("content-type").orElse("")).append('\n')
                .append(expires).append('\n');
        Map<String, String> amz = new TreeMap<>();
        r.queryParams().forEach((name, values) -> {
            String n = name.toLowerCase(Locale.ROOT);
            if (n.startsWith("x-amz-")) {
                amz.put(n, String.join(",", values).trim());
            }
        });
        r.headers().forEach((name, values) -> {
            String n = name.toLowerCase(Locale.ROOT);
            if (n.startsWith("x-amz-")) {
                amz.put(n, String.join(",", values).trim());
            }
        });
        amz.forEach((n, v) -> s.append(n).append(':').append(v).append('\n'));
        return s.append(resource).toString();
    }

    public static String sign(String secret, String stringToSign) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
