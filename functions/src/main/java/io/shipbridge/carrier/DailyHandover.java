package io.shipbridge.carrier;

import java.time.LocalDate;
import java.util.List;

/**
 * A carrier that takes the day's shipments over together at a cut-off: Canada Post's transmit (the manifest that
 * bills them and lets the driver collect them), a file carrier's list of parcels. Each shipment is created under its
 * hand-over day (the day of the next cut-off), which such a carrier may use to group them.
 */
public interface DailyHandover {

    /**
     * Hands over every shipment of these days the carrier has not received yet. Idempotent: a hand-over an earlier
     * call made whose answer was lost is found at the carrier and its documents returned, never made twice.
     *
     * @param day       the day being closed
     * @param shipments every shipment waiting to be handed over, of that day and of any earlier day a close missed
     */
    HandedOver handOver(LocalDate day, List<PendingShipment> shipments);

    /** Where the carrier takes its hand-over documents besides the seller's bucket: nowhere unless set up. */
    default Recipients recipients() {
        return Recipients.NONE;
    }

    /**
     * Where a carrier without an API receives the day's documents.
     *
     * @param emails       addresses the documents are e-mailed to (Amazon SES), none for no e-mail
     * @param sftpConnector the AWS Transfer Family SFTP connector that uploads them to the carrier's server, empty for
     *                      none
     * @param sftpDirectory the directory on that server
     */
    record Recipients(List<String> emails, String sftpConnector, String sftpDirectory) {
        public static final Recipients NONE = new Recipients(List.of(), "", "/");

        public Recipients {
            emails = List.copyOf(emails);
        }
    }

    /** A shipment created for hand-over on {@code day}. */
    record PendingShipment(String orderId, String trackingNumber, String carrierShipmentId, LocalDate day) {
    }

    /**
     * What the carrier gave back for a hand-over.
     *
     * @param references the carrier's ids of the hand-over (Canada Post's manifest numbers)
     * @param documents  the printable documents to keep (the manifest the driver signs)
     */
    record HandedOver(List<String> references, List<Document> documents) {
        public HandedOver {
            references = List.copyOf(references);
            documents = List.copyOf(documents);
        }
    }

    /** A document of a hand-over: its file name, media type and bytes. */
    record Document(String name, String contentType, byte[] content) {
    }
}
