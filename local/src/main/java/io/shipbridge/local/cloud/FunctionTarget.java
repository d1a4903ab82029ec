package io.shipbridge.local.cloud;

/**
 * A function as a route, a rule or a schedule calls it: by name, with a JSON event, answering JSON or failing with
 * Lambda's error document ({@link FunctionError}). The offline cloud's functions run in this JVM; a deployed stack's
 * (LocalStack's, in its tests) are invoked through Lambda's API.
 */
public interface FunctionTarget {

    String name();

    /** @throws FunctionError when the function fails the invocation */
    byte[] invoke(byte[] event);
}
