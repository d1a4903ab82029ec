package io.shipbridge.local.cost;

/** What AWS bills an order for, each in the unit its price is quoted in. */
public enum BillableUnit {
    STATE_TRANSITIONS("state transitions",
            "Step Functions Standard state transitions (every state entered and every retry)"),
    LAMBDA_REQUESTS("Lambda requests", "Lambda requests"),
    LAMBDA_GB_SECONDS("Lambda GB-seconds",
            "Lambda GB-seconds (configured memory x duration, each invocation rounded up to 1 ms)"),
    DYNAMODB_WRITE_UNITS("DynamoDB write units", "DynamoDB write request units, indexes and transactions included"),
    DYNAMODB_READ_UNITS("DynamoDB read units", "DynamoDB read request units"),
    SQS_REQUESTS("SQS requests", "SQS requests (each 64 KB of a payload counts one)"),
    S3_PUT_REQUESTS("S3 put requests", "S3 PUT, COPY, POST and LIST requests"),
    S3_GET_REQUESTS("S3 get requests", "S3 GET, HEAD and other requests"),
    S3_BYTES_PUT("S3 bytes put", "S3 bytes written (stored until they expire: priced per month, not per order)"),
    SECRETS_MANAGER_CALLS("Secrets Manager calls", "Secrets Manager API calls"),
    HTTP_API_REQUESTS("HTTP API requests", "API Gateway HTTP API requests (each 512 KB counts one)"),
    SCHEDULER_INVOCATIONS("Scheduler invocations", "EventBridge Scheduler invocations"),
    XRAY_TRACES("X-Ray traces", "X-Ray traces recorded (one per execution; one per invocation from outside an"
            + " execution, of a function with active tracing)");

    private final String label;
    private final String description;

    BillableUnit(String label, String description) {
        this.label = label;
        this.description = description;
    }

    /** A short name, for the demo's printed cost section. */
    public String label() {
        return label;
    }

    public String description() {
        return description;
    }
}
