package io.shipbridge.handover;

import io.shipbridge.carrier.DailyHandover.Document;
import java.time.LocalDate;
import java.util.List;

/** A way a day's hand-over documents reach a carrier that has no API: e-mail, an upload to its SFTP server. */
public interface ManifestChannel {

    /** {@code email} or {@code sftp}: the name its sendings are recorded under. */
    String name();

    /**
     * Sends the documents.
     *
     * @return the service's id of the sending, to ask later what became of it
     * @throws RuntimeException when the service refused or could not be reached: the sending is tried again later
     */
    String send(String carrier, LocalDate day, List<StoredDocument> documents);

    /** What became of a sending so far. */
    Progress progress(String reference);

    /** Whether the service's acceptance is all there is to know (e-mail), or its outcome comes later (a transfer). */
    default boolean deliveredOnceAccepted() {
        return false;
    }

    /** A document as kept in the bucket. */
    record StoredDocument(String key, Document document) {
    }

    /**
     * @param reason the service's words when it failed
     */
    record Progress(State state, String reason) {
        public static final Progress DELIVERED = new Progress(State.DELIVERED, null);
        public static final Progress UNDER_WAY = new Progress(State.UNDER_WAY, null);
    }

    enum State {
        UNDER_WAY, DELIVERED, FAILED
    }
}
