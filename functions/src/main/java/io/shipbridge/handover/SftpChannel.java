package io.shipbridge.handover;

import java.time.LocalDate;
import java.util.List;
import software.amazon.awssdk.services.transfer.TransferClient;
import software.amazon.awssdk.services.transfer.model.ConnectorFileTransferResult;
import software.amazon.awssdk.services.transfer.model.TransferTableStatus;

/**
 * Uploads the documents from the bucket to the carrier's SFTP server through an AWS Transfer Family SFTP connector,
 * which the seller sets up with the server's address, credentials and a role that reads the bucket. The connector
 * works on its own: the transfer's outcome is asked for later.
 */
final class SftpChannel implements ManifestChannel {
    private final TransferClient transfer;
    private final String connector;
    private final String directory;
    private final String bucket;

    SftpChannel(TransferClient transfer, String connector, String directory, String bucket) {
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
        return transfer.startFileTransfer(t -> t.connectorId(connector).remoteDirectoryPath(directory)
                .sendFilePaths(documents.stream().map(stored -> "/" + bucket + "/" + stored.key()).toList()))
                .transferId();
    }

    @Override
    public Progress progress(String reference) {
        List<ConnectorFileTransferResult> files = transfer.listFileTransferResultsPaginator(l -> l
                .connectorId(connector).transferId(reference)).stream()
                .flatMap(page -> page.fileTransferResults().stream()).toList();
        for (ConnectorFileTransferResult file : files) {
            if (file.statusCode() == TransferTableStatus.FAILED) {
                return new Progress(State.FAILED, file.filePath() + ": " + file.failureCode() + " "
                        + file.failureMessage());
            }
        }
        boolean done = !files.isEmpty() && files.stream()
                .allMatch(file -> file.statusCode() == TransferTableStatus.COMPLETED);
        return done ? Progress.DELIVERED : Progress.UNDER_WAY;
    }
}
