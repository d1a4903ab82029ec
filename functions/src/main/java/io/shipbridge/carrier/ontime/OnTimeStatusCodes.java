package io.shipbridge.carrier.ontime;

import static io.shipbridge.carrier.StatusCodes.entry;
import static io.shipbridge.carrier.TrackingStatus.CANCELLED;
import static io.shipbridge.carrier.TrackingStatus.DELIVERED;
import static io.shipbridge.carrier.TrackingStatus.DELIVERY_FAILED;
import static io.shipbridge.carrier.TrackingStatus.IN_TRANSIT;
import static io.shipbridge.carrier.TrackingStatus.ON_HOLD;
import static io.shipbridge.carrier.TrackingStatus.OUT_FOR_DELIVERY;
import static io.shipbridge.carrier.TrackingStatus.PENDING;
import static io.shipbridge.carrier.TrackingStatus.PICKED_UP;
import static io.shipbridge.carrier.TrackingStatus.READY_FOR_PICKUP;
import static io.shipbridge.carrier.TrackingStatus.RETURN_TO_SENDER;

import io.shipbridge.carrier.StatusCodes;
import java.util.Map;

/**
 * The status codes of OnTime's status files. OnTime publishes none: these are this project's, written down in the
 * README ("OnTime's files") for the seller to agree with OnTime, in Spanish as OnTime's staff writes them.
 */
final class OnTimeStatusCodes {
    static final StatusCodes CODES = StatusCodes.of(Map.ofEntries(
            Map.entry("DOC", entry(PENDING, "Documentado")),
            Map.entry("REC", entry(PICKED_UP, "Recogido")),
            Map.entry("TRA", entry(IN_TRANSIT, "En tránsito")),
            Map.entry("DEL", entry(IN_TRANSIT, "En delegación de destino")),
            Map.entry("REP", entry(OUT_FOR_DELIVERY, "En reparto")),
            Map.entry("ENT", entry(DELIVERED, "Entregado")),
            Map.entry("AUS", entry(DELIVERY_FAILED, "Ausente: aviso dejado")),
            Map.entry("INC", entry(ON_HOLD, "Incidencia")),
            Map.entry("PUN", entry(READY_FOR_PICKUP, "En punto de recogida")),
            Map.entry("DEV", entry(RETURN_TO_SENDER, "Devuelto al remitente")),
            Map.entry("ANU", entry(CANCELLED, "Anulado"))));

    private OnTimeStatusCodes() {
    }
}
