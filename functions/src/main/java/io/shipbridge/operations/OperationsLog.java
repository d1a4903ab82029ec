package io.shipbridge.operations;

/** Where every external call is recorded. */
@FunctionalInterface
public interface OperationsLog {
    void record(OperationRecord record);
}
