package io.shipbridge.mirakl;

/** A Mirakl API call that failed; the subclass says whether trying again can help. */
public abstract class MiraklException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int httpStatus;

    protected MiraklException(String message, int httpStatus, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
    }

    /** The HTTP status Mirakl answered, or 0 when it did not answer. */
    public int httpStatus() {
        return httpStatus;
    }
}
