package io.shipbridge.carrier.correosexpress;

import io.shipbridge.carrier.Carrier;
import io.shipbridge.carrier.CarrierProfile;
import io.shipbridge.carrier.CreatedShipment;
import io.shipbridge.carrier.Label;
import io.shipbridge.carrier.LabelDocuments;
import io.shipbridge.carrier.ShipmentRequest;
import io.shipbridge.carrier.TrackingEvent;
import java.util.List;
import java.util.Optional;

/**
 * Correos Express (Spain): the shipment is recorded with its label inline; tracking by polling the shipment number
 * (or, to find a shipment again, our reference); no cancellation: CEX offers none, and bills only what is picked up.
 */
final class CorreosExpressCarrier implements Carrier {
    private final CorreosExpressSettings settings;
    private final CorreosExpressClient client;

    CorreosExpressCarrier(CorreosExpressSettings settings, CorreosExpressClient client) {
        this.settings = settings;
        this.client = client;
    }

    @Override
    public CarrierProfile profile() {
        return settings.profile();
    }

    @Override
    public CreatedShipment createShipment(ShipmentRequest request) {
        CorreosExpressResponses.Created created = CorreosExpressResponses.created(client.post("create_shipment",
                request.reference(), CorreosExpressRequests.CREATE_PATH,
                CorreosExpressRequests.shipment(settings, request), false), settings.labelFormat());
        Label label = created.labels().isEmpty() ? null
                : LabelDocuments.combine(CorreosExpressModule.ID, settings.labelFormat(), created.labels());
        return new CreatedShipment(created.shipmentNumber(), null, label);
    }

    @Override
    public Optional<CreatedShipment> findShipment(String reference) {
        return CorreosExpressResponses.shipmentNumber(client.post("find_shipment", reference,
                CorreosExpressRequests.TRACKING_PATH, CorreosExpressRequests.tracking(settings,
                        CorreosExpressRequests.reference(reference)), true)).map(number -> CreatedShipment.of(number,
                null));
    }

    @Override
    public Label label(CreatedShipment shipment, String orderId) {
        List<byte[]> labels = CorreosExpressResponses.reprinted(client.post("get_label", orderId,
                CorreosExpressRequests.LABEL_PATH, CorreosExpressRequests.label(settings, shipment.trackingNumber()),
                true), settings.labelFormat());
        return LabelDocuments.combine(CorreosExpressModule.ID, settings.labelFormat(), labels);
    }

    @Override
    public List<TrackingEvent> track(String trackingNumber) {
        return CorreosExpressResponses.events(client.post("track", null, CorreosExpressRequests.TRACKING_PATH,
                CorreosExpressRequests.tracking(settings, trackingNumber), true), trackingNumber);
    }

    @Override
    public boolean canCancel() {
        return false;
    }

    @Override
    public void cancel(CreatedShipment shipment, String orderId) {
        throw new UnsupportedOperationException("Correos Express offers no cancellation: void " + shipment
                .trackingNumber() + " by hand");
    }
}
