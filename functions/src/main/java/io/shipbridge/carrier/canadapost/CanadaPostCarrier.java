package io.shipbridge.carrier.canadapost;

import io.shipbridge.carrier.Carrier;
import io.shipbridge.carrier.CarrierHttp;
import io.shipbridge.carrier.CarrierProfile;
import io.shipbridge.carrier.CarrierRejectedException;
import io.shipbridge.carrier.CreatedShipment;
import io.shipbridge.carrier.DailyHandover;
import io.shipbridge.carrier.Label;
import io.shipbridge.carrier.LabelFormat;
import io.shipbridge.carrier.ShipmentRequest;
import io.shipbridge.carrier.TrackingEvent;
import io.shipbridge.carrier.canadapost.CanadaPostClient.Call;
import io.shipbridge.carrier.canadapost.CanadaPostResponses.ShipmentInfo;
import io.shipbridge.http.PathSegment;
import java.net.URI;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * Canada Post through its REST web services. Contract shipping: each shipment is created in the group of its
 * hand-over day with our reference as {@code customer-request-id} (found again by it after a lost answer), its label
 * fetched from the artifact link as the raw PDF or ZPL, voided while not transmitted, and the day's groups
 * transmitted at the cut-off (see {@link CanadaPostHandover}). Non-contract mode ({@code ncshipment}) has no group,
 * no manifest and no void. Tracking is by polling the PIN's detail.
 */
final class CanadaPostCarrier implements Carrier {
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("uuuuMMddHHmm");

    private final CanadaPostSettings settings;
    private final CanadaPostClient client;
    private final Clock clock;

    CanadaPostCarrier(CanadaPostSettings settings, CanadaPostClient client, Clock clock) {
        this.settings = settings;
        this.client = client;
        this.clock = clock;
    }

    @Override
    public CarrierProfile profile() {
        return settings.profile();
    }

    @Override
    public CreatedShipment createShipment(ShipmentRequest request) {
        Call call = settings.contract()
                ? new Call("create_shipment", request.reference(), "POST", settings.contractRoot() + "/shipment",
                        CanadaPostRequests.SHIPMENT_MEDIA, CanadaPostRequests.shipment(settings, request), false)
                : new Call("create_shipment", request.reference(), "POST", ncRoot(),
                        CanadaPostRequests.NC_SHIPMENT_MEDIA, CanadaPostRequests.nonContractShipment(settings, request),
                        false);
        ShipmentInfo created = CanadaPostResponses.shipmentInfo(ok(call).body());
        if (created.trackingPin() == null) {
            throw new CarrierRejectedException(CanadaPostModule.ID, "shipment " + created.shipmentId()
                    + " was created without a tracking PIN", null);
        }
        Label label = created.label() == null ? null : artifact(created.label(), request.reference());
        return new CreatedShipment(created.trackingPin(), created.shipmentId(), label);
    }

    @Override
    public Optional<CreatedShipment> findShipment(String reference) {
        List<URI> found = settings.contract() ? CanadaPostResponses.shipmentLinks(ok(Call.get("find_shipment",
                reference, settings.contractRoot() + "/shipment?requestId="
                        + PathSegment.encode(CanadaPostRequests.requestId(reference)),
                CanadaPostRequests.SHIPMENT_MEDIA)).body()) : nonContractByReference(reference);
        if (found.size() > 1) {
            throw new CarrierRejectedException(CanadaPostModule.ID, "reference " + reference + " has " + found.size()
                    + " shipments at Canada Post: void the extra ones by hand before shipping again", null);
        }
        return found.stream().findFirst().map(link -> {
            ShipmentInfo info = shipmentInfo(link.toString(), reference);
            return CreatedShipment.of(info.trackingPin(), info.shipmentId());
        });
    }

    @Override
    public Label label(CreatedShipment shipment, String orderId) {
        ShipmentInfo info = shipmentInfo(shipmentPath(shipment.carrierShipmentId()), orderId);
        if (info.label() == null) {
            throw new CarrierRejectedException(CanadaPostModule.ID, "shipment " + shipment.carrierShipmentId()
                    + " has no label link", null);
        }
        return artifact(info.label(), orderId);
    }

