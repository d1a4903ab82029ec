package io.shipbridge.carrier;

import io.shipbridge.order.Parcel;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What a carrier needs to create a shipment.
 *
 * @param reference our reference for the shipment: the order id, which also finds it again after a lost response
 */
public record ShipmentRequest(String reference, Address shipFrom, Address shipTo, List<Parcel> parcels,
        LocalDate shipDate, String notes) {

    public ShipmentRequest {
        parcels = List.copyOf(parcels);
    }

    public BigDecimal totalWeightKg() {
        return parcels.stream().map(Parcel::weightKg).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
