package io.shipbridge.standins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.shipbridge.standins.StandInServer.ServiceError;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The part of AWS Secrets Manager Shipbridge uses, over its JSON 1.1 wire protocol so the AWS SDK talks to it as to
 * AWS: CreateSecret, PutSecretValue and GetSecretValue of the AWSCURRENT version, secrets named by name or ARN.
 * Nothing on the package registry plays Secrets Manager in a JVM; this is the smallest faithful subset.
 */
public final class SecretsManagerStandIn implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Secret(String arn, String name, String value, String versionId, Instant created) {
    }

    private final HttpServer server;
    private final String region;
    private final String account;
    private final Map<String, Secret> byName = new ConcurrentHashMap<>();

    private SecretsManagerStandIn(String region, String account) {
        this.region = region;
        this.account = account;
        this.server = StandInServer.start("secrets", 4, this::handle);
    }

    public static SecretsManagerStandIn start(String region, String account) {
        return new SecretsManagerStandIn(region, account);
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            JsonNode request = JSON.readTree(exchange.getRequestBody());
            String operation = target == null ? "" : target.substring(target.indexOf('.') + 1);
            try {
                ObjectNode response = switch (operation) {
                    case "CreateSecret" -> create(request);
                    case "PutSecretValue" -> put(request);
                    case "GetSecretValue" -> get(request);
                    default -> throw new ServiceError(400, "InvalidRequestException",
                            "The stand-in does not implement " + operation);
                };
                reply(exchange, 200, response);
            } catch (ServiceError e) {
                reply(exchange, e.status, JSON.createObjectNode().put("__type", e.type).put("message",
                        e.getMessage()));
            }
        }
    }

    private ObjectNode create(JsonNode request) {
        String name = request.path("Name").asText();
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        Secret secret = new Secret("arn:aws:secretsmanager:" + region + ":" + account + ":secret:" + name + "-"
                + suffix, name, request.path("SecretString").asText(null), UUID.randomUUID().toString(),
                Instant.now());
        if (byName.putIfAbsent(name, secret) != null) {
            throw new ServiceError(400, "ResourceExistsException", "The secret " + name + " already exists.");
        }
        return identity(secret);
    }

    private ObjectNode put(JsonNode request) {
        Secret current = find(request.path("SecretId").asText());
        Secret updated = new Secret(current.arn(), current.name(), request.path("SecretString").asText(),
                UUID.randomUUID().toString(), Instant.now());
        byName.put(current.name(), updated);
        ObjectNode response = identity(updated);
        response.putArray("VersionStages").add("AWSCURRENT");
        return response;
    }

    private ObjectNode get(JsonNode request) {
        Secret secret = find(request.path("SecretId").asText());
        if (secret.value() == null) {
            throw new ServiceError(400, "ResourceNotFoundException",
                    "Secrets Manager can't find the specified secret value for staging label: AWSCURRENT");
        }
        ObjectNode response = identity(secret);
        response.put("SecretString", secret.value());
        response.putArray("VersionStages").add("AWSCURRENT");
        response.put("CreatedDate", secret.created().toEpochMilli() / 1000.0);
        return response;
    }

    private Secret find(String id) {
        Secret secret = byName.get(id);
        if (secret == null) {
            secret = byName.values().stream().filter(s -> s.arn().equals(id)).findFirst().orElse(null);
        }
        if (secret == null) {
            throw new ServiceError(400, "ResourceNotFoundException", "Secrets Manager can't find the specified secret.");
        }
        return secret;
    }

    private static ObjectNode identity(Secret secret) {
        return JSON.createObjectNode().put("ARN", secret.arn()).put("Name", secret.name())
                .put("VersionId", secret.versionId());
    }

    private static void reply(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        StandInServer.reply(exchange, status, "application/x-amz-json-1.1", JSON.writeValueAsBytes(body));
    }

    @Override
    public void close() {
        StandInServer.stop(server);
    }
}
