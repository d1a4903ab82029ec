package io.shipbridge.handover;

import io.shipbridge.carrier.Carrier;
import io.shipbridge.carrier.CarrierModule;
import io.shipbridge.carrier.Carriers;
import io.shipbridge.carrier.DailyHandover;
import io.shipbridge.carrier.DailyHandover.PendingShipment;
import io.shipbridge.operations.OperationRecord;
import io.shipbridge.operations.OperationStatus;
import io.shipbridge.operations.OperationsLog;
import io.shipbridge.storage.HandoverStore;
import io.shipbridge.storage.ManifestFiles;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Closes the day at every carrier that takes its shipments together at the cut-off, once per carrier and day
 * whatever fires the close and however often: the day is claimed first, the carrier hands over what waits (its own
 * close finds a hand-over whose answer was lost), its documents go to the bucket, and the shipments leave the list.
 * Between cut-offs, {@link #overdue} finds shipments a close missed, so they are flagged before the next cut-off.
 * A carrier without an API also gets the documents by e-mail or SFTP where it is set up ({@link ManifestDispatch}).
 */
public final class DayClosing {
    /** Longer than the close function may run: a claim older than this belongs to a run that died. */
    static final Duration CLAIM_LEASE = Duration.ofMinutes(15);
    /** A close is given this long after the cut-off (its retries included) before its shipments count as missed. */
    static final Duration GRACE = Duration.ofMinutes(30);

    private final Carriers carriers;
    private final HandoverStore store;
    private final ManifestFiles files;
    private final ManifestDispatch dispatch;
    private final OperationsLog operations;
    private final HandoverCalendar calendar;
    private final Clock clock;

    public DayClosing(Carriers carriers, HandoverStore store, ManifestFiles files, ManifestDispatch dispatch,
            OperationsLog operations, HandoverCalendar calendar, Clock clock) {
        this.carriers = carriers;
        this.store = store;
        this.files = files;
        this.dispatch = dispatch;
        this.operations = operations;
        this.calendar = calendar;
        this.clock = clock;
    }

    /**
     * One carrier's close of one day.
     *
     * @param outcome {@code closed}, {@code already closed}, {@code being closed by another run} or
     *                {@code nothing to hand over}
     * @param sent    what became of sending the documents to the carrier (e-mail, SFTP), where it takes them so
     */
    public record Closed(String carrier, LocalDate day, String outcome, int shipments, List<LocalDate> days,
            List<String> references, List<String> documentKeys, List<ManifestDispatch.Outcome> sent) {
    }

    /** Shipments of one carrier whose cut-off passed without them being handed over. */
    public record Overdue(String carrier, List<PendingShipment> shipments) {
    }

    /** The day of the cut-off that last passed. */
    public LocalDate lastCutoffDay() {
        return calendar.lastCutoffDay(clock.instant());
    }

    /** Closes {@code day} at every configured carrier that hands over daily. */
    public List<Closed> close(LocalDate day) {
        List<Closed> closed = new ArrayList<>();
        for (CarrierModule module : carriers.modules()) {
            Carrier carrier = carriers.get(module.id());
            carrier.dailyHandover().ifPresent(handover -> closed.add(close(carrier.id(), handover, day)));
        }
        return closed;
    }

    private Closed close(String carrier, DailyHandover handover, LocalDate day) {
        Optional<HandoverStore.Close> earlier = store.close(carrier, day);
        if (earlier.isPresent() && earlier.get().finished()) {
            HandoverStore.Close done = earlier.get();
            // A run that finished the close but died sending the documents left them to this one.
            return new Closed(carrier, day, "already closed", done.shipments(), List.of(), done.references(),
                    done.documentKeys(), dispatch.send(carrier, day, handover.recipients(), done.documentKeys(),
                            Map.of()));
        }
        Instant claimedAt = clock.instant();
        if (!store.claim(carrier, day, claimedAt, CLAIM_LEASE)) {
            return new Closed(carrier, day, "being closed by another run", 0, List.of(), List.of(), List.of(),
                    List.of());
        }
        List<PendingShipment> pending = store.pending(carrier, day);
        if (pending.isEmpty()) {
            store.finish(carrier, day, List.of(), List.of(), 0, clock.instant());
            record(carrier, OperationStatus.SKIPPED, "No shipment to hand over for " + day, Map.of("day", day));
            return new Closed(carrier, day, "nothing to hand over", 0, List.of(), List.of(), List.of(), List.of());
        }
        List<LocalDate> days = List.copyOf(new TreeSet<>(pending.stream().map(PendingShipment::day).toList()));
        DailyHandover.HandedOver handedOver;
        try {
            handedOver = handover.handOver(day, pending);
        } catch (RuntimeException e) {
            store.release(carrier, day, claimedAt);
            record(carrier, OperationStatus.ERROR, "Could not hand over " + pending.size() + " shipments of "
                    + days + ": " + e.getMessage(), Map.of("day", day, "shipments", pending.size()));
            throw e;
        }
        Map<String, DailyHandover.Document> stored = new LinkedHashMap<>();
        handedOver.documents().forEach(document -> stored.put(files.put(carrier, day, document), document));
        List<String> keys = List.copyOf(stored.keySet());
        store.finish(carrier, day, handedOver.references(), keys, pending.size(), clock.instant());
        store.handedOver(carrier, pending);
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("day", day);
        meta.put("shipments", pending.size());
        meta.put("days", days.toString());
        meta.put("references", String.join(" ", handedOver.references()));
        record(carrier, OperationStatus.OK, "Handed over " + pending.size() + " shipments of " + days
                + (handedOver.references().isEmpty() ? "" : " as " + String.join(", ", handedOver.references())),
                meta);
        return new Closed(carrier, day, "closed", pending.size(), days, handedOver.references(), keys,
                dispatch.send(carrier, day, handover.recipients(), keys, stored));
    }

    /** Follows up the sending of the last week's documents to carriers that take them by e-mail or SFTP. */
    public List<ManifestDispatch.Outcome> followUpSendings() {
        LocalDate today = calendar.lastCutoffDay(clock.instant());
        List<ManifestDispatch.Outcome> outcomes = new ArrayList<>();
        for (CarrierModule module : carriers.modules()) {
            Carrier carrier = carriers.get(module.id());
            carrier.dailyHandover().filter(handover -> !handover.recipients().equals(DailyHandover.Recipients.NONE))
                    .ifPresent(handover -> outcomes.addAll(dispatch.followUp(carrier.id(), handover.recipients(),
                            today)));
        }
        return outcomes;
    }

    /**
     * Shipments still waiting although the cut-off of their day passed (by more than {@link #GRACE}, time for the
     * close and its retries): a close failed or never ran. Each carrier with some is one warning row.
     */
    public List<Overdue> overdue() {
        Instant now = clock.instant();
        LocalDate lastClosed = calendar.lastCutoffDay(now.minus(GRACE));
        List<Overdue> overdue = new ArrayList<>();
        for (CarrierModule module : carriers.modules()) {
            Carrier carrier = carriers.get(module.id());
            if (carrier.dailyHandover().isEmpty()) {
                continue;
            }
            List<PendingShipment> late = store.pending(carrier.id(), lastClosed);
            if (!late.isEmpty()) {
                overdue.add(new Overdue(carrier.id(), late));
                record(carrier.id(), OperationStatus.ERROR, late.size() + " shipments were not handed over at"
                        + " their cut-off (oldest " + late.get(0).day() + ", order " + late.get(0).orderId()
                        + "): the next close takes them, or close the day by hand", Map.of("shipments", late.size()));
            }
        }
        return overdue;
    }

    private void record(String carrier, OperationStatus status, String message, Map<String, Object> meta) {
        operations.record(new OperationRecord(clock.instant(), "carrier", "close_day", null, carrier, status,
                message, meta));
    }
}
