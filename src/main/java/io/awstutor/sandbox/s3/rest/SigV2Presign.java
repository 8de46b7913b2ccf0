package io.awstutor.sandbox.s3.rest;

import io.awstutor.sandbox.auth.Caller;
import io.awstutor.sandbox.auth.Credential;
import io.awstutor.sandbox.auth.CredentialStore;
import io.awstutor.sandbox.http.SandboxRequest;
import io.awstutor.sandbox.http.ServiceCall;
import io.awstutor.sandbox.protocol.AwsException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * S3's legacy query-string authentication (signature version 2:
 * {@code ?AWSAccessKeyId=…&Expires=…&Signature=…}). The AWS CLI's {@code s3 presign} and
 * boto3's {@code generate_presigned_url} still produce these URLs for us-east-1, and S3
 * still accepts them there, so the sandbox verifies them here: the HTTP layer only knows SigV4
 * and passes such a request on as anonymous.
 */
final class SigV2Presign {
    /** Sub-resources that are part of the string to sign, as S3 lists them. */
    private static final List<String> SUBRESOURCES = List.of("acl", "cors", "delete", "lifecycle", "location", "logging",
            "notification", "partNumber", "policy", "requestPayment", "response-cache-control", "response-content-disposition",
            "response-content-encoding", "response-content-language", "response-content-type", "response-expires",
            "restore", "tagging", "torrent", "uploadId", "uploads", "versionId", "versioning", "versions", "website");

    private final CredentialStore credentials;

    SigV2Presign(CredentialStore credentials) {
        this.credentials = credentials;
    }

    static boolean applies(ServiceCall call) {
        SandboxRequest r = call.request();
        return call.caller() instanceof Caller.Anonymous && r.hasQuery("AWSAccessKeyId") && r.hasQuery("Signature")
                && r.hasQuery("Expires");
    }

    /** The call as its signer, or S3's error for a bad or expired signature. */
    ServiceCall authenticate(ServiceCall call, S3Address address, Instant now) {
        SandboxRequest r = call.request();
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
        String stringToSign = stringToSign(r, address, expires);
        String expected = sign(credential.get().secretAccessKey(), stringToSign);
        String provided = r.query("Signature").orElse("");
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), provided.getBytes(StandardCharsets.UTF_8))) {
            throw AwsException.forbidden("SignatureDoesNotMatch", "The request signature we calculated does not match the "
                    + "signature you provided. Check your key and signing method.")
                    .with("AWSAccessKeyId", keyId).with("StringToSign", stringToSign).with("SignatureProvided", provided);
        }
        if (now.getEpochSecond() > expiry) {
            throw AwsException.forbidden("AccessDenied", "Request has expired")
                    .with("Expires", Instant.ofEpochSecond(expiry).toString()).with("ServerTime", now.toString());
        }
        return new ServiceCall(r, credential.get().caller(), call.region(), call.requestId(), call.authorizer(),
                call.baseContext());
    }

    static String stringToSign(SandboxRequest r, S3Address address, String expires) {
        StringBuilder s = new StringBuilder();
        s.append(r.method()).append('\n')
                .append(r.header("content-md5").orElse("")).append('\n')
                .append(r.header("content-type").orElse("")).append('\n')
                .append(expires).append('\n');
        Map<String, String> amz = new TreeMap<>();
        r.headers().forEach((name, values) -> {
            String n = name.toLowerCase(Locale.ROOT);
            if (n.startsWith("x-amz-")) {
                amz.put(n, String.join(",", values).trim());
            }
        });
        amz.forEach((n, v) -> s.append(n).append(':').append(v).append('\n'));
        s.append(resource(r, address));
        return s.toString();
    }

    private static String resource(SandboxRequest r, S3Address address) {
        String path = r.rawPath() == null || r.rawPath().isEmpty() ? "/" : r.rawPath();
        String host = r.hostName().toLowerCase(Locale.ROOT);
        boolean virtual = address.hasBucket() && !path.startsWith("/" + address.bucket() + "/")
                && !path.equals("/" + address.bucket()) && host.startsWith(address.bucket() + ".");
        StringBuilder resource = new StringBuilder(virtual ? "/" + address.bucket() + path : path);
        Map<String, String> subs = new TreeMap<>();
        for (String sub : SUBRESOURCES) {
            if (r.hasQuery(sub)) {
                subs.put(sub, r.query(sub).orElse(""));
            }
        }
        char sep = '?';
        for (Map.Entry<String, String> e : subs.entrySet()) {
            resource.append(sep).append(e.getKey());
            if (!e.getValue().isEmpty()) {
                resource.append('=').append(e.getValue());
            }
            sep = '&';
        }
        return resource.toString();
    }

    static String sign(String secret, String stringToSign) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
