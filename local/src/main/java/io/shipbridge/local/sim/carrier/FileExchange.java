package io.shipbridge.local.sim.carrier;

import java.io.IOException;
import java.util.List;

/**
 * A carrier that takes files instead of calls: an SFTP server the seller's Transfer Family connector uploads to, and a
 * mailbox the seller's SES e-mails reach.
 */
public interface FileExchange {

    /** The id of the seller's SFTP connector to this carrier's server. */
    String sftpConnector();

    /** The address the carrier reads documents at. */
    String mailbox();

    /** A file arrives on the SFTP server; throws when the server refuses it. */
    void receiveFile(String path, byte[] content) throws IOException;

    /** A message arrives in the mailbox with these attachment names. */
    void receiveMail(String subject, List<String> attachments);

    /** Messages received so far. */
    int mails();

    /** Uploads the server refused so far. */
    int refusedUploads();

    /**
     * Drops now, in the seller's bucket, a status file of every scan since its last one, as its rounds do on their
     * own every half hour of simulated time: for runs on the wall clock, which cannot wait that long.
     */
    void reportScans();
}
