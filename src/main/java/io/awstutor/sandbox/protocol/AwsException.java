package io.awstutor.sandbox.protocol;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error as AWS reports it. Backends throw it with AWS's code, message and HTTP status;
 * the service's protocol adapter (through its {@link ErrorFormat}) turns it into the error
 * document of that protocol. Backends never know which document that is.
 */
public class AwsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String code;
    private final int status;
    private final boolean senderFault;
    private final Map<String, String> extraFields = new LinkedHashMap<>();
    private final Map<String, String> extraHeaders = new LinkedHashMap<>();

    public AwsException(String code, String message, int status) {
        this(code, message, status, status < 500);
    }

    public AwsException(String code, String message, int status, boolean senderFault) {
        super(message, null, false, false);
        this.code = code;
        this.status = status;
        this.senderFault = senderFault;
    }

    public static AwsException badRequest(String code, String message) {
        return new AwsException(code, message, 400);
    }

    public static AwsException notFound(String code, String message) {
        return new AwsException(code, message, 404);
    }

    public static AwsException conflict(String code, String message) {
        return new AwsException(code, message, 409);
    }

    public static AwsException forbidden(String code, String message) {
        return new AwsException(code, message, 403);
    }

    /** The query protocol's generic input error. */
    public static AwsException validation(String message) {
        return new AwsException("ValidationError", message, 400);
    }

    /** Adds an element to the error document (S3's {@code <BucketName>}, {@code <Key>}, ...). */
    public AwsException with(String field, String value) {
        extraFields.put(field, value);
        return this;
    }

    /** Adds a response header to the error (S3's {@code x-amz-bucket-region}, ...). */
    public AwsException withHeader(String name, String value) {
        extraHeaders.put(name, value);
        return this;
    }

    public String code() { return code; }
    public int status() { return status; }
    public boolean senderFault() { return senderFault; }
    public Map<String, String> extraFields() { return extraFields; }
    public Map<String, String> extraHeaders() { return extraHeaders; }
}
