package io.awstutor.sandbox.http;

import io.awstutor.sandbox.access.RequestContextKeys;
import io.awstutor.sandbox.auth.AuthErrors;
import io.awstutor.sandbox.auth.AuthFailure;
import io.awstutor.sandbox.auth.Authenticator;
import io.awstutor.sandbox.auth.Authenticator.Authentication;
import io.awstutor.sandbox.auth.Authorizer;
import io.awstutor.sandbox.auth.Caller;
import io.awstutor.sandbox.auth.KeyUseListener;
import io.awstutor.sandbox.auth.SignatureParser;
import io.awstutor.sandbox.auth.SignatureParts;
import io.awstutor.sandbox.auth.SigV2QueryAuthenticator;
import io.awstutor.sandbox.protocol.AwsException;
import io.awstutor.sandbox.protocol.QueryErrorFormat;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One request's way through the sandbox: find the service from the SigV4 credential scope,
 * authenticate the signature, prepare the body, let the service answer, and turn any error
 * into that service's error document.
 *
 * <p>Routing: a signed request goes to the service its credential scope names (Authorization
 * header {@code Credential=AKID/date/region/service/aws4_request} or presigned
 * {@code X-Amz-Credential}). Everything unsigned goes to S3, which alone serves anonymous
 * requests, and so do S3's own host forms ({@code <bucket>.s3.localhost},
 * {@code <bucket>.localhost}, {@code <bucket>.s3-website[.-]<region>.localhost}), whose
 * requests are signed for "s3" or not signed at all. The region is the scope's, us-east-1
 * when there is none.
 */
public final class Dispatcher {
    public static final String DEFAULT_REGION = "us-east-1";
    /** For requests no service claims: a query-protocol error without a service namespace. */
    private static final ErrorFormat GENERIC_ERRORS = new QueryErrorFormat(null);

    private final Map<String, ServiceHandler> handlers;
    private final Authenticator authenticator;
    private final Authorizer authorizer;
    private final Clock clock;
    private final KeyUseListener keyUse;
    /** Fronts can be mounted while the sandbox runs (the console, a workshop's pages). */
    private final List<Frontend> frontends;
    private final List<CallListener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    public Dispatcher(Map<String, ServiceHandler> handlers, Authenticator authenticator, Authorizer authorizer,
                      Clock clock, KeyUseListener keyUse) {
        this(handlers, authenticator, authorizer, clock, keyUse, List.of());
    }

    public Dispatcher(Map<String, ServiceHandler> handlers, Authenticator authenticator, Authorizer authorizer,
                      Clock clock, KeyUseListener keyUse, List<Frontend> frontends) {
        this.frontends = new java.util.concurrent.CopyOnWriteArrayList<>(frontends);
        this.handlers = Map.copyOf(handlers);
        this.authenticator = authenticator;
        this.authorizer = authorizer;
        this.clock = clock;
        this.keyUse = keyUse;
    }

    /** Serves the requests {@code frontend} claims from now on, before the fronts mounted earlier. */
    public void mount(Frontend frontend) {
        frontends.add(0, frontend);
    }

    public void onCall(CallListener listener) {
        listeners.add(listener);
    }

    /** The service a request is meant for, "s3" for anything unsigned. */
    public static String serviceOf(SandboxRequest request) {
        return SignatureParser.scopeService(request).orElse("s3");
    }

    /** Answers a request; never throws (every failure becomes an error document). */
    public Answer dispatch(SandboxRequest request) {
        boolean unscoped = SignatureParser.scopeService(request).isEmpty(); // once: every request asks
        if (unscoped) {
            for (Frontend frontend : frontends) {
                if (frontend.claims(request)) {
                    return serveFront(frontend, request);
                }
            }
        }
        if (unscoped) {
            for (ServiceHandler handler : handlers.values()) {
                if (handler.recognizesUnsigned(request)) {
                    String requestId = RequestIds.forService(handler.signingName());
                    return new Answer(handler.signingName(), requestId, handler.errorFormat().encode(
                            missingToken(), requestId));
                }
            }
        }
        if (unscoped && looksLikeQueryCall(request)) {
            String requestId = RequestIds.forService("query");
            return new Answer("query", requestId, GENERIC_ERRORS.encode(unscopedQueryCall(request), requestId));
        }
        String service = serviceOf(request);
        String requestId = RequestIds.forService(service);
        ServiceHandler handler = handlers.get(service);
        if (handler == null) {
            return new Answer(service, requestId, unknownServiceErrors(request, service).encode(unknownService(request, service), requestId));
        }
        java.util.Optional<String> unserved = handler.unservedApi(request);
        if (unserved.isPresent()) {
            return new Answer(service, requestId, unknownServiceErrors(request, service)
                    .encode(AwsException.badRequest("UnknownService", unserved.get()), requestId));
        }
        CallNotice notice = new CallNotice(service, request);
        Answer answer;
        try {
            handler.operationName(request).ifPresent(notice::operation);
            answer = new Answer(service, requestId, handler.handle(authenticatedCall(request, service, requestId, notice, handler)));
        } catch (AuthFailure failure) {
            answer = new Answer(service, requestId, handler.errorFormat().encode(AuthErrors.toAwsException(service, failure), requestId));
        } catch (AwsException error) {
            answer = new Answer(service, requestId, handler.errorFormat().encode(error, requestId));
        } catch (Exception | StackOverflowError unexpected) {
            answer = new Answer(service, requestId, internalError(handler.errorFormat(), service, requestId, unexpected));
        }
        tell(notice.call(answer.response().status(), clock.instant()));
        return answer;
    }

