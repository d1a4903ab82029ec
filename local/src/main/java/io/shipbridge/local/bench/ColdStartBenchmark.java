package io.shipbridge.local.bench;

import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shipbridge.config.Json;
import io.shipbridge.local.cloud.OfflineCloud;
import io.shipbridge.standins.LambdaContext;
import io.shipbridge.webhook.WebhookSignature;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures what a cold start costs: for each measured function, fresh JVMs (one per run) load the deployed jar,
 * build the handler and answer a sample event against the offline cloud's stand-ins and simulators, traced as in
 * Lambda with active tracing; then again with
 * the SnapStart hooks run between init and the first request (priming), where the first invocation is what a
 * restored function's first request costs beyond the restore itself. The template's
 * JAVA_TOOL_OPTIONS apply, as in Lambda; the JDK is the one running this (Lambda's java21 differs: compare runs of
 * one machine and JDK with each other, not with Lambda's figures).
 */
public final class ColdStartBenchmark {
    private static final Pattern RESULT = Pattern.compile(
            "FIRST_INVOCATION main=(\\d+) built=(\\d+) first=(\\d+) second=(\\d+) response=(.*)");

    /** A function and the event its fresh JVMs answer. */
    record Target(String functionId, String handlerClass, byte[] event) {
    }

    /** One fresh JVM's figures, in milliseconds from its start. */
    public record Run(String functionId, long main, long built, long firstResponse,
                      long secondInvocation, long processWall, String response) {

        /** The first invocation alone: from the handler built (and, with a snapshot, primed and restored). */
        long firstInvocation() {
            return firstResponse - built;
        }
    }

    private final OfflineCloud cloud;
    private final Path jar;

    public ColdStartBenchmark(OfflineCloud cloud, Path jar) {
        this.cloud = cloud;
        this.jar = jar;
    }

    public List<Run> run(int runs, PrintStream out) throws IOException, InterruptedException {
        List<Target> targets = List.of(
                new Target("FetchOrdersFunction", "io.shipbridge.handler.FetchOrdersHandler",
                        Files.readAllBytes(events().resolve("fetch-orders-schedule.json"))),
                new Target("CarrierWebhookFunction", "io.shipbridge.handler.CarrierWebhookHandler",
                        freshlySignedWebhook()));
        List<Run> results = new ArrayList<>();
        out.printf("Cold starts of %s (%.1f MB), %d fresh JVMs per function%n", jar, Files.size(jar) / 1e6, runs);
        for (Target target : targets) {
            for (boolean snapshot : new boolean[] {false, true}) {
                List<Run> mine = new ArrayList<>();
                for (int i = 0; i < runs; i++) {
                    Run run = once(target, snapshot);
                    mine.add(run);
                    out.printf("  %-24s %-9s built %5d ms  first response %5d ms (invocation %4d ms)  second %4d ms"
                            + " -> %s%n", run.functionId(), snapshot ? "snapshot" : "cold", run.built(),
                            run.firstResponse(), run.firstInvocation(), run.secondInvocation(), run.response());
                }
                results.addAll(mine);
                out.printf("  %-24s %-9s median: handler built%s %d ms, first response %d ms, first invocation %d ms,"
                        + " second %d ms%n", target.functionId(), snapshot ? "snapshot" : "cold",
                        snapshot ? " and primed" : "", median(mine, Run::built), median(mine, Run::firstResponse),
                        median(mine, Run::firstInvocation), median(mine, Run::secondInvocation));
            }
        }
        return results;
    }

    private Run once(Target target, boolean snapshot) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-cp", classPath(),
                FirstInvocation.class.getName(), target.handlerClass()));
        if (snapshot) {
            command.add("--snapshot");
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(cloud.settingsOf(target.functionId()));
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
        long started = System.nanoTime();
        Process process = builder.start();
        process.getOutputStream().write(target.event());
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        long wall = (System.nanoTime() - started) / 1_000_000;
        Matcher matcher = RESULT.matcher(output);
        if (exit != 0 || !matcher.find()) {
            throw new IllegalStateException(target.functionId() + " did not answer (exit " + exit + "): " + output);
        }
        return new Run(target.functionId(), Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2)),
                Long.parseLong(matcher.group(3)), Long.parseLong(matcher.group(4)), wall, matcher.group(5));
    }

    /** The deployed jar, Lambda's event serializers and the Lambda context: what the runtime itself provides. */
    private String classPath() {
        return String.join(File.pathSeparator, jar.toString(), codeSource(FirstInvocation.class),
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

    private Path events() {
        return cloud.templateDirectory().resolve("events");
    }

    /** The sample webhook, its body signed now with the offline cloud's secret, so it is accepted and queued. */
    private byte[] freshlySignedWebhook() throws IOException {
        ObjectNode event = (ObjectNode) Json.MAPPER.readTree(events().resolve("carrier-webhook.json").toFile());
        byte[] body = event.path("body").asText().getBytes(StandardCharsets.UTF_8);
        long now = Instant.now().getEpochSecond();
        String id = event.path("headers").path("webhook-id").asText();
        ObjectNode headers = (ObjectNode) event.path("headers");
        headers.put("webhook-timestamp", Long.toString(now));
        headers.put("webhook-signature", WebhookSignature.sign(Base64.getDecoder().decode(
                OfflineCloud.WEBHOOK_SECRET.substring("whsec_".length())), id, now, body));
        return Json.MAPPER.writeValueAsBytes(event);
    }

    private static long median(List<Run> runs, java.util.function.ToLongFunction<Run> figure) {
        long[] values = runs.stream().mapToLong(figure).sorted().toArray();
        return values[values.length / 2];
    }
}
