package io.shipbridge.local.states;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.shipbridge.config.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executors;

/**
 * The Step Functions API (AWS JSON 1.0 protocol: {@code POST /} with {@code X-Amz-Target: AWSStepFunctions.<Op>}) on
 * a loopback port, over the {@link StatesEngine}: the functions' own {@code SfnClient} talks to it as to AWS.
 */
public final class StepFunctionsServer implements AutoCloseable {
    private static final String CONTENT_TYPE = "application/x-amz-json-1.0";

    private final StatesEngine engine;
    private final HttpServer server;

    private StepFunctionsServer(StatesEngine engine, HttpServer server) {
        this.engine = engine;
        this.server = server;
    }

    public static StepFunctionsServer start(StatesEngine engine, int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            StepFunctionsServer api = new StepFunctionsServer(engine, server);
            server.createContext("/", api::handle);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return api;
        } catch (IOException e) {
            throw new IllegalStateException("The Step Functions endpoint could not listen on port " + port, e);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            String operation = target == null ? "" : target.substring(target.indexOf('.') + 1);
            JsonNode request;
            try {
                request = Json.MAPPER.readTree(exchange.getRequestBody().readAllBytes());
                if (request == null || request.isMissingNode()) {
                    request = Json.MAPPER.createObjectNode();
                }
            } catch (IOException e) {
                respond(exchange, 400, error("SerializationException", "Request body is not JSON"));
                return;
            }
            try {
                respond(exchange, 200, dispatch(operation, request));
            } catch (StatesApiException e) {
                respond(exchange, 400, error(e.type(), e.getMessage()));
            }
        }
    }

    private JsonNode dispatch(String operation, JsonNode request) {
        return switch (operation) {
            case "StartExecution" -> {
                Execution execution = engine.start(text(request, "stateMachineArn"), text(request, "name"),
                        text(request, "input"));
                yield object().put("executionArn", execution.arn()).put("startDate", seconds(execution.startDate()));
            }
            case "DescribeExecution" -> describe(engine.describe(text(request, "executionArn")));
            case "GetExecutionHistory" -> history(request);
            case "StopExecution" -> {
                engine.stop(text(request, "executionArn"), text(request, "error"), text(request, "cause"));
                yield object().put("stopDate", seconds(Instant.now()));
            }
            case "SendTaskSuccess" -> {
                engine.sendTaskSuccess(text(request, "taskToken"), text(request, "output"));
                yield object();
            }
            case "SendTaskFailure" -> {
                engine.sendTaskFailure(text(request, "taskToken"), text(request, "error"), text(request, "cause"));
                yield object();
            }
            case "SendTaskHeartbeat" -> {
                engine.sendTaskHeartbeat(text(request, "taskToken"));
                yield object();
            }
            case "ListExecutions" -> listExecutions(request);
            case "ListStateMachines" -> {
                ArrayNode machines = Json.MAPPER.createArrayNode();
                engine.stateMachines().forEach(m -> machines.addObject().put("stateMachineArn", m.arn())
                        .put("name", m.name()).put("type", "STANDARD").put("creationDate", 0));
                yield object().set("stateMachines", machines);
            }
            case "DescribeStateMachine" -> {
                StateMachine machine = engine.stateMachines().stream()
                        .filter(m -> m.arn().equals(text(request, "stateMachineArn"))).findFirst()
                        .orElseThrow(() -> new StatesApiException("StateMachineDoesNotExist",
                                "State Machine Does Not Exist"));
                yield object().put("stateMachineArn", machine.arn()).put("name", machine.name())
                        .put("status", "ACTIVE").put("definition", machine.definition().toString())
                        .put("type", "STANDARD").put("roleArn", "arn:aws:iam::000000000000:role/local")
                        .put("creationDate", 0);
            }
            default -> throw new StatesApiException("UnknownOperationException",
                    "The offline cloud does not offer Step Functions operation '" + operation + "'");
        };
    }

    private JsonNode describe(Execution execution) {
        ObjectNode description = object().put("executionArn", execution.arn())
                .put("stateMachineArn", execution.stateMachine().arn()).put("name", execution.name())
                .put("status", execution.status().name()).put("startDate", seconds(execution.startDate()))
                .put("input", execution.input());
        if (execution.stopDate() != null) {
            description.put("stopDate", seconds(execution.stopDate()));
        }
        StatesEngine.putIfPresent(description, "output", execution.output());
        StatesEngine.putIfPresent(description, "error", execution.error());
        StatesEngine.putIfPresent(description, "cause", execution.cause());
        return description;
    }

    private JsonNode history(JsonNode request) {
        List<ObjectNode> events = new ArrayList<>(engine.describe(text(request, "executionArn")).history());
        if (request.path("reverseOrder").asBoolean(false)) {
            events = events.reversed();
        }
        int start = request.hasNonNull("nextToken") ? Integer.parseInt(request.get("nextToken").asText()) : 0;
        int max = request.path("maxResults").asInt(0) <= 0 ? 1000 : request.get("maxResults").asInt();
        ObjectNode page = object();
        ArrayNode out = page.putArray("events");
        events.subList(Math.min(start, events.size()), Math.min(start + max, events.size())).forEach(out::add);
        if (start + max < events.size()) {
            page.put("nextToken", Integer.toString(start + max));
        }
        return page;
    }

    private JsonNode listExecutions(JsonNode request) {
        String machine = text(request, "stateMachineArn");
        String status = text(request, "statusFilter");
        List<Execution> matching = engine.executions().stream()
                .filter(e -> machine == null || e.stateMachine().arn().equals(machine))
                .filter(e -> status == null || e.status().name().equals(status))
                .sorted(Comparator.comparing(Execution::startDate).reversed()).toList();
        int start = request.hasNonNull("nextToken") ? Integer.parseInt(request.get("nextToken").asText()) : 0;
        int max = request.path("maxResults").asInt(0) <= 0 ? 100 : request.get("maxResults").asInt();
        ObjectNode page = object();
        ArrayNode out = page.putArray("executions");
        for (Execution execution : matching.subList(Math.min(start, matching.size()),
                Math.min(start + max, matching.size()))) {
            ObjectNode item = out.addObject().put("executionArn", execution.arn())
                    .put("stateMachineArn", execution.stateMachine().arn()).put("name", execution.name())
                    .put("status", execution.status().name()).put("startDate", seconds(execution.startDate()));
            if (execution.stopDate() != null) {
                item.put("stopDate", seconds(execution.stopDate()));
            }
        }
        if (start + max < matching.size()) {
            page.put("nextToken", Integer.toString(start + max));
        }
        return page;
    }

    private static ObjectNode error(String type, String message) {
        return object().put("__type", type).put("message", message);
    }

    private static void respond(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String text(JsonNode request, String field) {
        JsonNode value = request.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static double seconds(Instant instant) {
        return instant.toEpochMilli() / 1000.0;
    }

    private static ObjectNode object() {
        return Json.MAPPER.createObjectNode();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
