package io.shipbridge.local.bench;

import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import io.shipbridge.config.Json;
import io.shipbridge.local.cloud.OfflineCloud;
import io.shipbridge.standins.CloudFormationTemplate;
import io.shipbridge.standins.LambdaContext;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures what a cold start costs: for each function of the template, fresh JVMs (one per run) load the deployed
 * jar, build the handler and answer its sample event against the offline cloud's stand-ins and simulators, traced as
 * in Lambda with active tracing; then again with the SnapStart hooks run between init and the first request
 * (priming), where the first invocation is what a restored function's first request costs beyond the restore itself.
 * Every answer must be a success (no exception, no 4xx/5xx, no failed batch item): so every function is known to run
 * from the jar alone. In the same run, with the same JVM and options, a hello-world function's jar: the floor.
 * The template's JAVA_TOOL_OPTIONS apply, as in Lambda; the JDK is the one running this (Lambda's java21 differs:
 * compare runs of one machine and JDK with each other, not with Lambda's figures).
 */
public final class ColdStartBenchmark {
    private static final Pattern RESULT = Pattern.compile(
            "FIRST_INVOCATION main=(\\d+) built=(\\d+) first=(\\d+) second=(\\d+) cpu=(-?\\d+) response=(.*)");
    private static final String FLOOR = "HelloWorldFloor";

    /** A function and the event its fresh JVMs answer, made anew for each (a webhook is signed for each). */
    record Target(String functionId, String handlerClass, EventSource event) {
    }

    interface EventSource {
        byte[] next() throws IOException;
    }

    /** One fresh JVM's figures, in milliseconds from its start. */
    public record Run(String functionId, boolean primed, long main, long built, long firstResponse,
                      long secondInvocation, long cpuAtFirstResponse, long processWall, String response) {

        /** The first invocation alone: from the handler built (and, with a snapshot, primed and restored). */
        public long firstInvocation() {
            return firstResponse - built;
        }
    }

    /** Medians of a function's runs, cold and primed. */
    public record FunctionFigures(String function, long coldFirstResponseMs, long primedFirstInvocationMs,
                                  long coldHandlerBuiltMs, long coldFirstInvocationMs, long primedHandlerBuiltMs,
                                  long coldSecondInvocationMs, long coldCpuAtFirstResponseMs, double coldToFloor) {
    }

