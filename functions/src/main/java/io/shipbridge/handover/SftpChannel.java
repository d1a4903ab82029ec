package io.shipbridge.handover;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shipbridge.aws.SignedJsonApi;
import io.shipbridge.config.Json;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Uploads the documents from the bucket to the carrier's SFTP server through an AWS Transfer Family SFTP connector,
 * which the seller sets up with the server's address, credentials and a role that reads the bucket. The connector
 * works on its own: the transfer's outcome is asked for later. Transfer Family's {@code StartFileTransfer} and
 * {@code ListFileTransferResults}, in the JSON the SDK's {@code TransferClient} sends.
 */
final class SftpChannel implements ManifestChannel {
    private final SignedJsonApi transfer;
    private final String connector;
    private final String directory;
    private final String bucket;

    SftpChannel(SignedJsonApi transfer, String connector, String directory, String bucket) {
        this.transfer = transfer;
        this.connector = connector;
        this.directory = directory;
        this.bucket = bucket;
    }

    @Override
    public String name() {
        return "sftp";
    }

    @Override
    public String send(String carrier, LocalDate day, List<StoredDocument> documents) {
        ObjectNode request = Json.MAPPER.createObjectNode().put("ConnectorId", connector)
                .put("RemoteDirectoryPath", directory);
        documents.forEach(stored -> request.withArray("SendFilePaths").add("/" + bucket + "/" + stored.key()));
        return transfer.call("StartFileTransfer", "/", request).path("TransferId").asText();
    }

    @Override
    public Progress progress(String reference) {
        List<JsonNode> files = new ArrayList<>();
        String next = null;
        do {
            ObjectNode request = Json.MAPPER.createObjectNode().put("ConnectorId", connector)
                    .put("TransferId", reference);
            if (next != null) {
                request.put("NextToken", next);
            }
            JsonNode page = transfer.call("ListFileTransferResults", "/", request);
            page.path("FileTransferResults").forEach(files::add);
            next = page.path("NextToken").asText(null);
        } while (next != null && !next.isEmpty());
        for (JsonNode file : files) {
            if (file.path("StatusCode").asText().equals("FAILED")) {
                return new Progress(State.FAILED, file.path("FilePath").asText() + ": "
                        + file.path("FailureCode").asText() + " " + file.path("FailureMessage").asText());
            }
        }
        boolean done = !files.isEmpty() && files.stream()
                .allMatch(file -> file.path("StatusCode").asText().equals("COMPLETED"));
        return done ? Progress.DELIVERED : Progress.UNDER_WAY;
    }
}
