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
