package io.shipbridge.carrier.tipsa;

import static io.shipbridge.carrier.StatusCodes.entry;

import io.shipbridge.carrier.StatusCodes;
import io.shipbridge.carrier.TrackingStatus;
import java.util.Map;

/**
 * TIPSA's shipment state codes ({@code V_COD_TIPO_EST}) in the common vocabulary. The table is the one public TIPSA
 * integrations agree on (TIPSA publishes none): 0 is the state a shipment has once recorded, before pickup.
 */
public final class TipsaStatusCodes {
    public static final StatusCodes CODES = StatusCodes.of(Map.ofEntries(
            Map.entry("0", entry(TrackingStatus.PENDING, "Documentado")),
            Map.entry("1", entry(TrackingStatus.IN_TRANSIT, "Tránsito")),
            Map.entry("2", entry(TrackingStatus.OUT_FOR_DELIVERY, "Reparto")),
            Map.entry("3", entry(TrackingStatus.DELIVERED, "Entregado")),
            Map.entry("4", entry(TrackingStatus.ON_HOLD, "Incidencia")),
            Map.entry("5", entry(TrackingStatus.RETURN_TO_SENDER, "Devuelto")),
            Map.entry("6", entry(TrackingStatus.ON_HOLD, "Falta de expedición")),
            Map.entry("7", entry(TrackingStatus.IN_TRANSIT, "Recanalizado")),
            Map.entry("9", entry(TrackingStatus.ON_HOLD, "Falta de expedición administrativa")),
            Map.entry("10", entry(TrackingStatus.DELIVERY_FAILED, "Destruido")),
            Map.entry("14", entry(TrackingStatus.READY_FOR_PICKUP, "Disponible en punto de recogida")),
            Map.entry("15", entry(TrackingStatus.DELIVERED, "Entrega parcial"))));

    private TipsaStatusCodes() {
    }
}
