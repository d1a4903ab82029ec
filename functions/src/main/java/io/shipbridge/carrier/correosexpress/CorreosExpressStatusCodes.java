package io.shipbridge.carrier.correosexpress;

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
 * Correos Express shipment states ({@code codEstado}, 1 to 42) in the common vocabulary, as CEX names them and as its
 * own shop modules group them (1 recorded, 12 delivered, 17 returned, 19 cancelled, the rest on the way). 20 to 33
 * are the same steps at a partner carrier ("PROVEEDOR/...").
 */
final class CorreosExpressStatusCodes {
    static final StatusCodes CODES = StatusCodes.of(Map.ofEntries(
            Map.entry("1", entry(PENDING, "SIN RECEPCION")),
            Map.entry("2", entry(IN_TRANSIT, "EN ARRASTRE")),
            Map.entry("3", entry(IN_TRANSIT, "TRAMO ORIGEN")),
            Map.entry("4", entry(IN_TRANSIT, "TRANSITO")),
            Map.entry("5", entry(IN_TRANSIT, "MAL TRANSITADO")),
            Map.entry("6", entry(IN_TRANSIT, "DELEGACION DESTINO")),
            Map.entry("7", entry(IN_TRANSIT, "TRAMO DESTINO")),
            Map.entry("8", entry(OUT_FOR_DELIVERY, "EN REPARTO")),
            Map.entry("9", entry(DELIVERY_FAILED, "REPARTO FALLIDO")),
            Map.entry("10", entry(ON_HOLD, "ALMACEN ESTACIONADO")),
            Map.entry("11", entry(IN_TRANSIT, "NUEVO REPARTO")),
            Map.entry("12", entry(DELIVERED, "ENTREGADO")),
            Map.entry("13", entry(DELIVERY_FAILED, "NO LOCALIZADO")),
            Map.entry("14", entry(IN_TRANSIT, "REEXPEDIDO")),
            Map.entry("15", entry(ON_HOLD, "ALM. REGULADOR")),
            Map.entry("16", entry(DELIVERY_FAILED, "DESTRUIDO")),
            Map.entry("17", entry(RETURN_TO_SENDER, "DEVUELTO")),
            Map.entry("18", entry(IN_TRANSIT, "TRANSFERIDO PROVEEDOR")),
            Map.entry("19", entry(CANCELLED, "ANULADO")),
            Map.entry("20", entry(IN_TRANSIT, "PROVEEDOR/TRANSITO")),
            Map.entry("21", entry(IN_TRANSIT, "PROVEEDOR/DELEGACION")),
            Map.entry("22", entry(ON_HOLD, "PROVEEDOR/ESTACIONADO")),
            Map.entry("23", entry(OUT_FOR_DELIVERY, "PROVEEDOR/EN REPARTO")),
            Map.entry("24", entry(PENDING, "PROVEEDOR/SIN RECEPCION")),
            Map.entry("25", entry(IN_TRANSIT, "PROVEEDOR/ARRASTRE")),
            Map.entry("26", entry(IN_TRANSIT, "PROVEEDOR/MAL TRANSITADO")),
            Map.entry("27", entry(IN_TRANSIT, "PROVEEDOR/DELEGACION ORIGEN")),
            Map.entry("28", entry(IN_TRANSIT, "PROVEEDOR/DELEGACION DESTINO")),
            Map.entry("29", entry(DELIVERY_FAILED, "PROVEEDOR/REPARTO FALLIDO")),
            Map.entry("30", entry(IN_TRANSIT, "PROVEEDOR/NUEVO REPARTO")),
            Map.entry("31", entry(DELIVERY_FAILED, "PROVEEDOR/NO LOCALIZADO")),
            Map.entry("32", entry(RETURN_TO_SENDER, "PROVEEDOR/INFORMADA DEVOLUCION")),
            Map.entry("33", entry(ON_HOLD, "PROVEEDOR/CESION ALM. ADUANA")),
            Map.entry("34", entry(DELIVERED, "ENTREGADO/PROVEEDOR")),
            Map.entry("35", entry(DELIVERED, "ENTREGADO EN PUNTO CONCERTADO")),
            Map.entry("36", entry(IN_TRANSIT, "RECEPCIONADO EN OFICINA")),
            Map.entry("37", entry(ON_HOLD, "PARALIZADO")),
            Map.entry("38", entry(READY_FOR_PICKUP, "DEPOSITADO EN OFICINA")),
            Map.entry("39", entry(READY_FOR_PICKUP, "DISPONIBLE EN OFICINA")),
            Map.entry("40", entry(RETURN_TO_SENDER, "DEVUELTO EN OFICINA")),
            Map.entry("41", entry(IN_TRANSIT, "TRANSITO ESTACIONADOS")),
            Map.entry("42", entry(PICKED_UP, "RECOGIDO"))));

    private CorreosExpressStatusCodes() {
    }
}
