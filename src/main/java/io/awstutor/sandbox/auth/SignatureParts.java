package io.awstutor.sandbox.auth;

import java.util.List;
import java.util.Optional;

/**
 * What a SigV4 request says about its signature, from the Authorization header or the
 * presigned query parameters: the credential scope ({@code AKID/date/region/service/aws4_request}),
 * the signed header names, the signature and the request time.
 */
public record SignatureParts(String accessKeyId, String scopeDate, String region, String service,
                             List<String> signedHeaders, String signature, String amzDate,
                             boolean presigned, Optional<Long> expiresSeconds,
                             Optional<String> securityToken) {

    public String scope() {
        return scopeDate + "/" + region + "/" + service + "/aws4_request";
    }

    @Override
    public String toString() {
        // the signature is not a secret, but the session token is one
        return "SignatureParts[" + accessKeyId + "/" + scope() + ", presigned=" + presigned + "]";
    }
}
