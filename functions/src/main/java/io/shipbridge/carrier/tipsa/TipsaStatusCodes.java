package io.shipbridge.carrier.tipsa;

import io.shipbridge.carrier.TrackingStatus;
import java.util.Map;

/**
 * TIPSA's shipment state codes ({@code V_COD_TIPO_EST}) in the common vocabulary. The table is the one public TIPSA
 * integrations agree on (TIPSA publishes none): 0 is the state a shipment has once recorded, before pickup.
 */
public final class TipsaStatusCodes {
    private static final Map<String, TrackingStatus> STATUSES = Map.ofEntries(
            Map.entry("0", TrackingStatus.PENDING),            // Documentado
            Map.entry("1", TrackingStatus.IN_TRANSIT),         // Tránsito
            Map.entry("2", TrackingStatus.OUT_FOR_DELIVERY),   // Reparto
            Map.entry("3", TrackingStatus.DELIVERED),          // Entregado
            Map.entry("4", TrackingStatus.ON_HOLD),            // Incidencia
            Map.entry("5", TrackingStatus.RETURN_TO_SENDER),   // Devuelto
            Map.entry("6", TrackingStatus.ON_HOLD),            // Falta de expedición
            Map.entry("7", TrackingStatus.IN_TRANSIT),         // Recanalizado
            Map.entry("9", TrackingStatus.ON_HOLD),            // Falta de expedición administrativa
            Map.entry("10", TrackingStatus.DELIVERY_FAILED),   // Destruido
            Map.entry("14", TrackingStatus.READY_FOR_PICKUP),  // Disponible en punto de recogida
            Map.entry("15", TrackingStatus.DELIVERED));        // Entrega parcial

    private static final Map<String, String> DESCRIPTIONS = Map.ofEntries(
            Map.entry("0", "Documentado"), Map.entry("1", "Tránsito"), Map.entry("2", "Reparto"),
            Map.entry("3", "Entregado"), Map.entry("4", "Incidencia"), Map.entry("5", "Devuelto"),
            Map.entry("6", "Falta de expedición"), Map.entry("7", "Recanalizado"),
            Map.entry("9", "Falta de expedición administrativa"), Map.entry("10", "Destruido"),
            Map.entry("14", "Disponible"), Map.entry("15", "Entrega parcial"));

    private TipsaStatusCodes() {
    }

    public static TrackingStatus statusOf(String code) {
        return code == null ? TrackingStatus.UNKNOWN : STATUSES.getOrDefault(code.trim(), TrackingStatus.UNKNOWN);
    }

    public static String describe(String code) {
        return code == null ? null : DESCRIPTIONS.get(code.trim());
    }
}
