package io.awstutor.sandbox.auth;

import io.awstutor.sandbox.auth.AuthFailure.Problem;
import io.awstutor.sandbox.http.SandboxRequest;
import io.awstutor.sandbox.regions.Regions;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Verifies a SigV4 signature against the keys the sandbox knows, in AWS's order: the key
 * must exist and be active, a temporary key must come with its own session token and be
 * unexpired, the signature must match, and the request time must lie within 15 minutes of
 * the sandbox clock (a presigned URL instead within its X-Amz-Expires). IAM refuses
 * GetSessionToken's credentials (they carry no MFA here).
 */
public final class Authenticator {
    public static final Duration MAX_SKEW = Duration.ofMinutes(15);
    /** Services whose state ignores the region, so nothing else would notice a region that does not exist. */
    private static final java.util.Set<String> REGION_BLIND_SERVICES = java.util.Set.of("iam", "sts");
    private static final String GLOBAL_PSEUDO_REGION = "aws-global";

    private final CredentialStore credentials;
    private final Clock clock;

    public Authenticator(CredentialStore credentials, Clock clock) {
        this.credentials = credentials;
        this.clock = clock;
    }

    /** S3's legacy query authentication, against the same keys. */
    public SigV2QueryAuthenticator sigV2() {
        return new SigV2QueryAuthenticator(credentials, clock);
    }

    /** Who signed, and the signing key (chunked bodies chain their signatures from it). */
    public record Authentication(Credential credential, byte[] signingKey) {
        public Caller caller() {
            return credential.caller();
        }

        @Override
        public String toString() {
            return "Authentication[" + credential.caller().arn() + "]";
        }
    }

    /**
     * @param payloadHashes the payload hashes to try, first the one the request must have
     *                      signed; more than one only where a client may legitimately have
     *                      chosen either (a presigned query-service URL)
     */
    public Authentication authenticate(SandboxRequest request, SignatureParts parts, List<String> payloadHashes) {
        Instant now = clock.instant();
        checkCoverage(request, parts);
        if (REGION_BLIND_SERVICES.contains(parts.service()) && !Regions.exists(parts.region())
                && !GLOBAL_PSEUDO_REGION.equals(parts.region())) {
            // Any real region is accepted: given an endpoint URL, clients sign IAM with their own region,
            // and the SDK for Java with the pseudo-region of its global endpoints.
            throw new AuthFailure(Problem.INVALID_REGION, "no such region", Map.of("Region", parts.region()));
        }
        Credential credential = credentials.lookup(parts.accessKeyId())
                .filter(c -> !credentials.loopbackOnly(parts.accessKeyId()) || fromThisMachine(request))
                .orElseThrow(() -> new AuthFailure(Problem.UNKNOWN_KEY, "unknown access key",
                        Map.of("AWSAccessKeyId", parts.accessKeyId())));
        if (!credential.active()) {
            throw new AuthFailure(Problem.INACTIVE_KEY, "inactive access key", Map.of("AWSAccessKeyId", parts.accessKeyId()));
        }
        checkToken(credential, parts);
        if (credential.expiredAt(now)) {
            throw new AuthFailure(Problem.EXPIRED_TOKEN, "expired session");
        }
        byte[] key = signingKey(credential, parts);
        CanonicalRequest first = null;
        boolean matched = false;
        for (String hash : payloadHashes) {
            CanonicalRequest canonical = CanonicalRequest.of(request, parts, hash);
            if (first == null) {
                first = canonical;
            }
            if (SigV4.sameSignature(SigV4.signature(key, canonical.stringToSign()), parts.signature())) {
                matched = true;
                break;
            }
        }
        if (!matched) {
            Map<String, String> details = new LinkedHashMap<>();
            details.put("AWSAccessKeyId", parts.accessKeyId());
            details.put("StringToSign", first.stringToSign());
            details.put("SignatureProvided", parts.signature());
            details.put("CanonicalRequest", first.text());
            throw new AuthFailure(Problem.BAD_SIGNATURE, "signature mismatch", details);
        }
        checkTime(parts, now);
        if ("iam".equals(parts.service()) && fromGetSessionToken(credential)) {
            // AWS: GetSessionToken's credentials cannot call IAM unless the session was MFA-authenticated,
            // and the sandbox has no MFA; IAM answers as for an invalid token.
            throw new AuthFailure(Problem.BAD_TOKEN, "GetSessionToken credentials without MFA may not call IAM",
                    Map.of("AWSAccessKeyId", parts.accessKeyId()));
        }
        return new Authentication(credential, key);
    }

    /** Tolerated unsigned, as S3 does (its value is checked against the body anyway). */
    private static final String CONTENT_SHA256 = "x-amz-content-sha256";

