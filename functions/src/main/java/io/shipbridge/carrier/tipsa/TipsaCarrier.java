package io.shipbridge.carrier.tipsa;

import io.shipbridge.carrier.Carrier;
import io.shipbridge.carrier.CarrierProfile;
import io.shipbridge.carrier.CarrierRejectedException;
import io.shipbridge.carrier.CarrierWebhooks;
import io.shipbridge.carrier.CreatedShipment;
import io.shipbridge.carrier.Label;
import io.shipbridge.carrier.ShipmentRequest;
import io.shipbridge.carrier.TrackingEvent;
import io.shipbridge.http.HttpSender;
import io.shipbridge.operations.OperationsLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * TIPSA (TIPS@, Spain), through its SOAP web services: a login gives a session id that every call carries in the
 * {@code ROClientIDHeader}; sessions last about 15 minutes, so one is reused for 10 and renewed when TIPSA says it
 * expired. Tracking is by polling; TIPSA pushes nothing, so its webhook route takes the standard tracking webhook
 * with TIPSA's own state codes (for an aggregator that follows TIPSA shipments).
 */
public final class TipsaCarrier implements Carrier {
    public static final String ID = "tipsa";
    private static final Duration SESSION_REUSE = Duration.ofMinutes(10);

    private final TipsaSettings settings;
    private final TipsaSoapClient soap;
    private final Clock clock;
    private String session;
    private Instant sessionSince;

    public TipsaCarrier(TipsaSettings settings, HttpSender http, OperationsLog operations, Clock clock) {
        this.settings = settings;
        this.soap = new TipsaSoapClient(settings, http, operations, clock);
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
                TipsaRequests.createShipment(session, settings, request))));
        return new CreatedShipment(created.albaran(), created.guid(), label(created.albaran(), request.reference()));
    }

    @Override
    public Optional<CreatedShipment> findShipment(String reference) {
        List<String> albaranes = withSession(session -> TipsaResponses.albaranesByReference(soap.call(
                TipsaRequests.WEB_SERVICE, "find_shipment", reference,
                TipsaRequests.findByReference(session, reference))));
        if (albaranes.isEmpty()) {
            return Optional.empty();
        }
        if (albaranes.size() > 1) {
            throw new CarrierRejectedException(ID, "reference " + reference + " has " + albaranes.size()
                    + " shipments at TIPSA (" + albaranes + "): resolve by hand before shipping again", null);
        }
        String albaran = albaranes.get(0);
        return Optional.of(new CreatedShipment(albaran, null, label(albaran, reference)));
    }

    private Label label(String albaran, String orderId) {
        byte[] content = withSession(session -> TipsaResponses.label(soap.call(TipsaRequests.WEB_SERVICE,
                "get_label", orderId, TipsaRequests.label(session, settings, albaran))));
        return new Label(settings.labelFormat(), content);
    }

    @Override
    public List<TrackingEvent> track(String trackingNumber) {
        return withSession(session -> TipsaResponses.events(soap.call(TipsaRequests.WEB_SERVICE, "track", null,
                TipsaRequests.tracking(session, settings, trackingNumber)), trackingNumber));
    }

    @Override
    public boolean canCancel() {
        return true;
    }

    @Override
    public void cancel(String trackingNumber) {
        int code = withSession(session -> TipsaResponses.cancelCode(soap.call(TipsaRequests.WEB_SERVICE,
                "cancel_shipment", null, TipsaRequests.cancel(session, settings, trackingNumber))));
        if (code == 1) {
            return; // Not found: nothing left to cancel.
        }
        if (code != 0) {
            throw new CarrierRejectedException(ID, "TIPSA refused to cancel " + trackingNumber
                    + " (intCodErrorOut=" + code + "): it may already be picked up", null);
        }
    }

    @Override
    public List<TrackingEvent> parseWebhook(byte[] body) {
        return CarrierWebhooks.parserFor(ID).orElseThrow().apply(body);
    }

    private <T> T withSession(Function<String, T> call) {
        try {
            return call.apply(session());
        } catch (TipsaFaultException e) {
            if (!e.isSessionProblem()) {
                throw e;
            }
            forgetSession();
            return call.apply(session());
        }
    }

    private synchronized String session() {
        Instant now = clock.instant();
        if (session == null || sessionSince.plus(SESSION_REUSE).isBefore(now)) {
            session = TipsaResponses.sessionId(soap.call(TipsaRequests.LOGIN_SERVICE, "login", null,
                    TipsaRequests.login(settings)));
            sessionSince = now;
        }
        return session;
    }

    private synchronized void forgetSession() {
        session = null;
    }
}
