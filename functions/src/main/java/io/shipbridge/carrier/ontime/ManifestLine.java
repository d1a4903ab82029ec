package io.shipbridge.carrier.ontime;

import io.shipbridge.carrier.Address;
import io.shipbridge.carrier.ShipmentRequest;
import io.shipbridge.config.Json;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What OnTime's daily manifest and its label say of one shipment, kept with its shipment number from the moment the
 * number is given out (so a label printed again, or the manifest, says the same).
 */
record ManifestLine(String reference, LocalDate shipDate, String name, String contact, String street,
        String postcode, String city, String countryCode, String phone, int parcels, BigDecimal weightKg) {

    static ManifestLine of(ShipmentRequest request) {
        Address to = request.shipTo();
        return new ManifestLine(request.reference(), request.shipDate(), to.name(), to.contact(), to.street(),
                to.postcode(), to.city(), to.countryCode(), to.phone(), request.parcels().size(),
                request.totalWeightKg());
    }

    Address recipient() {
        return new Address(name, contact, street, postcode, city, countryCode, phone, null);
    }

    String json() {
        return Json.write(this);
    }

    static ManifestLine read(String json) {
        return Json.read(json, ManifestLine.class);
    }

    /** A line with its shipment number, as the manifest lists it. */
    record Numbered(String number, ManifestLine line) {
    }
}
