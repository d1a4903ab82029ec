package io.shipbridge.local.bench;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import io.shipbridge.local.cloud.HandlerTypes;
import io.shipbridge.standins.LambdaContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Runs in a fresh JVM whose class path is the deployed jar (plus Lambda's event serializers, which the Java runtime
 * brings): builds a handler as the runtime does, by its no-argument constructor, and invokes it twice with the event
 * on standard input. Prints one line: milliseconds from JVM start to main, to the handler built, to each response, and the CPU
 * time the JVM had used by the first response (all threads: less sensitive than wall time to a busy machine).
 * With {@code --snapshot}, runs the CRaC hooks SnapStart runs (priming) after building the handler, as before a
 * snapshot and after its restore; "built" then includes the priming.
 *
 * <p>Kept to the Lambda runtime's libraries (and the stand-ins' Lambda context, {@link HandlerTypes}) on purpose:
 * nothing else of the offline cloud may load in this JVM.
 */
public final class FirstInvocation {
    private FirstInvocation() {
    }

    public static void main(String[] args) throws Exception {
        long jvmStart = ProcessHandle.current().info().startInstant().orElseThrow().toEpochMilli();
        long main = System.currentTimeMillis();
        byte[] event = System.in.readAllBytes();
        Object handler = Class.forName(args[0]).getConstructor().newInstance();
        if (args.length > 1 && args[1].equals("--snapshot")) {
            runCracHooks(handler);
        }
        long built = System.currentTimeMillis();
        String first = invoke(handler, event);
        long firstResponse = System.currentTimeMillis();
        long cpu = ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toMillis).orElse(-1L);
        invoke(handler, event);
        long secondResponse = System.currentTimeMillis();
        System.out.printf("FIRST_INVOCATION main=%d built=%d first=%d second=%d cpu=%d response=%s%n",
                main - jvmStart, built - jvmStart, firstResponse - jvmStart, secondResponse - firstResponse, cpu, first);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static String invoke(Object handler, byte[] event) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (handler instanceof RequestStreamHandler stream) {
            stream.handleRequest(new ByteArrayInputStream(event), out, context());
        } else {
            Class<?>[] types = HandlerTypes.requestTypes(handler.getClass());
            ClassLoader loader = handler.getClass().getClassLoader();
            PojoSerializer input = serializerFor(types[0], loader);
            Object output = ((RequestHandler) handler).handleRequest(input.fromJson(new ByteArrayInputStream(event)),
                    context());
            serializerFor(types[1], loader).toJson(output, out);
        }
        return out.toString(StandardCharsets.UTF_8).replace('\n', ' ');
    }

    /** As the Java runtime chooses: Lambda's event serializers for its event classes, Jackson for anything else. */
    @SuppressWarnings("rawtypes")
    private static PojoSerializer serializerFor(Class<?> type, ClassLoader loader) {
        return LambdaEventSerializers.isLambdaSupportedEvent(type.getName())
                ? LambdaEventSerializers.serializerFor(type, loader)
                : com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory.getInstance()
                        .getSerializer(type);
    }

    /**
     * What SnapStart does between init and the first request: the CRaC hooks before the snapshot and after the
     * restore, of each resource the handler registered (a JVM without CRaC cannot run the global context, so the
     * handler's resources are found by their fields).
     */
    private static void runCracHooks(Object handler) throws Exception {
        for (Class<?> type = handler.getClass(); type != null; type = type.getSuperclass()) {
            for (java.lang.reflect.Field field : type.getDeclaredFields()) {
                if (org.crac.Resource.class.isAssignableFrom(field.getType())) {
                    field.setAccessible(true);
                    org.crac.Resource resource = (org.crac.Resource) field.get(handler);
                    resource.beforeCheckpoint(null);
                    resource.afterRestore(null);
                }
            }
        }
    }

    private static LambdaContext context() {
        return LambdaContext.of(System.getenv().getOrDefault("AWS_LAMBDA_FUNCTION_NAME", "bench"));
    }
}
