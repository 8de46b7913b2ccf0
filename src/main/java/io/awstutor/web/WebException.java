package io.awstutor.web;

/** Ends a page with a status and a one-line message the user can act on (shown escaped). */
public final class WebException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;

    public WebException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