    @Override
    public List<TrackingEvent> track(String trackingNumber) {
        CarrierHttp.Answer answer = client.send(Call.get("track", null, "/vis/track/pin/" + PathSegment.encode(trackingNumber) + "/detail",
                CanadaPostRequests.TRACK_MEDIA));
        if (!answer.isSuccess() && CanadaPostResponses.hasCode(CanadaPostResponses.messages(answer.body()),
                CanadaPostResponses.NO_PIN_HISTORY)) {
            return List.of();
        }
        return CanadaPostResponses.events(checked(answer, "track").body(), trackingNumber);
    }

    @Override
    public boolean canCancel() {
        return settings.contract();
    }

    /** Voids the shipment; once transmitted Canada Post refuses (8064) and only a refund request is left. */
    @Override
    public void cancel(CreatedShipment shipment, String orderId) {
        if (!settings.contract()) {
            throw new UnsupportedOperationException("Canada Post non-contract shipments cannot be voided");
        }
        CarrierHttp.Answer answer = client.send(new Call("void_shipment", orderId, "DELETE",
                shipmentPath(shipment.carrierShipmentId()), CanadaPostRequests.SHIPMENT_MEDIA, null, true));
        if (answer.isSuccess() || answer.status() == 404 && CanadaPostResponses.isMessages(answer.body())) {
            return;
        }
        if (CanadaPostResponses.hasCode(CanadaPostResponses.messages(answer.body()),
                CanadaPostResponses.TRANSMITTED_ALREADY)) {
            throw new CarrierRejectedException(CanadaPostModule.ID, "shipment " + shipment.carrierShipmentId()
                    + " was transmitted already: it can no longer be voided, request a refund instead", null);
        }
        throw CanadaPostResponses.failure("void_shipment", answer.status(), answer.body());
    }

    @Override
    public Optional<DailyHandover> dailyHandover() {
        return settings.contract() ? Optional.of(new CanadaPostHandover(settings, client, this::artifact))
                : Optional.empty();
    }

    private ShipmentInfo shipmentInfo(String target, String orderId) {
        return CanadaPostResponses.shipmentInfo(ok(Call.get("get_shipment", orderId, target,
                settings.contract() ? CanadaPostRequests.SHIPMENT_MEDIA : CanadaPostRequests.NC_SHIPMENT_MEDIA))
                .body());
    }

    /** A label or manifest document: raw bytes, fetched with the media type its link names. */
    Label artifact(CanadaPostResponses.Link link, String orderId) {
        String media = link.mediaType() == null || link.mediaType().isBlank()
                ? settings.labelFormat().contentType() : link.mediaType();
        LabelFormat format = media.contains("zpl") ? LabelFormat.ZPL : LabelFormat.PDF;
        CarrierHttp.Answer answer = ok(Call.get("get_artifact", orderId, link.href().toString(),
                format == LabelFormat.ZPL ? "application/zpl" : "application/pdf"));
        return new Label(format, answer.content());
    }

    /** Non-contract shipments cannot be searched by request id: the last two days' are read for our reference. */
    private List<URI> nonContractByReference(String reference) {
        String range = "?from=" + MINUTE.format(clock.instant().minusSeconds(2 * 86_400).atZone(
                java.time.ZoneOffset.UTC)) + "&to=" + MINUTE.format(clock.instant().plusSeconds(3_600)
                .atZone(java.time.ZoneOffset.UTC));
        return CanadaPostResponses.shipmentLinks(ok(Call.get("find_shipment", reference, ncRoot() + range,
                CanadaPostRequests.NC_SHIPMENT_MEDIA)).body()).stream()
                .filter(link -> reference.equals(CanadaPostResponses.detailsReference(ok(Call.get("get_shipment",
                        reference, link + "/details", CanadaPostRequests.NC_SHIPMENT_MEDIA)).body())))
                .toList();
    }

    private String shipmentPath(String shipmentId) {
        return settings.contract() ? settings.contractRoot() + "/shipment/" + PathSegment.encode(shipmentId)
                : ncRoot() + "/" + PathSegment.encode(shipmentId);
    }

    private String ncRoot() {
        return "/rs/" + settings.customerNumber() + "/ncshipment";
    }

    private CarrierHttp.Answer ok(Call call) {
        return checked(client.send(call), call.action());
    }

    private static CarrierHttp.Answer checked(CarrierHttp.Answer answer, String action) {
        if (!answer.isSuccess()) {
            throw CanadaPostResponses.failure(action, answer.status(), answer.body());
        }
        return answer;
    }
}
