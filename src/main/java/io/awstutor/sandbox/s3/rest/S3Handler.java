package io.awstutor.sandbox.s3.rest;

import io.awstutor.sandbox.SandboxContext;
import io.awstutor.sandbox.http.ErrorFormat;
import io.awstutor.sandbox.http.SandboxRequest;
import io.awstutor.sandbox.http.SandboxResponse;
import io.awstutor.sandbox.http.ServiceCall;
import io.awstutor.sandbox.http.ServiceHandler;
import io.awstutor.sandbox.protocol.AwsException;
import io.awstutor.sandbox.s3.Bucket;
import io.awstutor.sandbox.s3.S3Backend;
import io.awstutor.sandbox.s3.website.WebsiteServer;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * S3's REST-XML adapter: finds bucket and key ({@link S3Address}), looks the operation up in
 * {@link S3Routes} (level, method, sub-resource), finds the bucket as that operation wants it,
 * and hands over to the resource adapter of that concept.
 *
 * <p>Static websites are served on {@code http://<bucket>.s3-website.<region>.localhost:PORT/}
 * and, as a clickable form a terminal can print, on
 * {@code http://127.0.0.1:PORT/_website/<bucket>/} (relative links inside the site work on both).
 */
public final class S3Handler implements ServiceHandler, AutoCloseable {
    private static final ErrorFormat ERRORS = new S3ErrorFormat();

    private final S3Backend backend;
    private final S3Context s3;
    private final WebsiteServer website;
    private final CorsResource cors;
    private final S3Routes routes;

    public S3Handler(SandboxContext context, io.awstutor.sandbox.auth.CredentialStore credentials) {
        this(new S3Backend(context), credentials);
    }

    /** {@code credentials} verify browser POST uploads, whose policy is signed with a user's key. */
    public S3Handler(S3Backend backend, io.awstutor.sandbox.auth.CredentialStore credentials) {
        this.backend = backend;
        this.s3 = new S3Context(backend);
        this.website = new WebsiteServer(backend, s3.access);
        this.cors = new CorsResource(s3);
        ObjectResource objects = new ObjectResource(s3);
        this.routes = new S3Routes(new S3Routes.Resources(new BucketResource(s3), new BucketAccessResource(s3),
                new ListingResource(s3), objects, new ObjectReadResource(s3), new ObjectSubresources(s3),
                new MultipartResource(s3, objects), new WebsiteConfigResource(s3), new ObjectLockAnswers(s3),
                new PostObjectResource(s3, objects, credentials), cors, new LifecycleResource(s3), new UnconfiguredFeatures(s3)));
    }

    public S3Backend backend() {
        return backend;
    }

    @Override
    public String signingName() {
        return "s3";
    }

    @Override
    public ErrorFormat errorFormat() {
        return ERRORS;
    }

    @Override
    public Optional<String> operationName(SandboxRequest request) {
        S3Address address = S3Address.parse(request.hostName(), request.rawPath());
        if (address.website()) {
            return Optional.of("Website");
        }
        return routes.find(level(address), request).map(S3Routes.Row::operation);
    }

    @Override
    public Optional<String> sigV2Resource(SandboxRequest request) {
        return Optional.of(SigV2Resource.of(request, S3Address.parse(request.hostName(), request.rawPath())));
    }

    @Override
    public SandboxResponse handle(ServiceCall call) throws IOException {
        SandboxRequest request = call.request();
        S3Address address = S3Address.parse(request.hostName(), request.rawPath());
        if (address.website()) {
            return website.serve(call, address.bucket(), address.key(), address.websitePrefix());
        }
        if (address.hasBucket() && request.method().equals("OPTIONS")) {
            return cors.preflight(request, backend.bucket(address.bucket()));
        }
        S3Routes.Level level = level(address);
        Bucket bucket = level == S3Routes.Level.OBJECT ? objectsBucket(call, address.bucket()) : null;
        Optional<S3Routes.Row> row = routes.find(level, request);
        if (row.isEmpty()) {
            if (level == S3Routes.Level.BUCKET) {
                s3.bucket(call, address.bucket());
            }
            throw methodNotAllowed(request.method(), level.name());
        }
        if (level == S3Routes.Level.BUCKET) {
            bucket = switch (row.get().lookup()) {
                case BY_NAME -> null;
                case ANY_REGION -> backend.bucket(address.bucket());
                case CALLERS_REGION -> s3.bucket(call, address.bucket());
            };
        }
        SandboxResponse response = row.get().answer().answer(call, address.bucket(), bucket, address.key());
        if (address.hasBucket() && request.header("origin").isPresent()) {
            backend.findBucket(address.bucket()).ifPresent(b -> cors.decorate(request, b, response));
        }
        return response;
    }

    private static S3Routes.Level level(S3Address address) {
        return !address.hasBucket() ? S3Routes.Level.SERVICE : address.hasKey() ? S3Routes.Level.OBJECT : S3Routes.Level.BUCKET;
    }

    /** An object's bucket: HEAD answers a wrong region with a bodiless redirect, everything else with S3's error. */
    private Bucket objectsBucket(ServiceCall call, String name) {
        if (call.request().method().equals("HEAD")) {
            Bucket bucket = backend.findBucket(name).orElseThrow(() -> new AwsException("NoSuchBucket", "", 404));
            s3.checkRegion(call, bucket, true);
            return bucket;
        }
        return s3.bucket(call, name);
    }

    private static AwsException methodNotAllowed(String method, String resourceType) {
        return new AwsException("MethodNotAllowed", "The specified method is not allowed against this resource.", 405)
                .with("Method", method).with("ResourceType", resourceType);
    }

    @Override
    public void close() {
        backend.close();
    }
}
