package io.awstutor.sandbox.rds;

/**
 * A connection from inside AWS (the Data API) asked for a paused Aurora Serverless v2 writer:
 * the resume has begun, and unlike a learner's connection, which waits, the caller is told to
 * come back (the Data API's DatabaseResumingException).
 */
public final class WriterResumingException extends RuntimeException {
    private final String writerId;

    public WriterResumingException(String writerId) {
        super("The Aurora DB instance " + writerId + " is resuming after being auto-paused. "
                + "Please wait a few seconds and try again.");
        this.writerId = writerId;
    }

    public String writerId() {
        return writerId;
    }
}
