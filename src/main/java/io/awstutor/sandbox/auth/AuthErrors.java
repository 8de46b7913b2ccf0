package io.awstutor.sandbox.auth;

import io.awstutor.sandbox.protocol.AwsException;

import java.util.Map;

/**
 * The error AWS answers for a refused signature, which differs by service: S3 has its own
 * codes (InvalidAccessKeyId, RequestTimeTooSkewed, ...), EC2 its own (AuthFailure,
 * RequestExpired), and IAM, STS and the other query services share one set
 * (InvalidClientTokenId, SignatureDoesNotMatch "Signature expired: ...").
 */
public final class AuthErrors {
    private static final String QUERY_SIGNATURE_MISMATCH =
            "The request signature we calculated does not match the signature you provided. "
                    + "Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";
    private static final String S3_SIGNATURE_MISMATCH =
            "The request signature we calculated does not match the signature you provided. Check your key and signing method.";
    private static final String HEADERS_NOT_SIGNED_MESSAGE = "There were headers present in the request which were not signed";
    private static final String INVALID_TOKEN = "The security token included in the request is invalid.";

    private AuthErrors() {
    }

    public static AwsException toAwsException(String service, AuthFailure failure) {
        return switch (service) {
            case "s3" -> s3(failure);
            case "ec2" -> ec2(failure);
            default -> query(failure);
        };
    }

    private static AwsException s3(AuthFailure f) {
        Map<String, String> d = f.details();
        return switch (f.problem()) {
            case MALFORMED -> AwsException.badRequest("AuthorizationHeaderMalformed",
                    "The authorization header is malformed; " + f.getMessage());
            case UNKNOWN_KEY, INACTIVE_KEY, MISSING_TOKEN -> AwsException.forbidden("InvalidAccessKeyId",
                    "The AWS Access Key Id you provided does not exist in our records.")
                    .with("AWSAccessKeyId", d.getOrDefault("AWSAccessKeyId", ""));
            case BAD_TOKEN -> AwsException.badRequest("InvalidToken", "The provided token is malformed or otherwise invalid.");
            case INVALID_REGION -> AwsException.badRequest("AuthorizationHeaderMalformed",
                    "The authorization header is malformed; the region '" + d.get("Region") + "' is wrong.");
            case EXPIRED_TOKEN -> AwsException.badRequest("ExpiredToken", "The provided token has expired.");
            case BAD_SIGNATURE -> {
                AwsException e = AwsException.forbidden("SignatureDoesNotMatch", S3_SIGNATURE_MISMATCH);
                for (String field : new String[] {"AWSAccessKeyId", "StringToSign", "SignatureProvided", "CanonicalRequest"}) {
                    if (d.containsKey(field)) {
                        e.with(field, d.get(field));
                    }
                }
                yield e;
            }
            case SKEWED -> AwsException.forbidden("RequestTimeTooSkewed",
                            "The difference between the request time and the current time is too large.")
                    .with("RequestTime", d.get("RequestTime"))
                    .with("ServerTime", d.get("ServerIso"))
                    .with("MaxAllowedSkewMilliseconds", "900000");
            case PRESIGN_EXPIRED -> AwsException.forbidden("AccessDenied", "Request has expired")
                    .with("X-Amz-Expires", d.get("X-Amz-Expires"))
                    .with("Expires", d.get("Expires"))
                    .with("ServerTime", d.get("ServerTime"));
            case PAYLOAD_HASH_MISMATCH -> AwsException.badRequest("XAmzContentSHA256Mismatch",
                    "The provided 'x-amz-content-sha256' header does not match what was computed.");
            case BAD_CHUNK -> AwsException.badRequest("InvalidRequest", f.getMessage());
            case HOST_NOT_SIGNED, HEADERS_NOT_SIGNED -> AwsException.forbidden("AccessDenied", HEADERS_NOT_SIGNED_MESSAGE)
                    .with("HeadersNotSigned", d.get("HeadersNotSigned"));
            case SCOPE_DATE -> d.containsKey("Presigned")
                    ? AwsException.badRequest("AuthorizationQueryParametersError", "Invalid credential date \""
                    + d.get("CredentialDate") + "\". This date is not the same as X-Amz-Date: \"" + d.get("RequestDate") + "\".")
                    : AwsException.badRequest("AuthorizationHeaderMalformed",
                    "The authorization header is malformed; Invalid credential date. Date is not the same as X-Amz-Date.");
        };
    }

    private static AwsException ec2(AuthFailure f) {
        return switch (f.problem()) {
            case UNKNOWN_KEY, INACTIVE_KEY, MISSING_TOKEN, BAD_TOKEN ->
                    new AwsException("AuthFailure", "AWS was not able to validate the provided access credentials", 401);
            case SKEWED, PRESIGN_EXPIRED, EXPIRED_TOKEN -> AwsException.badRequest("RequestExpired", "Request has expired.");
            default -> query(f);
        };
    }

    private static AwsException query(AuthFailure f) {
        Map<String, String> d = f.details();
        return switch (f.problem()) {
            case MALFORMED, BAD_CHUNK -> AwsException.badRequest("IncompleteSignature", f.getMessage());
            case UNKNOWN_KEY, INACTIVE_KEY, MISSING_TOKEN, BAD_TOKEN -> AwsException.forbidden("InvalidClientTokenId", INVALID_TOKEN);
            case EXPIRED_TOKEN -> AwsException.forbidden("ExpiredToken", "The security token included in the request is expired");
            case BAD_SIGNATURE, PAYLOAD_HASH_MISMATCH -> AwsException.forbidden("SignatureDoesNotMatch", QUERY_SIGNATURE_MISMATCH);
            case INVALID_REGION -> AwsException.forbidden("SignatureDoesNotMatch",
                    "Credential should be scoped to a valid region, not '" + d.get("Region") + "'. ");
            case SKEWED -> AwsException.forbidden("SignatureDoesNotMatch", Boolean.parseBoolean(d.get("Future"))
                    ? "Signature not yet current: " + d.get("RequestTime") + " is still later than " + d.get("Bound")
                    + " (" + d.get("ServerTime") + " + 15 min.)"
                    : "Signature expired: " + d.get("RequestTime") + " is now earlier than " + d.get("Bound")
                    + " (" + d.get("ServerTime") + " - 15 min.)");
            case PRESIGN_EXPIRED -> AwsException.forbidden("SignatureDoesNotMatch",
                    "Signature expired: " + d.get("RequestTime") + " is now earlier than " + d.get("ServerAmzTime")
                            + " (X-Amz-Expires " + d.get("X-Amz-Expires") + " sec.)");
            case HOST_NOT_SIGNED -> AwsException.badRequest("IncompleteSignature",
                    "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
            // S3's refusal, in the service's own error format: AWS documents no other wording for it
            case HEADERS_NOT_SIGNED -> AwsException.forbidden("AccessDenied", HEADERS_NOT_SIGNED_MESSAGE + ": " + d.get("HeadersNotSigned"));
            case SCOPE_DATE -> AwsException.forbidden("SignatureDoesNotMatch",
                    "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '"
                            + d.get("CredentialDate") + "' != '" + d.get("RequestDate") + "', from '" + d.get("AmzDate") + "'.");
        };
    }
}
