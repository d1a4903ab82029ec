package io.shipbridge.local.cloud;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.sun.management.ThreadMXBean;
import io.shipbridge.app.Components;
import io.shipbridge.config.Json;
import io.shipbridge.local.cost.BillableUnit;
import io.shipbridge.local.cost.LambdaCpu;
import io.shipbridge.local.cost.UsageMeter;
import io.shipbridge.standins.LambdaContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One function of the template, its handler running in this JVM: built once with the function's own environment
 * (as a warm Lambda container), invoked with JSON as Lambda invokes it (events read with Lambda's own serializers),
 * held to the function's timeout (see {@link FunctionTimeout}) and reserved concurrency. A handler that throws fails
 * the invocation with Lambda's error document, its exception class as {@code errorType}.
 */
public final class LocalFunction implements FunctionTarget {
    private static final String EVENTS_PACKAGE = "com.amazonaws.services.lambda.runtime.events";
    private static final ThreadMXBean CPU = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final LambdaCpu CPU_SHARE = LambdaCpu.standard();

    private final String name;
    private final String arn;
    private final Object handler;
    private final Class<?> inputType;
    private final Class<?> outputType;
    private final FunctionTimeout timeout;
    private final int memory;
    private final boolean activeTracing;
    private final Semaphore reserved;
    private final AtomicLong invocations = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong busyNanos = new AtomicLong();
    private final AtomicLong cpuTotalNanos = new AtomicLong();
    private final AtomicLong allocatedMax = new AtomicLong();
    private final AtomicInteger running = new AtomicInteger();
    private final UsageMeter usage;

    LocalFunction(String name, String arn, String handlerSpec, Components components, FunctionTimeout timeout,
            int memory, Integer reservedConcurrency, boolean activeTracing, UsageMeter usage) {
        this.name = name;
        this.activeTracing = activeTracing;
        this.usage = usage;
        this.arn = arn;
        this.timeout = timeout;
        this.memory = memory;
        this.reserved = reservedConcurrency == null ? null : new Semaphore(reservedConcurrency);
        String className = handlerSpec.contains("::") ? handlerSpec.substring(0, handlerSpec.indexOf("::"))
                : handlerSpec;
        try {
            Class<?> type = Class.forName(className);
            this.handler = type.getConstructor(Components.class).newInstance(components);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Function " + name + ": cannot build handler " + handlerSpec
                    + " with a Components constructor: " + e, e);
        }
        Class<?>[] types = HandlerTypes.requestTypes(handler.getClass());
        this.inputType = types[0];
        this.outputType = types[1];
    }

    @Override
    public String name() {
        return name;
    }

    public String arn() {
        return arn;
    }

    public int memory() {
        return memory;
    }

    /** Whether the function traces requests that come with no trace ({@code Tracing: Active}). */
    public boolean activeTracing() {
        return activeTracing;
    }

    public long invocations() {
        return invocations.get();
    }

    public long errors() {
        return errors.get();
    }

    /** Wall-clock time spent in invocations, all of them together: what Lambda would bill, before rounding. */
    public Duration busy() {
        return Duration.ofNanos(busyNanos.get());
    }

    /** The CPU time its handlers used, all invocations together, on this machine's cores. */
    public Duration cpu() {
        return Duration.ofNanos(cpuTotalNanos.get());
    }

    /** The most memory one invocation allocated (not what it held at once: an upper bound of that). */
    public long mostAllocatedBytes() {
        return allocatedMax.get();
    }

    /** Invocations under way now. */
    public int running() {
        return running.get();
    }

    /**
     * Invokes the function synchronously with a JSON payload and returns its JSON response; with active tracing, the
     * invocation starts a trace of its own.
     *
     * @throws FunctionError when the handler throws, times out, or the function is at its reserved concurrency
     */
    @Override
    public byte[] invoke(byte[] payload) {
        return invoke(payload, true);
    }

    /** Invokes the function as a task of an execution, which carries the execution's trace. */
    byte[] invokeInExecution(byte[] payload) {
        return invoke(payload, false);
    }

    private byte[] invoke(byte[] payload, boolean newTrace) {
        if (reserved != null && !reserved.tryAcquire()) {
            throw new FunctionError("TooManyRequestsException", "Rate Exceeded. Reserved concurrency of " + name
                    + " is in use", null);
        }
        invocations.incrementAndGet();
        long began = System.nanoTime();
        AtomicLong cpuNanos = new AtomicLong();
        AtomicLong allocated = new AtomicLong();
        running.incrementAndGet();
        try {
            LambdaContext context = new LambdaContext(name, arn, memory, timeout.template(), "offline-cloud");
            CompletableFuture<byte[]> result = new CompletableFuture<>();
            // A platform thread, so that the invocation's CPU time can be read: its billed duration (see meter).
            Thread worker = Thread.ofPlatform().daemon().name("lambda-" + name).start(() -> {
                long cpuBefore = CPU.getCurrentThreadCpuTime();
                long allocatedBefore = CPU.getCurrentThreadAllocatedBytes();
                try {
                    result.complete(handle(payload, context));
                } catch (Throwable t) {
                    result.completeExceptionally(t);
                } finally {
                    cpuNanos.set(CPU.getCurrentThreadCpuTime() - cpuBefore);
                    allocated.set(CPU.getCurrentThreadAllocatedBytes() - allocatedBefore);
                }
            });
            try {
                return result.get(timeout.wallLimit().toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                worker.interrupt();
                throw new FunctionError("Sandbox.Timedout", Instant.now() + " " + context.getAwsRequestId()
                        + " " + timeout.message(), null);
            } catch (InterruptedException e) {
                worker.interrupt();
                Thread.currentThread().interrupt();
                throw new FunctionError("Sandbox.Interrupted", "The invocation was interrupted", null);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof FunctionError error ? error : FunctionError.of(e.getCause());
            }
        } catch (FunctionError e) {
            errors.incrementAndGet();
            throw e;
        } finally {
            running.decrementAndGet();
            long nanos = System.nanoTime() - began;
            busyNanos.addAndGet(nanos);
            meter(cpuNanos.get(), allocated.get(), newTrace);
            if (reserved != null) {
                reserved.release();
            }
        }
    }

    /**
     * What Lambda bills for the invocation: a request, and its duration rounded up to the millisecond. The duration
     * counted here is the CPU time the handler's thread used, stretched to the share of a vCPU the function's memory
     * buys ({@link LambdaCpu}): its wall time on two shared cores would mostly measure the other invocations. The
     * waits for the calls it made are added by the cost meter, call by call. Only a function with active tracing
     * starts a trace of its own; one with pass-through tracing is traced only when its caller was.
     */
    private void meter(long cpuNanos, long allocatedBytes, boolean newTrace) {
        long billedMillis = CPU_SHARE.billedMillis(cpuNanos, memory);
        cpuTotalNanos.addAndGet(cpuNanos);
        allocatedMax.accumulateAndGet(allocatedBytes, Math::max);
        usage.add(BillableUnit.LAMBDA_REQUESTS);
        usage.add(BillableUnit.LAMBDA_GB_SECONDS, memory / 1024.0 * billedMillis / 1000.0);
        if (newTrace && activeTracing) {
            usage.add(BillableUnit.XRAY_TRACES);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private byte[] handle(byte[] payload, Context context) throws IOException {
        if (handler instanceof RequestStreamHandler stream) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            stream.handleRequest(new ByteArrayInputStream(payload), out, context);
            return out.toByteArray();
        }
        Object input = read(payload);
        Object output = ((RequestHandler) handler).handleRequest(input, context);
        return write(output);
    }

    private Object read(byte[] payload) throws IOException {
        if (inputType.getName().startsWith(EVENTS_PACKAGE)) {
            return serializer(inputType).fromJson(new ByteArrayInputStream(payload));
        }
        return Json.MAPPER.readValue(payload, inputType);
    }

    @SuppressWarnings("unchecked")
    private byte[] write(Object output) throws IOException {
        if (output == null) {
            return "null".getBytes();
        }
        if (outputType.getName().startsWith(EVENTS_PACKAGE)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ((PojoSerializer<Object>) serializer(outputType)).toJson(output, out);
            return out.toByteArray();
        }
        return Json.MAPPER.writeValueAsBytes(output);
    }

    private static PojoSerializer<?> serializer(Class<?> type) {
        return LambdaEventSerializers.serializerFor(type, LocalFunction.class.getClassLoader());
    }
}
