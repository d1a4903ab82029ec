package io.shipbridge.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.shipbridge.app.Components;
import io.shipbridge.config.Json;
import io.shipbridge.metrics.OrderMetrics;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.slf4j.MDC;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * A function called with JSON and answering JSON (a state machine task, a schedule): reads the input into a record,
 * runs the step with structured logging (the order id as correlation id), writes the result. An exception escapes
 * as it is: its class name is the error name the state machine retries and catches on.
 */
abstract class TaskHandler<I, O> implements RequestStreamHandler {
    private final Class<I> inputType;
    final OrderMetrics metrics;
    private final SnapStartPriming priming;

    TaskHandler(Class<I> inputType, Components components) {
        this.inputType = inputType;
        this.metrics = components.metrics();
        this.priming = SnapStartPriming.register(components, inputType, outputType()).rehearsing(this::rehearse);
    }

    @Override
    public final void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        I request = Json.read(input, inputType);
        O result = PowertoolsLogging.withLogging(context, () -> {
            String orderId = orderIdOf(request);
            if (orderId != null) {
                MDC.put("correlation_id", orderId);
            }
            try {
                return handle(request, context);
            } finally {
                metrics.flush();
                MDC.remove("correlation_id");
            }
        });
        Json.MAPPER.writeValue(output, result);
    }

    /** The O of this handler's TaskHandler<I, O>, as far as it is a class (what priming serializes). */
    private Class<?> outputType() {
        java.lang.reflect.Type output = ((java.lang.reflect.ParameterizedType) getClass().getGenericSuperclass())
                .getActualTypeArguments()[1];
        return output instanceof java.lang.reflect.ParameterizedType generic ? (Class<?>) generic.getRawType()
                : output instanceof Class<?> type ? type : Object.class;
    }

    /**
     * What priming runs of this step beyond its components' calls, every AWS call answered in the process: nothing,
     * unless the step has a path of its own no sample reaches.
     */
    void rehearse() {
    }

    /** The order this call is about, when it is about one. */
    String orderIdOf(I request) {
        return request instanceof OrderTask task ? task.orderId()
                : request instanceof CallbackTask callback ? callback.orderId() : null;
    }

    abstract O handle(I request, Context context);
}
