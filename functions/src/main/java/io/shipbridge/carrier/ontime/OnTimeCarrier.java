package io.shipbridge.carrier.ontime;

import io.shipbridge.carrier.Carrier;
import io.shipbridge.carrier.CarrierProfile;
import io.shipbridge.carrier.CarrierRejectedException;
import io.shipbridge.carrier.CreatedShipment;
import io.shipbridge.carrier.DailyHandover;
import io.shipbridge.carrier.Label;
import io.shipbridge.carrier.LabelFormat;
import io.shipbridge.carrier.ShipmentNumbering;
import io.shipbridge.carrier.ShipmentRequest;
import io.shipbridge.carrier.TrackingEvent;
import io.shipbridge.carrier.ShipperLabel;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * OnTime, a carrier without an API: Shipbridge gives each shipment the next number of the range OnTime assigned
 * (idempotently per order, so a retried step reuses it), prints the label itself, and hands the day's parcels over
 * as a manifest (CSV and PDF) at the cut-off. Tracking comes back as status files OnTime drops in the bucket, or as
 * webhooks where its system can push; nothing is polled. A shipment is cancelled by leaving it off the manifest,
 * which is possible until the manifest is made.
 */
final class OnTimeCarrier implements Carrier, DailyHandover {
    private final OnTimeSettings settings;
    private final ShipmentNumbering numbering;

    OnTimeCarrier(OnTimeSettings settings, ShipmentNumbering numbering) {
        this.settings = settings;
        this.numbering = numbering;
    }

    @Override
    public CarrierProfile profile() {
        return settings.profile();
    }

    @Override
    public CreatedShipment createShipment(ShipmentRequest request) {
        ManifestLine line = ManifestLine.of(request);
        ShipmentNumbering.Assigned assigned = numbering.assign(OnTimeModule.ID, request.reference(),
                settings.numbers(), line.json());
        if (assigned.cancelled()) {
            throw new CarrierRejectedException(OnTimeModule.ID, "shipment " + assigned.number() + " of "
                    + request.reference() + " was cancelled: it will not be handed over", null);
        }
        return new CreatedShipment(assigned.number(), null, label(assigned.number(),
                ManifestLine.read(assigned.details())));
    }

    @Override
    public Optional<CreatedShipment> findShipment(String reference) {
        return numbering.find(OnTimeModule.ID, reference).filter(assigned -> !assigned.cancelled())
                .map(assigned -> CreatedShipment.of(assigned.number(), null));
    }

    @Override
    public Label label(CreatedShipment shipment, String orderId) {
        ShipmentNumbering.Assigned assigned = numbering.find(OnTimeModule.ID, orderId).orElseThrow(() ->
                new CarrierRejectedException(OnTimeModule.ID, "no OnTime shipment number was given to " + orderId,
                        null));
        return label(assigned.number(), ManifestLine.read(assigned.details()));
    }

    /** OnTime is not polled: its events come as status files or webhooks. */
    @Override
    public List<TrackingEvent> track(String trackingNumber) {
        return List.of();
    }

    @Override
    public boolean canCancel() {
        return true;
    }

    /** Keeps the shipment off the manifest; once handed over, OnTime has it and it is voided by hand. */
    @Override
    public void cancel(CreatedShipment shipment, String orderId) {
        if (numbering.find(OnTimeModule.ID, orderId).map(ShipmentNumbering.Assigned::handedOver).orElse(false)) {
            throw new CarrierRejectedException(OnTimeModule.ID, "shipment " + shipment.trackingNumber()
                    + " was handed over to OnTime on a manifest already: ask OnTime to return it", null);
        }
        numbering.cancel(OnTimeModule.ID, orderId);
    }

    @Override
    public Optional<DailyHandover> dailyHandover() {
        return Optional.of(this);
    }

    @Override
    public HandedOver handOver(LocalDate day, List<PendingShipment> shipments) {
        List<ManifestLine.Numbered> lines = new ArrayList<>();
        List<String> references = new ArrayList<>();
        for (PendingShipment shipment : shipments) {
            numbering.find(OnTimeModule.ID, shipment.orderId()).filter(assigned -> !assigned.cancelled())
                    .ifPresent(assigned -> {
                        lines.add(new ManifestLine.Numbered(assigned.number(), ManifestLine.read(assigned.details())));
                        references.add(shipment.orderId());
                    });
        }
        // Recorded before the manifest leaves: a cancellation from now on is OnTime's to undo, by hand.
        references.forEach(reference -> numbering.handedOver(OnTimeModule.ID, reference));
        if (lines.isEmpty()) {
            return new HandedOver(List.of(), List.of());
        }
        String name = "manifest-" + settings.customerCode() + "-" + day;
        return new HandedOver(List.of(name), List.of(
                new Document(name + ".csv", "text/csv", OnTimeManifest.csv(day, settings.customerCode(), lines)),
                new Document(name + ".pdf", "application/pdf", OnTimeManifest.pdf(day, settings.customerCode(),
                        settings.shipFrom().name(), lines))));
    }

    @Override
    public Recipients recipients() {
        return settings.recipients();
    }

    private Label label(String number, ManifestLine line) {
        return new Label(LabelFormat.PDF, ShipperLabel.pdf(new ShipperLabel.Content("OnTime", number,
                settings.shipFrom(), line.recipient(), line.reference(), line.parcels(), line.weightKg(),
                line.shipDate())));
    }
}