    /** What a run of the benchmark found; its JSON is {@code coldstart --report-json}'s. */
    public record Report(long jarBytes, String jar, String java, String javaToolOptions, int runs,
                         long floorFirstResponseMs, long floorCpuAtFirstResponseMs, long floorJarBytes, List<FunctionFigures> functions,
                         List<Run> allRuns) {

        public void write(Path file) throws IOException {
            Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), this);
        }
    }

    private final OfflineCloud cloud;
    private final Path jar;
    private final String extraJvmOptions;
    private final boolean cold;

    public ColdStartBenchmark(OfflineCloud cloud, Path jar) {
        this(cloud, jar, "");
    }

    /** With {@code extraJvmOptions} after the template's JAVA_TOOL_OPTIONS, for the functions and the floor alike. */
    public ColdStartBenchmark(OfflineCloud cloud, Path jar, String extraJvmOptions) {
        this(cloud, jar, extraJvmOptions, true);
    }

    private ColdStartBenchmark(OfflineCloud cloud, Path jar, String extraJvmOptions, boolean cold) {
        this.cloud = cloud;
        this.jar = jar;
        this.extraJvmOptions = extraJvmOptions == null ? "" : extraJvmOptions.strip();
        this.cold = cold;
    }

    /**
     * The same without the cold runs: a primed run builds the handler as a cold one does, then primes it and answers
     * the same event, so it needs every class a cold run needs. Half the JVMs, for a check rather than figures.
     */
    public ColdStartBenchmark primedOnly() {
        return new ColdStartBenchmark(cloud, jar, extraJvmOptions, false);
    }

    /**
     * Runs {@code runs} fresh JVMs per function of {@code only} (every function of the template when empty), cold
     * and primed, and as many of the floor.
     */
    public Report run(int runs, List<String> only, long seed, PrintStream out) throws IOException,
            InterruptedException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No jar at " + jar + ": build it first (./mvnw -q -B -DskipTests package)");
        }
        BenchEvents events = BenchEvents.prepare(cloud, seed, out);
        List<Target> targets = new ArrayList<>();
        for (Map.Entry<String, String> function : handlers().entrySet()) {
            if (only.isEmpty() || only.contains(function.getKey())) {
                String handler = function.getValue();
                events.eventFor(handler); // a function without a sample event fails here, before any run
                targets.add(new Target(function.getKey(), handler, () -> events.eventFor(handler)));
            }
        }
        Path floorJar = FloorJar.write(Files.createTempDirectory("coldstart-floor"));
        Map<String, String> floorEnvironment = Map.of("JAVA_TOOL_OPTIONS", javaToolOptions());
        out.printf("Cold starts of %s (%.1f MB), %d fresh JVMs per function and mode; the floor: %s (%d bytes)%n",
                jar, Files.size(jar) / 1e6, runs, FloorHandler.class.getSimpleName(), Files.size(floorJar));

        List<Run> all = new ArrayList<>();
        List<Run> floor = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            // The floor's runs spread among the functions' so both meet the same load of the machine.
            floor.add(print(out, once(floorJar, new Target(FLOOR, FloorHandler.class.getName(),
                    () -> "{\"name\":\"floor\"}".getBytes(StandardCharsets.UTF_8)), false, floorEnvironment)));
            for (Target target : targets) {
                if (cold) {
                    all.add(print(out, once(jar, target, false, cloud.settingsOf(target.functionId()))));
                }
                all.add(print(out, once(jar, target, true, cloud.settingsOf(target.functionId()))));
            }
        }
        long floorMs = median(floor, Run::firstResponse);
        List<FunctionFigures> figures = new ArrayList<>();
        out.printf("%nMedians of %d runs (ms from JVM start; floor: first response %d ms, CPU %d ms)%n", runs, floorMs,
                median(floor, Run::cpuAtFirstResponse));
        out.printf("  %-28s %8s %8s %8s %8s %8s %8s %8s %7s%n", "function", "built", "1st inv", "1st resp", "cpu",
                "2nd inv", "primed", "p 1stinv", "x floor");
        for (Target target : targets) {
            List<Run> cold = all.stream().filter(r -> r.functionId().equals(target.functionId()) && !r.primed()).toList();
            List<Run> primed = all.stream().filter(r -> r.functionId().equals(target.functionId()) && r.primed()).toList();
            FunctionFigures f = new FunctionFigures(target.functionId(), median(cold, Run::firstResponse),
                    median(primed, Run::firstInvocation), median(cold, Run::built), median(cold, Run::firstInvocation),
                    median(primed, Run::built), median(cold, Run::secondInvocation),
                    median(cold, Run::cpuAtFirstResponse), Math.round(100.0 * median(cold, Run::firstResponse) / floorMs) / 100.0);
            figures.add(f);
            out.printf("  %-28s %8d %8d %8d %8d %8d %8d %8d %7.2f%n", f.function(), f.coldHandlerBuiltMs(),
                    f.coldFirstInvocationMs(), f.coldFirstResponseMs(), f.coldCpuAtFirstResponseMs(),
                    f.coldSecondInvocationMs(),
                    f.primedHandlerBuiltMs(), f.primedFirstInvocationMs(), f.coldToFloor());
        }
        all.addAll(floor);
        return new Report(Files.size(jar), jar.toString(), Runtime.version().toString(),
                (javaToolOptions() + " " + extraJvmOptions).strip(), runs,
                floorMs, median(floor, Run::cpuAtFirstResponse), Files.size(floorJar), figures, all);
    }

    /** Every function of the template and its handler class. */
    private Map<String, String> handlers() {
        CloudFormationTemplate template = CloudFormationTemplate.read(cloud.templateDirectory()
                .resolve("template.yaml"));
        Map<String, String> handlers = new LinkedHashMap<>();
        for (CloudFormationTemplate.Resource function : template.ofType("AWS::Serverless::Function")) {
            String handler = function.properties().path("Handler").asText();
            handlers.put(function.logicalId(), handler.contains("::") ? handler.substring(0, handler.indexOf("::"))
                    : handler);
        }
        return handlers;
    }

    /** The JVM options the template gives every function (Globals). */
    private String javaToolOptions() {
        return handlers().keySet().stream().map(id -> cloud.settingsOf(id).get("JAVA_TOOL_OPTIONS"))
                .filter(o -> o != null).findFirst().orElse("");
    }

    private static Run print(PrintStream out, Run run) {
        out.printf("  %-28s %-6s built %5d ms  first response %5d ms (invocation %4d ms, CPU %5d ms)  second %4d ms"
                + " -> %s%n", run.functionId(), run.primed() ? "primed" : "cold", run.built(), run.firstResponse(),
                run.firstInvocation(), run.cpuAtFirstResponse(), run.secondInvocation(), run.response().length() > 90
                        ? run.response().substring(0, 90) : run.response());
        return run;
    }

    private Run once(Path code, Target target, boolean snapshot, Map<String, String> settings) throws IOException,
            InterruptedException {
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-cp", classPath(code),
                FirstInvocation.class.getName(), target.handlerClass()));
        if (snapshot) {
            command.add("--snapshot");
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(settings);
        if (!extraJvmOptions.isEmpty()) {
            builder.environment().merge("JAVA_TOOL_OPTIONS", extraJvmOptions, (template, extra) -> template + " " + extra);
        }
        builder.environment().put("AWS_ACCESS_KEY_ID", "local");
        builder.environment().put("AWS_SECRET_ACCESS_KEY", "local");
        builder.environment().put("shipbridge.log.file", "/dev/null");
        // As Lambda runs a function with active tracing (template.yaml): the X-Ray daemon's address, the trace
        // header of the invocation, and the marker by which the X-Ray SDK knows it runs in Lambda. Segments go to
        // a UDP port nothing listens on.
        builder.environment().put("AWS_XRAY_DAEMON_ADDRESS", "127.0.0.1:2000");
        builder.environment().put("LAMBDA_TASK_ROOT", System.getProperty("java.io.tmpdir"));
        builder.environment().put("_X_AMZN_TRACE_ID",
                "Root=1-67890abc-0123456789abcdef01234567;Parent=53995c3f42cd8ad8;Sampled=1");
        byte[] event = target.event().next();
        long started = System.nanoTime();
        Process process = builder.start();
        process.getOutputStream().write(event);
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        long wall = (System.nanoTime() - started) / 1_000_000;
        Matcher matcher = RESULT.matcher(output);
        if (exit != 0 || !matcher.find()) {
            throw new IllegalStateException(target.functionId() + " did not answer (exit " + exit + "): " + output);
        }
        String response = matcher.group(6);
        String failure = failureIn(response);
        if (failure != null) {
            throw new IllegalStateException(target.functionId() + " answered with a failure (" + failure + "): "
                    + response);
        }
        return new Run(target.functionId(), snapshot, Long.parseLong(matcher.group(1)),
                Long.parseLong(matcher.group(2)), Long.parseLong(matcher.group(3)), Long.parseLong(matcher.group(4)),
                Long.parseLong(matcher.group(5)), wall, response);
    }

    /** What makes an answer a failure: an HTTP error status, a failed batch item; null for a success. */
    static String failureIn(String response) {
        JsonNode answer;
        try {
            answer = Json.MAPPER.readTree(response);
        } catch (IOException notJson) {
            return "not JSON";
        }
        if (answer.path("statusCode").asInt(200) >= 400) {
            return "status " + answer.path("statusCode").asInt();
        }
        if (answer.path("batchItemFailures").size() > 0) {
            return answer.path("batchItemFailures").size() + " failed batch items";
        }
        return null;
    }

    /** The code's jar, Lambda's event serializers and the Lambda context: what the runtime itself provides. */
    private static String classPath(Path code) {
        return String.join(File.pathSeparator, code.toString(), codeSource(FirstInvocation.class),
                codeSource(LambdaEventSerializers.class), codeSource(LambdaContext.class));
    }

    private static String codeSource(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static long median(List<Run> runs, ToLongFunction<Run> figure) {
        long[] values = runs.stream().mapToLong(figure).sorted().toArray();
        return values.length == 0 ? 0 : values[values.length / 2];
    }
}
