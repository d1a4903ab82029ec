package io.shipbridge.mirakl;

/** Mirakl refused the API key (401) or its rights (403). Not retried: the key or the shop must be fixed. */
public class MiraklAuthenticationException extends MiraklException {
    private static final long serialVersionUID = 1L;

    public MiraklAuthenticationException(String message, int httpStatus) {
        super(message, httpStatus, null);
    }
}
