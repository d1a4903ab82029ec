package io.shipbridge.carrier;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The common tracking vocabulary every carrier's own codes are mapped to (the raw code is always kept too). */
public enum TrackingStatus {
    PENDING,
    PICKED_UP,
    IN_TRANSIT,
    OUT_FOR_DELIVERY,
    DELIVERED,
    DELIVERY_FAILED,
    ON_HOLD,
    READY_FOR_PICKUP,
    RETURN_TO_SENDER,
    CANCELLED,
    @JsonEnumDefaultValue
    UNKNOWN;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TrackingStatus fromCode(String code) {
        for (TrackingStatus status : values()) {
            if (status.code().equalsIgnoreCase(code)) {
                return status;
            }
        }
        return UNKNOWN;
    }

    /** The carrier has the parcel physically: anything but "label created", "cancelled" or "no idea". */
    public boolean isScan() {
        return this != PENDING && this != CANCELLED && this != UNKNOWN;
    }
}
