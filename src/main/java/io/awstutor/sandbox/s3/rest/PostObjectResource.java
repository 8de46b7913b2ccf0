package io.awstutor.sandbox.s3.rest;

import io.awstutor.sandbox.auth.Caller;
import io.awstutor.sandbox.auth.Credential;
import io.awstutor.sandbox.auth.CredentialStore;
import io.awstutor.sandbox.auth.SigV4;
import io.awstutor.sandbox.http.SandboxRequest;
import io.awstutor.sandbox.http.SandboxResponse;
import io.awstutor.sandbox.http.ServiceCall;
import io.awstutor.sandbox.protocol.AwsException;
import io.awstutor.sandbox.protocol.XmlWriter;
import io.awstutor.sandbox.s3.Bucket;
import io.awstutor.sandbox.s3.S3Errors;
import io.awstutor.sandbox.s3.S3Object;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * PostObject: the browser-based upload boto3's {@code generate_presigned_post} and HTML forms
 * make. The form's fields carry what a PutObject carries in headers, plus a policy signed
 * with SigV4 ({@code x-amz-signature}) or SigV2 ({@code signature}); without a policy the
 * upload is anonymous. The file streams to storage; the fields before it are small.
 */
final class PostObjectResource {
    /** Form fields that say how to upload, not what the object is. */
    private static final Set<String> NOT_OBJECT_HEADERS = Set.of("key", "policy", "signature", "awsaccesskeyid",
            "x-amz-signature", "x-amz-algorithm", "x-amz-credential", "x-amz-date", "x-amz-security-token",
            "success_action_status", "success_action_redirect", "redirect", "acl", "tagging");

    private final S3Context s3;
    private final ObjectResource objects;
    private final CredentialStore credentials;

    PostObjectResource(S3Context s3, ObjectResource objects, CredentialStore credentials) {
        this.s3 = s3;
        this.objects = objects;
        this.credentials = credentials;
    }

    SandboxResponse post(ServiceCall call, Bucket bucket) throws IOException {
        SandboxRequest request = call.request();
        String boundary = FormDataReader.boundary(request.header("content-type").orElse(null));
        if (boundary == null) {
            throw new AwsException("PreconditionFailed", "At least one of the pre-conditions you specified did not hold", 412)
                    .with("Condition", "Bucket POST must be of the enclosure-type multipart/form-data");
        }
        FormDataReader form = new FormDataReader(request.body(), boundary);
        Map<String, String> fields = new LinkedHashMap<>();
        FormDataReader.PartHeaders file = null;
        for (FormDataReader.PartHeaders part = form.next(); part != null; part = form.next()) {
            if (part.name().equalsIgnoreCase("file")) {
                file = part;
                break;
            }
            fields.put(part.name().toLowerCase(Locale.ROOT), form.fieldValue());
        }
        if (!fields.containsKey("key")) {
            throw S3Errors.invalidArgument("Bucket POST must contain a field named 'key'.  If it is specified, please "
                    + "check the order of the fields.", "key", null);
        }
        if (file == null) {
            throw S3Errors.invalidArgument("POST requires exactly one file upload per request.", "file", "0");
        }
        Instant now = s3.backend.now();
        Caller caller = authenticate(fields, now);
        PostPolicy policy = fields.containsKey("policy") ? PostPolicy.parse(fields.get("policy")) : null;
        if (policy != null) {
            policy.check(fields, bucket.name(), now);
        }
        if (fields.containsKey("tagging")) {
            throw S3Errors.notImplemented("tagging");
        }
        String key = fields.get("key").replace("${filename}", file.filename() == null ? "" : file.filename());
        if (key.isEmpty()) {
            throw S3Errors.invalidArgument("User key must have a length greater than 0.", "key", null);
        }
        InputStream body = policy == null ? form.content() : new LengthRange(form.content(), policy.minLength(), policy.maxLength());
        SandboxRequest asPut = new SandboxRequest("PUT", request.rawPath(), "", headers(fields), Map.of(), body,
                request.remoteAddress(), Map.of());
        S3Object object = objects.store(new ServiceCall(asPut, caller, call.region(), call.requestId(), call.authorizer(),
                call.baseContext()), bucket, key);
        return answer(request, fields, bucket, object);
    }

