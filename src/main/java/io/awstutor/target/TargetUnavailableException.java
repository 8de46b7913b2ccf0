package io.awstutor.target;

/** A target that cannot start here, with the one line that says why and what to do. */
public final class TargetUnavailableException extends RuntimeException {
    public TargetUnavailableException(String message) {
        super(message);
    }

    public TargetUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