    private void tell(CallListener.Call call) {
        for (CallListener listener : listeners) {
            try {
                listener.answered(call);
            } catch (RuntimeException e) {
                System.err.println("awstutor sandbox: a call listener failed: " + e);
            }
        }
    }

    /** What is known of a call as it goes: its operation once the body is read, its caller once authenticated. */
    private static final class CallNotice {
        private final String service;
        private String operation;
        private String account = "";
        private String region = DEFAULT_REGION;

        CallNotice(String service, SandboxRequest request) {
            this.service = service;
            this.operation = request.header("x-amz-target").map(t -> t.substring(t.lastIndexOf('.') + 1))
                    .or(() -> request.query("Action"))
                    .orElse(request.method() + " " + request.rawPath());
        }

        void operation(String name) {
            operation = name;
        }

        void formAction(byte[] form) {
            for (String pair : new String(form, java.nio.charset.StandardCharsets.UTF_8).split("&")) {
                if (pair.startsWith("Action=")) {
                    operation = RequestReader.decodeQuery(pair).getOrDefault("Action", List.of(operation)).get(0);
                    return;
                }
            }
        }

        CallListener.Call call(int status, java.time.Instant at) {
            return new CallListener.Call(service, operation, account, region, status, at);
        }
    }

    private Answer serveFront(Frontend frontend, SandboxRequest request) {
        String requestId = RequestIds.forService(frontend.service());
        try {
            return new Answer(frontend.service(), requestId, frontend.serve(request, origin -> dispatch(origin).response()));
        } catch (Exception | StackOverflowError unexpected) {
            return new Answer(frontend.service(), requestId, internalError(GENERIC_ERRORS, frontend.service(), requestId, unexpected));
        }
    }

    /** A service's answer with the id and service it was given (for the response headers). */
    public record Answer(String service, String requestId, SandboxResponse response) {
    }

    static SandboxResponse internalError(ErrorFormat format, String service, String requestId, Throwable error) {
        System.err.println("awstutor sandbox: internal error in " + service + " (request " + requestId + "): " + error);
        return format.encode(new AwsException("InternalError",
                "We encountered an internal error. Please try again.", 500, false), requestId);
    }

    private ServiceCall authenticatedCall(SandboxRequest request, String service, String requestId, CallNotice notice,
                                          ServiceHandler handler) throws java.io.IOException {
        Optional<SignatureParts> parts = SignatureParser.parse(request);
        String region = parts.map(SignatureParts::region).orElse(DEFAULT_REGION);
        Optional<String> sigV2Resource = parts.isEmpty() && SigV2QueryAuthenticator.applies(request)
                ? handler.sigV2Resource(request) : Optional.empty();
        if (sigV2Resource.isPresent()) {
            // SigV2 names no region: the call has none, and S3 answers from the bucket's own
            Caller caller = authenticator.sigV2().authenticate(request, sigV2Resource.get());
            keyUse.used(request.query("AWSAccessKeyId").orElse(""), service, DEFAULT_REGION);
            notice.account = caller.accountId();
            String sourceIp = request.remoteAddress() == null ? "127.0.0.1" : request.remoteAddress().getHostAddress();
            Map<String, List<String>> context = RequestContextKeys.base(caller, sourceIp,
                    RequestContextKeys.requestedRegion(service, DEFAULT_REGION), clock.instant());
            String unsigned = request.header("x-amz-content-sha256").orElse(Payloads.UNSIGNED);
            return new ServiceCall(Payloads.s3Body(request, unsigned, parts, Optional.empty()), caller, null, requestId,
                    authorizer, context);
        }
        Optional<Authentication> authentication = Optional.empty();
        SandboxRequest effective = request;
        if ("s3".equals(service)) {
            String signedHash = parts.isPresent() ? Payloads.s3SignedHash(request, parts.get())
                    : request.header("x-amz-content-sha256").orElse(Payloads.UNSIGNED);
            if (parts.isPresent()) {
                authentication = Optional.of(authenticator.authenticate(request, parts.get(), List.of(signedHash)));
            }
            effective = Payloads.s3Body(request, signedHash, parts, authentication);
        } else if (parts.isPresent()) {
            Payloads.Buffered buffered = Payloads.buffer(request);
            effective = buffered.request();
            notice.formAction(buffered.bytes());
            List<String> hashes = parts.get().presigned()
                    ? List.of(buffered.sha256(), Payloads.UNSIGNED) : List.of(buffered.sha256());
            authentication = Optional.of(authenticator.authenticate(effective, parts.get(), hashes));
        } else {
            throw missingToken();
        }
        authentication.ifPresent(a -> keyUse.used(a.credential().accessKeyId(), service, region));
        Caller caller = authentication.map(Authentication::caller).orElseGet(Caller.Anonymous::new);
        notice.account = caller.accountId();
        notice.region = region;
        String sourceIp = request.remoteAddress() == null ? "127.0.0.1" : request.remoteAddress().getHostAddress();
        Map<String, List<String>> context = RequestContextKeys.base(caller, sourceIp,
                RequestContextKeys.requestedRegion(service, region), clock.instant());
        return new ServiceCall(effective, caller, region, requestId, authorizer, context);
    }

