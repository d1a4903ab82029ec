package io.shipbridge.carrier.seur;

import io.shipbridge.carrier.Carrier;
import io.shipbridge.carrier.CarrierProfile;
import io.shipbridge.carrier.CarrierRejectedException;
import io.shipbridge.carrier.CreatedShipment;
import io.shipbridge.carrier.Label;
import io.shipbridge.carrier.LabelDocuments;
import io.shipbridge.carrier.ShipmentRequest;
import io.shipbridge.carrier.TrackingEvent;
import java.util.List;
import java.util.Optional;

/**
 * SEUR (Spain) through its REST API: the shipment's tracking number is the ECB of its first parcel, the expedition
 * code (for labels and cancelling) its carrier id. Tracking is by polling the extended tracking by ECB.
 */
final class SeurCarrier implements Carrier {
    private final SeurSettings settings;
    private final SeurClient client;

    SeurCarrier(SeurSettings settings, SeurClient client) {
        this.settings = settings;
        this.client = client;
    }

    @Override
    public CarrierProfile profile() {
        return settings.profile();
    }

    @Override
    public CreatedShipment createShipment(ShipmentRequest request) {
        SeurResponses.Created created = SeurResponses.created(client.send(new SeurClient.Call("create_shipment",
                request.reference(), "POST", SeurRequests.SHIPMENTS_PATH, null,
                SeurRequests.shipment(settings, request), false)).body());
        return CreatedShipment.of(created.ecbs().get(0), created.shipmentCode());
    }

    @Override
    public Optional<CreatedShipment> findShipment(String reference) {
        List<CreatedShipment> found = SeurResponses.byReference(client.send(new SeurClient.Call("find_shipment",
                reference, "GET", SeurRequests.TRACKING_PATH,
                SeurRequests.trackingQuery(settings, reference, "REFERENCE"), null, true)).body());
        if (found.size() > 1) {
            throw new CarrierRejectedException(SeurModule.ID, "reference " + reference + " has " + found.size()
                    + " expeditions at SEUR: resolve by hand before shipping again", null);
        }
        return found.stream().findFirst();
    }

    @Override
    public Label label(CreatedShipment shipment, String orderId) {
        List<byte[]> parts = SeurResponses.labels(client.send(new SeurClient.Call("get_label", orderId, "GET",
                SeurRequests.LABELS_PATH, SeurRequests.labelsQuery(shipment.carrierShipmentId(),
                        settings.labelFormat()), null, true)).body(), settings.labelFormat());
        return LabelDocuments.combine(SeurModule.ID, settings.labelFormat(), parts);
    }

    @Override
    public List<TrackingEvent> track(String trackingNumber) {
        return SeurResponses.events(client.send(new SeurClient.Call("track", null, "GET", SeurRequests.TRACKING_PATH,
                SeurRequests.trackingQuery(settings, trackingNumber, "ECB"), null, true)).body(), trackingNumber);
    }

    @Override
    public boolean canCancel() {
        return true;
    }

    @Override
    public void cancel(CreatedShipment shipment, String orderId) {
        var answer = client.send(new SeurClient.Call("cancel_shipment", orderId, "POST", SeurRequests.CANCEL_PATH, null,
                SeurRequests.cancel(shipment.carrierShipmentId()), true));
        SeurResponses.cancelled(answer.status(), answer.body(), shipment.carrierShipmentId());
    }
}
