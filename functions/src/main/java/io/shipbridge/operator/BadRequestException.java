package io.shipbridge.operator;

/** A request the API refuses as it is (400), with the reason; nothing was changed. */
public class BadRequestException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BadRequestException(String message) {
        super(message);
    }
}