    /** The object's headers as the form's fields give them ({@code acl} is the canned ACL). */
    private static Map<String, List<String>> headers(Map<String, String> fields) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        fields.forEach((name, value) -> {
            if (!NOT_OBJECT_HEADERS.contains(name) && !name.startsWith("x-ignore-")) {
                headers.put(name, List.of(value));
            }
        });
        if (fields.containsKey("acl")) {
            headers.put("x-amz-acl", List.of(fields.get("acl")));
        }
        return headers;
    }

    private Caller authenticate(Map<String, String> fields, Instant now) {
        String policy = fields.get("policy");
        if (policy == null) {
            return new Caller.Anonymous();
        }
        boolean v4 = fields.containsKey("x-amz-algorithm") || fields.containsKey("x-amz-signature");
        String keyId;
        String expected;
        String provided;
        Credential credential;
        if (v4) {
            if (!"AWS4-HMAC-SHA256".equals(fields.get("x-amz-algorithm"))) {
                throw S3Errors.invalidArgument("Only AWS4-HMAC-SHA256 is supported", "x-amz-algorithm",
                        fields.get("x-amz-algorithm"));
            }
            String[] scope = fields.getOrDefault("x-amz-credential", "").split("/");
            if (scope.length != 5 || !scope[4].equals("aws4_request")) {
                throw S3Errors.invalidArgument("Invalid credential in the x-amz-credential field", "x-amz-credential",
                        fields.get("x-amz-credential"));
            }
            keyId = scope[0];
            credential = credential(keyId, now);
            expected = SigV4.signature(SigV4.signingKey(credential.secretAccessKey(), scope[1], scope[2], scope[3]), policy);
            provided = required(fields, "x-amz-signature");
        } else {
            keyId = required(fields, "awsaccesskeyid");
            credential = credential(keyId, now);
            expected = io.awstutor.sandbox.auth.SigV2QueryAuthenticator.sign(credential.secretAccessKey(), policy);
            provided = required(fields, "signature");
        }
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), provided.getBytes(StandardCharsets.UTF_8))) {
            throw AwsException.forbidden("SignatureDoesNotMatch", "The request signature we calculated does not match the "
                    + "signature you provided. Check your key and signing method.")
                    .with("AWSAccessKeyId", keyId).with("StringToSign", policy).with("SignatureProvided", provided);
        }
        Optional<String> token = Optional.ofNullable(fields.get("x-amz-security-token"));
        if (!token.equals(credential.sessionToken())) {
            throw AwsException.badRequest("InvalidToken", "The provided token is malformed or otherwise invalid.");
        }
        return credential.caller();
    }

    private Credential credential(String keyId, Instant now) {
        Credential credential = credentials.lookup(keyId).filter(Credential::active).orElseThrow(() -> AwsException.forbidden(
                "InvalidAccessKeyId", "The AWS Access Key Id you provided does not exist in our records.")
                .with("AWSAccessKeyId", keyId));
        if (credential.expiredAt(now)) {
            throw AwsException.badRequest("ExpiredToken", "The provided token has expired.");
        }
        return credential;
    }

    private static String required(Map<String, String> fields, String name) {
        String value = fields.get(name);
        if (value == null) {
            String shown = name.equals("awsaccesskeyid") ? "AWSAccessKeyId" : name.equals("signature") ? "Signature" : name;
            throw S3Errors.invalidArgument("Bucket POST must contain a field named '" + shown + "'.  If it is specified, "
                    + "please check the order of the fields.", shown, null);
        }
        return value;
    }

    /** 204 by default; 200 or 201 (with a PostResponse document) on request; 303 to a success_action_redirect. */
    private static SandboxResponse answer(SandboxRequest request, Map<String, String> fields, Bucket bucket, S3Object object) {
        String host = request.header("host").orElse("localhost");
        boolean pathStyle = request.rawPath().startsWith("/" + bucket.name());
        String location = "http://" + host + (pathStyle ? "/" + bucket.name() : "") + "/" + SigV4.uriEncode(object.key(), true);
        String redirect = fields.getOrDefault("success_action_redirect", fields.get("redirect"));
        SandboxResponse response;
        if (redirect != null && (redirect.startsWith("http://") || redirect.startsWith("https://"))) {
            response = SandboxResponse.empty(303).withHeader("Location", redirect + (redirect.contains("?") ? "&" : "?")
                    + "bucket=" + form(bucket.name()) + "&key=" + form(object.key()) + "&etag=" + form(object.quotedEtag()));
        } else if ("201".equals(fields.get("success_action_status"))) {
            response = SandboxResponse.bytes(201, "application/xml", new XmlWriter().start("PostResponse")
                    .element("Location", location).element("Bucket", bucket.name()).element("Key", object.key())
                    .element("ETag", object.quotedEtag()).end().toString().getBytes(StandardCharsets.UTF_8))
                    .withHeader("Location", location);
        } else {
            response = SandboxResponse.empty("200".equals(fields.get("success_action_status")) ? 200 : 204)
                    .withHeader("Location", location);
        }
        response.withHeader("ETag", object.quotedEtag()).withHeader("x-amz-server-side-encryption", "AES256");
        ObjectResource.versionHeader(response, object);
        return response;
    }

    private static String form(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The policy's content-length-range, enforced while the file streams in (nothing is kept on failure). */
    private static final class LengthRange extends FilterInputStream {
        private final long min;
        private final long max;
        private long count;

        LengthRange(InputStream in, long min, long max) {
            super(in);
            this.min = min;
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
                if (count > max) {
                    throw AwsException.badRequest("EntityTooLarge", "Your proposed upload exceeds the maximum allowed size")
                            .with("ProposedSize", String.valueOf(count)).with("MaxSizeAllowed", String.valueOf(max));
                }
            } else if (n < 0 && count < min) {
                throw AwsException.badRequest("EntityTooSmall", "Your proposed upload is smaller than the minimum allowed size")
                        .with("ProposedSize", String.valueOf(count)).with("MinSizeAllowed", String.valueOf(min));
            }
            return n;
        }
    }
}
