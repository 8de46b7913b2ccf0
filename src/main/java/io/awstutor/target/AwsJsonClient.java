package io.awstutor.target;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A client for an AWS JSON-protocol API (Price List, Cost Explorer, Budgets, Free Tier) in
 * the learner's session: {@code pricing.call("GetProducts", Map.of("ServiceCode", "AmazonEC2"))}
 * sends the request the SDK would send (same operation and member names as the API
 * reference, signed with SigV4 for the session's target) and answers the output as JSON.
 * An error answer is thrown as the SDK's {@link AwsServiceException}, with AWS's code.
 * Exists because the SDK's own modules for these four APIs are not in the tutor's build.
 */
public final class AwsJsonClient {
    private static final ObjectMapper JSON = io.awstutor.json.JsonMappers.mapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    /** What may stop a call before it is sent (the cost guard, for Cost Explorer's paid requests). */
    @FunctionalInterface
    public interface CallReview {
        CallReview NONE = (service, operation, region, fields) -> { };

        /** Throws to refuse the call. */
        void review(String service, String operation, String region, Map<String, Object> fields);
    }

    private final JsonApi api;
    private final URI endpoint;
    private final String region;
    private final AwsCredentialsProvider credentials;
    private final Clock signingClock;
    private final CallReview review;

    public AwsJsonClient(JsonApi api, URI endpoint, String region, AwsCredentialsProvider credentials, Clock signingClock,
                         CallReview review) {
        this.api = api;
        this.endpoint = endpoint;
        this.region = region;
        this.credentials = credentials;
        this.signingClock = signingClock;
        this.review = review;
    }

    public JsonApi api() {
        return api;
    }

    /** Calls an operation without input members. */
    public JsonNode call(String operation) {
        return call(operation, Map.of());
    }

    /**
     * Calls {@code operation} with {@code request} as its input: a {@code Map} of member
     * names to values (strings, numbers, booleans, lists, maps), a JSON string, or a JsonNode.
     */
    public JsonNode call(String operation, Object request) {
        JsonNode input = toJson(request);
        Map<String, Object> fields = JSON.convertValue(input, JSON.getTypeFactory().constructMapType(LinkedHashMap.class, String.class, Object.class));
        review.review(api.signingName(), operation, region, fields);
        byte[] body = input.toString().getBytes(StandardCharsets.UTF_8);
        SdkHttpRequest unsigned = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(endpoint.resolve("/"))
                .putHeader("Content-Type", api.contentType())
                .putHeader("X-Amz-Target", api.targetPrefix() + "." + operation).build();
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r.identity(credentials.resolveCredentials()).request(unsigned)
                .payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, api.signingName())
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(HttpSigner.SIGNING_CLOCK, signingClock));
        HttpRequest.Builder http = HttpRequest.newBuilder(signed.request().getUri()).timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        signed.request().forEachHeader((name, values) -> {
            if (!name.equalsIgnoreCase("host") && !name.equalsIgnoreCase("content-length")) {
                values.forEach(v -> http.header(name, v));
            }
        });
        HttpResponse<String> response;
        try {
            response = HTTP.send(http.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw SdkClientException.create("Unable to execute HTTP request to " + api.title() + " at " + endpoint + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SdkClientException.create(api.title() + " " + operation + " was interrupted", e);
        }
        JsonNode answer = parse(response.body().isBlank() ? "{}" : response.body());
        if (response.statusCode() / 100 != 2) {
            throw error(operation, response, answer);
        }
        return answer;
    }

    /** Reads a JSON document, such as a Price List entry (each is a JSON string inside PriceList). */
    public static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw SdkClientException.create("not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private AwsServiceException error(String operation, HttpResponse<String> response, JsonNode answer) {
        String type = answer.path("__type").asText(response.headers().firstValue("x-amzn-ErrorType").orElse("UnknownError"));
        String code = type.substring(type.lastIndexOf('#') + 1).split(":")[0];
        String message = answer.has("Message") ? answer.path("Message").asText() : answer.path("message").asText("");
        String requestId = response.headers().firstValue("x-amzn-RequestId").orElse(null);
        SdkHttpResponse.Builder http = SdkHttpResponse.builder().statusCode(response.statusCode());
        response.headers().map().forEach(http::putHeader);
        // the SDK's getMessage() appends "(Service: …, Status Code: …, Request ID: …)" itself from the details:
        // adding it here too printed it twice
        return AwsServiceException.builder()
                .message(message)
                .statusCode(response.statusCode()).requestId(requestId)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).serviceName(api.title())
                        .sdkHttpResponse(http.build()).build())
                .build();
    }

    private static JsonNode toJson(Object request) {
        if (request == null) {
            return JSON.createObjectNode();
        }
        if (request instanceof JsonNode node) {
            return node;
        }
        if (request instanceof String text) {
            return parse(text);
        }
        return JSON.valueToTree(request);
    }

    @Override
    public String toString() {
        return api.title() + " client (JSON API; " + api.signingName() + ".call(\"Operation\", Map.of(...)) answers JSON)";
    }
}
