package io.shipbridge.local.states;

/** A Step Functions API call refused, with the error type the API answers (ExecutionAlreadyExists...). */
public class StatesApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String type;

    public StatesApiException(String type, String message) {
        super(message);
        this.type = type;
    }

    public String type() {
        return type;
    }
}
