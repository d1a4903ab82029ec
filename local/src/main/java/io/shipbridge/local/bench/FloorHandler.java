package io.shipbridge.local.bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/**
 * The floor of the cold-start benchmark: the smallest Java function there is, a {@code RequestHandler} that greets.
 * {@link FloorJar} packs it alone (with Lambda's core library) into a jar, which fresh JVMs start as they start the
 * deployed functions: what no function can start faster than, on this JVM and machine.
 */
public final class FloorHandler implements RequestHandler<Map<String, String>, String> {
    @Override
    public String handleRequest(Map<String, String> input, Context context) {
        return "Hello, " + input.getOrDefault("name", "world");
    }
}
