package io.awstutor.sandbox;

import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
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
import java.util.List;
import java.util.Map;

/**
 * Raw HTTP requests signed by the SDK's own SigV4 signer, for what a client would not send
 * on its own (a skewed clock, a presigned URL, a tampered body): the sandbox's answer,
 * unparsed.
 */
public final class SignedHttp {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private SignedHttp() {
    }

    public record Response(int status, String body, Map<String, List<String>> headers) {
        public String header(String name) {
            return headers.getOrDefault(name.toLowerCase(java.util.Locale.ROOT), List.of()).stream().findFirst().orElse(null);
        }
    }

    /** A query-protocol POST form, signed in the Authorization header with the given clock. */
    public static Response postForm(URI endpoint, String service, String region, AwsCredentials credentials,
                                    Clock signingClock, String form) {
        return send(formRequest(endpoint, service, region, credentials, signingClock, form));
    }

    /** The signed request itself, to send (or replay, within 15 minutes) with the JDK's client. */
    public static HttpRequest formRequest(URI endpoint, String service, String region, AwsCredentials credentials,
                                          Clock signingClock, String form) {
        byte[] body = form.getBytes(StandardCharsets.UTF_8);
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(endpoint.resolve("/"))
                .putHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf-8").build();
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r.identity(credentials).request(request)
                .payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(HttpSigner.SIGNING_CLOCK, signingClock));
        return toJdk(signed.request(), body);
    }

    /** A presigned GET URL for a query-protocol action, valid for {@code expires}. */
    public static URI presignGet(URI endpoint, String service, String region, AwsCredentials credentials,
                                 Clock signingClock, Duration expires, Map<String, String> params) {
        SdkHttpRequest.Builder builder = SdkHttpRequest.builder().method(SdkHttpMethod.GET).uri(endpoint.resolve("/"));
        params.forEach(builder::putRawQueryParameter);
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r.identity(credentials).request(builder.build())
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(AwsV4HttpSigner.AUTH_LOCATION, AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING)
                .putProperty(AwsV4HttpSigner.EXPIRATION_DURATION, expires)
                .putProperty(HttpSigner.SIGNING_CLOCK, signingClock));
        return signed.request().getUri();
    }

    /** An S3-style GET (UNSIGNED-PAYLOAD, path signed as sent) signed in the Authorization header. */
    public static Response s3Get(URI uri, String region, AwsCredentials credentials, Clock signingClock) {
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.GET).uri(uri)
                .putHeader("x-amz-content-sha256", "UNSIGNED-PAYLOAD").build();
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r.identity(credentials).request(request)
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, false)
                .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, false)
                .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, false)
                .putProperty(HttpSigner.SIGNING_CLOCK, signingClock));
        return send(signed.request(), null);
    }

    /**
     * An S3 request written byte for byte on a socket (UNSIGNED-PAYLOAD, signed in the
     * Authorization header), for framing no HTTP client would send: {@code contentLength}
     * false leaves out Content-Length. Returns the status line's code and the body.
     */
    public static Response s3Raw(URI endpoint, String method, String pathAndQuery, Map<String, String> headers,
                                 byte[] body, boolean contentLength, AwsCredentials credentials) {
        SdkHttpRequest.Builder builder = SdkHttpRequest.builder().method(SdkHttpMethod.fromValue(method))
                .uri(endpoint.resolve(pathAndQuery)).putHeader("x-amz-content-sha256", "UNSIGNED-PAYLOAD");
        headers.forEach(builder::putHeader);
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r.identity(credentials).request(builder.build())
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, false)
                .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, false)
                .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, false));
        StringBuilder head = new StringBuilder(method).append(' ').append(signed.request().encodedPath());
        signed.request().encodedQueryParameters().ifPresent(q -> head.append('?').append(q));
        head.append(" HTTP/1.1\r\n");
        signed.request().forEachHeader((name, values) -> values.forEach(v -> head.append(name).append(": ").append(v).append("\r\n")));
        if (contentLength) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("Connection: close\r\n\r\n");
        try (java.net.Socket socket = new java.net.Socket(endpoint.getHost(), endpoint.getPort())) {
            socket.setSoTimeout(10_000);
            var out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.UTF_8));
            out.write(body);
            out.flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(response.substring(9, 12));
            int split = response.indexOf("\r\n\r\n");
            return new Response(status, split < 0 ? "" : response.substring(split + 4), Map.of());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static Response get(URI uri, Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).GET();
        headers.forEach(builder::header);
        return send(builder.build());
    }

    public static Response send(SdkHttpRequest request, byte[] body) {
        return send(toJdk(request, body));
    }

    private static HttpRequest toJdk(SdkHttpRequest request, byte[] body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.getUri())
                .method(request.method().name(), body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        request.forEachHeader((name, values) -> {
            if (!name.equalsIgnoreCase("host") && !name.equalsIgnoreCase("content-length")) {
                values.forEach(v -> builder.header(name, v));
            }
        });
        return builder.build();
    }

    public static Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response.headers().map());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
