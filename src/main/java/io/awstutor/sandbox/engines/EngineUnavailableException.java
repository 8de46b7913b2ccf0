package io.awstutor.sandbox.engines;

/** A database engine that cannot run here, with the reason a learner reads in the instance's events. */
public final class EngineUnavailableException extends Exception {
    public EngineUnavailableException(String message) {
        super(message);
    }

    public EngineUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
