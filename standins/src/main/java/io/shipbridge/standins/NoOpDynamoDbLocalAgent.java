package io.shipbridge.standins;

import java.lang.instrument.Instrumentation;

/**
 * The Java agent LocalStack starts its DynamoDB Local with ({@code -javaagent:…/ddb-local-loader-0.1.jar}), doing
 * nothing. LocalStack downloads its own agent from GitHub, where it patches DynamoDB Local to allow more than 20
 * global secondary indexes on a table; there is no network here, and the template's table has one index, so
 * {@link DynamoDbLocalPackage} puts this one in its place: DynamoDB Local then runs unpatched, as AWS ships it.
 */
public final class NoOpDynamoDbLocalAgent {
    private NoOpDynamoDbLocalAgent() {
    }

    public static void premain(String arguments, Instrumentation instrumentation) {
        // Deliberately empty: see the class comment.
    }
}
