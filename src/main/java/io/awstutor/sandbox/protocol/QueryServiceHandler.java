package io.awstutor.sandbox.protocol;

import io.awstutor.sandbox.http.ErrorFormat;
import io.awstutor.sandbox.http.SandboxResponse;
import io.awstutor.sandbox.http.ServiceCall;
import io.awstutor.sandbox.http.ServiceHandler;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The AWS query protocol, shared by IAM, STS, RDS, SES and (with its flat response shape)
 * EC2: parameters from the form body or the query string, {@code Action} picks the
 * operation, the answer is {@code <ActionResponse><ActionResult>…</ActionResult><ResponseMetadata>}
 * (or EC2's {@code <ActionResponse><requestId>…}). A service supplies its actions.
 */
public abstract class QueryServiceHandler implements ServiceHandler {
    /** Query requests are small; a larger body is a malformed request, not something to buffer. */
    private static final int MAX_FORM_BYTES = 2 * 1024 * 1024;

    /** One operation: reads params, calls the backend, writes the Result's children. */
    @FunctionalInterface
    public interface QueryAction {
        void run(QueryParams params, ServiceCall call, XmlWriter result);
    }

    public enum ResponseShape { WRAPPED_RESULT, EC2_FLAT }

    private final String signingName;
    private final String namespace;
    private final String apiVersion;
    private final ResponseShape shape;
    private final ErrorFormat errorFormat;

    protected QueryServiceHandler(String signingName, String namespace, String apiVersion, ResponseShape shape) {
        this.signingName = signingName;
        this.namespace = namespace;
        this.apiVersion = apiVersion;
        this.shape = shape;
        this.errorFormat = shape == ResponseShape.EC2_FLAT ? new Ec2ErrorFormat() : new QueryErrorFormat(namespace);
    }

    /** Action name to implementation. Built once by the subclass. */
    protected abstract Map<String, QueryAction> actions();

    /**
     * What the service model says of the service's operations (see {@link AwsOperations}):
     * which exist on AWS, and which answer an empty {@code <ActionResult/>}. Nothing by default.
     */
    protected AwsOperations awsOperations() {
        return AwsOperations.NONE;
    }

    @Override
    public String signingName() {
        return signingName;
    }

    @Override
    public ErrorFormat errorFormat() {
        return errorFormat;
    }

    @Override
    public SandboxResponse handle(ServiceCall call) throws IOException {
        QueryParams params = params(call);
        String action = params.action();
        String version = params.get("Version");
        if (shape == ResponseShape.WRAPPED_RESULT && !apiVersion.equals(version)) {
            // AWS's query front end routes by Action and Version together; it checks the version first
            throw AwsException.badRequest("InvalidAction", "Could not find operation " + action + " for version "
                    + (version == null ? "NO_VERSION_SPECIFIED" : version));
        }
        QueryAction implementation = actions().get(action);
        if (implementation == null) {
            String unknown = "Could not find operation " + action + " for version " + params.getOrDefault("Version", apiVersion);
            throw AwsException.badRequest("InvalidAction", awsOperations().contains(action)
                    ? unknown + " (" + action + " is an operation of AWS " + signingName.toUpperCase(java.util.Locale.ROOT)
                    + " that the awstutor sandbox does not implement)"
                    : unknown);
        }
        XmlWriter result = XmlWriter.fragment();
        implementation.run(params, call, result);
        XmlWriter xml = new XmlWriter().start(action + "Response", namespace);
        if (shape == ResponseShape.EC2_FLAT) {
            xml.element("requestId", call.requestId()).append(result);
        } else {
            if (!result.isEmpty()) {
                xml.start(action + "Result").append(result).end();
            } else if (awsOperations().hasEmptyResult(action)) {
                // botocore's parser needs the element even when the output shape has no members
                xml.empty(action + "Result");
            }
            xml.responseMetadata(call.requestId());
        }
        return SandboxResponse.xml(200, xml.end().toString());
    }

    /** The form body (POST) merged over the query string (GET, presigned). */
    public static QueryParams params(ServiceCall call) throws IOException {
        Map<String, String> merged = new java.util.LinkedHashMap<>();
        call.request().queryParams().forEach((k, v) -> merged.put(k, v.isEmpty() ? "" : v.get(0)));
        if ("POST".equals(call.request().method())) {
            merged.putAll(QueryParams.parse(readForm(call.request().body())).asMap());
        }
        return new QueryParams(merged);
    }

    private static String readForm(InputStream body) throws IOException {
        byte[] bytes = body.readNBytes(MAX_FORM_BYTES + 1);
        if (bytes.length > MAX_FORM_BYTES) {
            throw AwsException.badRequest("MalformedQueryString", "The request body is larger than the query protocol allows.");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