    /**
     * What a valid signature must cover before it can mean anything, as AWS checks it: the
     * Host (or the signature could be replayed against another endpoint), the day of
     * X-Amz-Date in the credential scope, and every x-amz-* header sent, whatever the service:
     * SigV4 requires them signed (an unsigned {@code x-amz-acl: public-read} added to a signed
     * PUT must not make the object public, nor an unsigned {@code x-amz-security-token} or
     * {@code x-amz-target} change who calls or what is called).
     */
    private static void checkCoverage(SandboxRequest request, SignatureParts parts) {
        if (!parts.signedHeaders().contains("host")) {
            throw new AuthFailure(Problem.HOST_NOT_SIGNED, "host is not signed", Map.of("HeadersNotSigned", "host"));
        }
        String requestDate = parts.amzDate().length() >= 8 ? parts.amzDate().substring(0, 8) : parts.amzDate();
        if (!parts.scopeDate().equals(requestDate)) {
            Map<String, String> details = new LinkedHashMap<>();
            details.put("CredentialDate", parts.scopeDate());
            details.put("RequestDate", requestDate);
            details.put("AmzDate", parts.amzDate());
            if (parts.presigned()) {
                details.put("Presigned", "true");
            }
            throw new AuthFailure(Problem.SCOPE_DATE, "credential date is not the request's date", details);
        }
        List<String> unsigned = request.headers().keySet().stream()
                .filter(name -> name.startsWith("x-amz-") && !name.equals(CONTENT_SHA256))
                .filter(name -> !parts.signedHeaders().contains(name))
                .sorted().toList();
        if (!unsigned.isEmpty()) {
            throw new AuthFailure(Problem.HEADERS_NOT_SIGNED, "unsigned x-amz-* headers",
                    Map.of("HeadersNotSigned", String.join(", ", unsigned)));
        }
    }

    private static boolean fromThisMachine(SandboxRequest request) {
        java.net.InetAddress remote = request.remoteAddress();
        return remote == null || remote.isLoopbackAddress();
    }

    /** A user's or root's temporary credentials (a role session's are the other kind). */
    public static boolean fromGetSessionToken(Credential credential) {
        return credential.sessionToken().isPresent() && !(credential.caller() instanceof Caller.AssumedRole);
    }

    /** A derived key per key id and scope, reused while the secret behind the id stays the same. */
    private record CachedKey(String secret, byte[] key) {
        @Override
        public String toString() {
            return "CachedKey[…]";
        }
    }

    private static final int MAX_CACHED_KEYS = 4096;
    private final java.util.concurrent.ConcurrentHashMap<String, CachedKey> signingKeys = new java.util.concurrent.ConcurrentHashMap<>();

    private byte[] signingKey(Credential credential, SignatureParts parts) {
        String id = credential.accessKeyId() + "/" + parts.scope();
        CachedKey cached = signingKeys.get(id);
        if (cached != null && cached.secret().equals(credential.secretAccessKey())) {
            return cached.key();
        }
        byte[] key = SigV4.signingKey(credential.secretAccessKey(), parts.scopeDate(), parts.region(), parts.service());
        if (signingKeys.size() >= MAX_CACHED_KEYS) {
            signingKeys.clear();
        }
        signingKeys.put(id, new CachedKey(credential.secretAccessKey(), key));
        return key;
    }

    private static void checkToken(Credential credential, SignatureParts parts) {
        checkToken(credential, parts.securityToken(), parts.accessKeyId());
    }

    /** A temporary key must come with its own session token, and only a temporary key with one (SigV4 and SigV2 alike). */
    static void checkToken(Credential credential, Optional<String> sentToken, String accessKeyId) {
        Optional<String> expected = credential.sessionToken();
        Optional<String> sent = sentToken.filter(t -> !t.isEmpty());
        if (expected.isPresent() && sent.isEmpty()) {
            throw new AuthFailure(Problem.MISSING_TOKEN, "temporary key without its session token",
                    Map.of("AWSAccessKeyId", accessKeyId));
        }
        if (sent.isPresent() && (expected.isEmpty() || !MessageDigest.isEqual(
                expected.get().getBytes(StandardCharsets.UTF_8), sent.get().getBytes(StandardCharsets.UTF_8)))) {
            throw new AuthFailure(Problem.BAD_TOKEN, "session token does not belong to the key");
        }
    }

    private static void checkTime(SignatureParts parts, Instant now) {
        Instant requestTime = SignatureParser.requestTime(parts.amzDate());
        if (parts.presigned() && parts.expiresSeconds().isPresent()) {
            Instant expires = requestTime.plusSeconds(parts.expiresSeconds().get());
            if (now.isAfter(expires)) {
                Map<String, String> details = new LinkedHashMap<>();
                details.put("X-Amz-Expires", String.valueOf(parts.expiresSeconds().get()));
                details.put("Expires", iso(expires));
                details.put("ServerTime", iso(now));
                details.put("RequestTime", parts.amzDate());
                details.put("ServerAmzTime", amzTime(now));
                throw new AuthFailure(Problem.PRESIGN_EXPIRED, "Request has expired", details);
            }
            if (requestTime.isAfter(now.plus(MAX_SKEW))) {
                throw skewed(parts, now, requestTime);
            }
            return;
        }
        if (requestTime.isBefore(now.minus(MAX_SKEW)) || requestTime.isAfter(now.plus(MAX_SKEW))) {
            throw skewed(parts, now, requestTime);
        }
    }

    /** Only for a refusal's message: formatting it for every request cost more than the rest of the time check. */
    private static String amzTime(Instant instant) {
        return SignatureParser.AMZ_DATE.format(instant.atZone(ZoneOffset.UTC));
    }

    private static AuthFailure skewed(SignatureParts parts, Instant now, Instant requestTime) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("RequestTime", parts.amzDate());
        details.put("ServerTime", amzTime(now));
        details.put("Future", String.valueOf(requestTime.isAfter(now)));
        details.put("Bound", SignatureParser.AMZ_DATE.format((requestTime.isAfter(now)
                ? now.plus(MAX_SKEW) : now.minus(MAX_SKEW)).atZone(ZoneOffset.UTC)));
        details.put("ServerIso", iso(now));
        details.put("RequestIso", iso(requestTime));
        return new AuthFailure(Problem.SKEWED, "request time too skewed", details);
    }

    private static String iso(Instant instant) {
        return java.time.format.DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }
}
