package io.shipbridge.aws;

/** An AWS service's error answer to a call made through {@link SignedJsonApi}, with the service's code and words. */
public final class AwsApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String service;
    private final String operation;
    private final int statusCode;
    private final String errorCode;

    public AwsApiException(String service, String operation, int statusCode, String errorCode, String message) {
        super(message + " (Service: " + service + ", Operation: " + operation + ", Status Code: " + statusCode
                + ", Error Code: " + errorCode + ")");
        this.service = service;
        this.operation = operation;
        this.statusCode = statusCode;
        this.errorCode = errorCode;
    }

    public String service() {
        return service;
    }

    public String operation() {
        return operation;
    }

    public int statusCode() {
        return statusCode;
    }

    public String errorCode() {
        return errorCode;
    }
}
