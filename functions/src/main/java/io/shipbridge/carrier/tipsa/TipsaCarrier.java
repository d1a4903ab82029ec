package io.shipbridge.carrier.tipsa;

import io.shipbridge.carrier.Carrier;
import io.shipbridge.carrier.CarrierHttp;
import io.shipbridge.carrier.CarrierProfile;
import io.shipbridge.carrier.CarrierRejectedException;
import io.shipbridge.carrier.CarrierUnavailableException;
import io.shipbridge.carrier.CreatedShipment;
import io.shipbridge.carrier.Label;
import io.shipbridge.carrier.ShipmentRequest;
import io.shipbridge.carrier.TrackingEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * TIPSA (TIPS@, Spain), through its SOAP web services: a login gives a session id that every call carries in the
 * {@code ROClientIDHeader}; sessions last about 15 minutes, so one is reused for 10 and renewed when TIPSA says it
 * expired. Tracking is by polling.
 */
final class TipsaCarrier implements Carrier {
    private static final Duration SESSION_REUSE = Duration.ofMinutes(10);

    private final TipsaSettings settings;
    private final TipsaSoapClient soap;
    private final Clock clock;
    private String session;
    private Instant sessionSince;

    TipsaCarrier(TipsaSettings settings, CarrierHttp http, Clock clock) {
        this.settings = settings;
        this.soap = new TipsaSoapClient(settings, http);
        this.clock = clock;
    }

    @Override
    public CarrierProfile profile() {
        return settings.profile();
    }

    @Override
    public CreatedShipment createShipment(ShipmentRequest request) {
        TipsaResponses.Created created = withSession(session -> TipsaResponses.created(soap.call(
                TipsaRequests.WEB_SERVICE, "create_shipment", request.reference(),
                TipsaRequests.createShipment(session, settings, request), false)));
        return CreatedShipment.of(created.albaran(), created.guid());
    }

    @Override
    public Optional<CreatedShipment> findShipment(String reference) {
        List<String> albaranes = withSession(session -> TipsaResponses.albaranesByReference(soap.call(
                TipsaRequests.WEB_SERVICE, "find_shipment", reference,
                TipsaRequests.findByReference(session, reference), true)));
        if (albaranes.size() > 1) {
            throw new CarrierRejectedException(TipsaModule.ID, "reference " + reference + " has " + albaranes.size()
                    + " shipments at TIPSA (" + albaranes + "): resolve by hand before shipping again", null);
        }
        return albaranes.stream().findFirst().map(albaran -> CreatedShipment.of(albaran, null));
    }

    @Override
    public Label label(CreatedShipment shipment, String orderId) {
        byte[] content = withSession(session -> TipsaResponses.label(soap.call(TipsaRequests.WEB_SERVICE,
                "get_label", orderId, TipsaRequests.label(session, settings, shipment.trackingNumber()), true)));
        return new Label(settings.labelFormat(), content);
    }

    @Override
    public List<TrackingEvent> track(String trackingNumber) {
        return withSession(session -> TipsaResponses.events(soap.call(TipsaRequests.WEB_SERVICE, "track", null,
                TipsaRequests.tracking(session, settings, trackingNumber), true), trackingNumber));
    }

    @Override
    public boolean canCancel() {
        return true;
    }

    @Override
    public void cancel(CreatedShipment shipment, String orderId) {
        String albaran = shipment.trackingNumber();
        int code = withSession(session -> TipsaResponses.cancelCode(soap.call(TipsaRequests.WEB_SERVICE,
                "cancel_shipment", orderId, TipsaRequests.cancel(session, settings, albaran), true)));
        if (code != 0 && code != 1) { // 1: not found, nothing left to cancel
            throw new CarrierRejectedException(TipsaModule.ID, "TIPSA refused to cancel " + albaran
                    + " (intCodErrorOut=" + code + "): it may already be picked up", null);
        }
    }

    private <T> T withSession(Function<String, T> call) {
        try {
            return call.apply(session());
        } catch (CarrierRejectedException e) {
            if (!TipsaResponses.isSessionFault(e)) {
                throw e;
            }
            forgetSession();
            try {
                return call.apply(session());
            } catch (CarrierRejectedException again) {
                if (!TipsaResponses.isSessionFault(again)) {
                    throw again;
                }
                // A session refused right after logging in is TIPSA misbehaving, not a refusal of the shipment:
                // a passing fault, for the step's retries and the order's recovery.
                forgetSession();
                throw new CarrierUnavailableException(TipsaModule.ID, "session refused right after a fresh login: "
                        + again.getMessage(), again);
            }
        }
    }

    private synchronized String session() {
        Instant now = clock.instant();
        if (session == null || sessionSince.plus(SESSION_REUSE).isBefore(now)) {
            session = TipsaResponses.sessionId(soap.call(TipsaRequests.LOGIN_SERVICE, "login", null,
                    TipsaRequests.login(settings), true));
            sessionSince = now;
        }
        return session;
    }

    private synchronized void forgetSession() {
        session = null;
    }
}
