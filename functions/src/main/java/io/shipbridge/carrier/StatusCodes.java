package io.shipbridge.carrier;

import java.util.Map;

/**
 * A carrier's tracking codes in the common vocabulary. A code the table lacks is {@link TrackingStatus#UNKNOWN},
 * and the raw code always travels beside the normalized status, so nothing the carrier said is lost.
 */
public final class StatusCodes {
    private final Map<String, Entry> byCode;

    /** One code: what it means, in the common vocabulary and in the carrier's words. */
    public record Entry(TrackingStatus status, String description) {
    }

    private StatusCodes(Map<String, Entry> byCode) {
        this.byCode = Map.copyOf(byCode);
    }

    public static StatusCodes of(Map<String, Entry> byCode) {
        return new StatusCodes(byCode);
    }

    public static Entry entry(TrackingStatus status, String description) {
        return new Entry(status, description);
    }

    public TrackingStatus statusOf(String code) {
        Entry entry = code == null ? null : byCode.get(code.trim());
        return entry == null ? TrackingStatus.UNKNOWN : entry.status();
    }

    /** The carrier's own wording for the code, or null when the table does not know it. */
    public String describe(String code) {
        Entry entry = code == null ? null : byCode.get(code.trim());
        return entry == null ? null : entry.description();
    }

    public Map<String, Entry> all() {
        return byCode;
    }
}