    /**
     * A query-protocol call (IAM, STS, EC2, ...): a form POST to "/" or a GET of "/?Action=...".
     * No S3 operation looks like either, so one that names no service in a credential scope is
     * a query call that is unsigned or badly signed, and is answered as the query services do.
     */
    static boolean looksLikeQueryCall(SandboxRequest request) {
        if (!"/".equals(request.rawPath())) {
            return false;
        }
        if ("POST".equals(request.method())) {
            return request.header("content-type").map(t -> t.toLowerCase(java.util.Locale.ROOT)
                    .startsWith("application/x-www-form-urlencoded")).orElse(false);
        }
        return "GET".equals(request.method()) && request.hasQuery("Action");
    }

    /** AWS's answers: no signature at all is MissingAuthenticationToken, an unreadable one IncompleteSignature. */
    private static AwsException unscopedQueryCall(SandboxRequest request) {
        String problem;
        try {
            if (SignatureParser.parse(request).isEmpty()) {
                return missingToken();
            }
            problem = "Credential should be scoped to a valid region, service and date, in the form "
                    + "'<access key>/<yyyyMMdd>/<region>/<service>/aws4_request'.";
        } catch (AuthFailure malformed) {
            problem = malformed.getMessage();
        }
        return AwsException.badRequest("IncompleteSignature", problem);
    }

    private static AwsException missingToken() {
        return new AwsException("MissingAuthenticationToken", "Request is missing Authentication Token", 403);
    }

    /**
     * The services whose clients read errors as XML, by signing name: those whose every
     * protocol in botocore's models (1.43) is the query, rest-xml or ec2 protocol. Every other
     * AWS service speaks JSON (the JSON protocol or REST-JSON), or XML only in a query call.
     */
    private static final java.util.Set<String> XML_SERVICES = java.util.Set.of("autoscaling", "cloudformation",
            "cloudfront", "ec2", "elasticache", "elasticbeanstalk", "elasticloadbalancing", "iam", "importexport", "rds",
            "redshift", "route53", "s3", "sns", "sts");

    /**
     * A service the sandbox does not serve (SSM, Lambda, SQS …) is answered in the protocol its
     * client speaks, so that the client shows the message ("An error occurred (UnknownService) …")
     * rather than the raw document: JSON for a JSON-protocol call (an {@code X-Amz-Target} or a
     * JSON body); the query protocol's XML for a query call (a form body or an {@code Action});
     * otherwise XML for the services that speak it ({@link #XML_SERVICES}) and JSON for the
     * rest (a REST-JSON call such as Lambda's {@code GET /2015-03-31/functions/} has neither a
     * target nor a body).
     */
    private static ErrorFormat unknownServiceErrors(SandboxRequest request, String signingName) {
        String contentType = request.header("content-type").orElse("");
        if (request.header("x-amz-target").isPresent() || contentType.contains("json")) {
            return new io.awstutor.sandbox.protocol.JsonErrorFormat(
                    contentType.isBlank() ? "application/x-amz-json-1.1" : contentType, "message");
        }
        if (contentType.contains("x-www-form-urlencoded") || request.hasQuery("Action") || XML_SERVICES.contains(signingName)) {
            return GENERIC_ERRORS;
        }
        return new io.awstutor.sandbox.protocol.JsonErrorFormat("application/json", "message");
    }

    private AwsException unknownService(SandboxRequest request, String service) {
        if (SignatureParser.scopeService(request).isEmpty()) {
            return missingToken();
        }
        return AwsException.badRequest("UnknownService", "The sandbox does not serve the service '" + service
                + "' named by this request's credential scope; it serves: " + String.join(", ", new java.util.TreeSet<>(handlers.keySet())) + ".");
    }
}
