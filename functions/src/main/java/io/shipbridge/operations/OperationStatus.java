package io.shipbridge.operations;

/** Outcome of one external call, as the operations log's {@code status} column shows it. */
public enum OperationStatus {
    /** The call did what was asked. */
    OK,
    /** The call failed and will be tried again. */
    RETRY,
    /** The call failed for good, or its answer could not be used. */
    ERROR,
    /** Input refused at the door (bad signature, malformed payload). */
    REJECTED,
    /** Nothing needed doing (a duplicate, something already done). */
    SKIPPED
}
