package io.shipbridge.standins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.shipbridge.standins.StandInServer.ServiceError;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The part of AWS Transfer Family Shipbridge uses, over its JSON 1.1 wire protocol: {@code StartFileTransfer} of an SFTP
 * connector sending files from S3 ({@code /bucket/key}) to a directory of the remote server, and
 * {@code ListFileTransferResults}. As with the real connector, the transfer runs after the call returns: each file
 * is {@code QUEUED}, then {@code COMPLETED}, or {@code FAILED} with a code and message when the file cannot be read
 * or the server refuses it.
 */
public final class TransferStandIn implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The remote SFTP server a connector reaches. */
    @FunctionalInterface
    public interface SftpServer {
        /** Stores a file; throws when the server refuses it or cannot be reached. */
        void put(String path, byte[] content) throws IOException;
    }

    /** Reads an S3 object, as the connector's access role does. */
    @FunctionalInterface
    public interface ObjectReader {
        byte[] read(String bucket, String key);
    }

    private record FileResult(String path, String status, String failureCode, String failureMessage) {
    }

    private final HttpServer server;
    private final ObjectReader objects;
    private final Map<String, SftpServer> connectors = new ConcurrentHashMap<>();
    private final Map<String, List<FileResult>> transfers = new ConcurrentHashMap<>();
    private int running;

    private TransferStandIn(ObjectReader objects) {
        this.objects = objects;
        this.server = StandInServer.start("transfer", 2, this::handle);
    }

    public static TransferStandIn start(ObjectReader objects) {
        return new TransferStandIn(objects);
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Waits until every transfer started so far has finished (a hang guard of {@code max}). */
    public synchronized void awaitIdle(java.time.Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (running > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new IllegalStateException(running + " transfers still running after " + max);
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    /** Creates an SFTP connector to a server, as the seller does once. */
    public void connector(String connectorId, SftpServer remote) {
        connectors.put(connectorId, remote);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            String operation = target == null ? "" : target.substring(target.indexOf('.') + 1);
            JsonNode request = JSON.readTree(exchange.getRequestBody());
            try {
                ObjectNode response = switch (operation) {
                    case "StartFileTransfer" -> start(request);
                    case "ListFileTransferResults" -> results(request);
                    default -> throw new ServiceError(400, "InvalidRequestException",
                            "The stand-in does not implement " + operation);
                };
                reply(exchange, 200, response);
            } catch (ServiceError e) {
                reply(exchange, e.status, JSON.createObjectNode().put("__type", e.type).put("Message",
                        e.getMessage()));
            }
        }
    }

    private ObjectNode start(JsonNode request) {
        String connectorId = request.path("ConnectorId").asText();
        SftpServer remote = connector(connectorId);
        List<String> paths = new ArrayList<>();
        request.path("SendFilePaths").forEach(path -> paths.add(path.asText()));
        if (paths.isEmpty() || paths.size() > 10) {
            throw new ServiceError(400, "InvalidRequestException", "SendFilePaths must list 1 to 10 files");
        }
        String directory = request.path("RemoteDirectoryPath").asText("/");
        String transferId = UUID.randomUUID().toString();
        transfers.put(transferId, paths.stream().map(path -> new FileResult(path, "QUEUED", null, null)).toList());
        synchronized (this) {
            running++;
        }
        Thread.ofVirtual().name("transfer-" + transferId).start(() -> {
            try {
                transfers.put(transferId, paths.stream().map(path -> send(remote, path, directory)).toList());
            } finally {
                synchronized (this) {
                    running--;
                    notifyAll();
                }
            }
        });
        return JSON.createObjectNode().put("TransferId", transferId);
    }

    private FileResult send(SftpServer remote, String path, String directory) {
        String[] parts = path.replaceFirst("^/", "").split("/", 2);
        byte[] content;
        try {
            content = objects.read(parts[0], parts[1]);
        } catch (RuntimeException e) {
            return new FileResult(path, "FAILED", "FILE_NOT_FOUND", "Could not read " + path + ": " + e.getMessage());
        }
        String name = path.substring(path.lastIndexOf('/') + 1);
        try {
            remote.put(directory.endsWith("/") ? directory + name : directory + "/" + name, content);
            return new FileResult(path, "COMPLETED", null, null);
        } catch (IOException | RuntimeException e) {
            return new FileResult(path, "FAILED", "SFTP_SERVER_ERROR", e.getMessage());
        }
    }

    private ObjectNode results(JsonNode request) {
        connector(request.path("ConnectorId").asText());
        List<FileResult> files = transfers.get(request.path("TransferId").asText());
        if (files == null) {
            throw new ServiceError(400, "ResourceNotFoundException", "Unknown transfer "
                    + request.path("TransferId").asText());
        }
        ObjectNode response = JSON.createObjectNode();
        ArrayNode results = response.putArray("FileTransferResults");
        for (FileResult file : files) {
            ObjectNode result = results.addObject().put("FilePath", file.path()).put("StatusCode", file.status());
            if (file.failureCode() != null) {
                result.put("FailureCode", file.failureCode()).put("FailureMessage", file.failureMessage());
            }
        }
        return response;
    }

    private SftpServer connector(String connectorId) {
        SftpServer remote = connectors.get(connectorId);
        if (remote == null) {
            throw new ServiceError(400, "ResourceNotFoundException", "Unknown connector " + connectorId);
        }
        return remote;
    }

    private static void reply(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        StandInServer.reply(exchange, status, "application/x-amz-json-1.1", JSON.writeValueAsBytes(body));
    }

    @Override
    public void close() {
        StandInServer.stop(server);
    }
}
