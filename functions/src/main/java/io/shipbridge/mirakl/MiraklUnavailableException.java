package io.shipbridge.mirakl;

/** Mirakl answered 5xx or could not be reached, on every attempt. Transient: the workflow retries later. */
public class MiraklUnavailableException extends MiraklException {
    private static final long serialVersionUID = 1L;

    public MiraklUnavailableException(String message, int httpStatus, Throwable cause) {
        super(message, httpStatus, cause);
    }
}
