package io.shipbridge.local.cloud;

import java.util.List;
import java.util.Map;

/**
 * The two sellers the offline cloud deploys for, from the same template: what differs is only template parameters
 * (dispatch address, time zone, the marketplace's carrier codes) and the marketplace's own carrier list (SH21).
 */
public enum Seller {
    /** A Spanish seller on Carrefour, Leroy Merlin...: TIPSA, SEUR, Correos Express. */
    SPAIN(Map.of("ShipFromName", "Shipbridge Demo Seller SL", "ShipFromStreet", "Polígono Industrial Norte, Nave 7",
            "ShipFromCity", "Valencia", "ShipFromPostcode", "46001", "ShipFromCountry", "ES",
            "ShipFromPhone", "+34 960 000 000", "SellerTimeZone", "Europe/Madrid",
            "ManifestEmailFrom", "envios@shipbridge-demo.example"),
            List.of(Map.of("code", "TIPSA", "label", "TIPSA",
                            "tracking_url", "https://www.tip-sa.com/seguimiento?id={trackingId}"),
                    Map.of("code", "SEUR", "label", "SEUR", "tracking_url",
                            "https://www.seur.com/livetracking/?segOnlineIdentificador={trackingId}"))),
    /**
     * A Canadian seller on Best Buy Canada: Canada Post, transmitted at 17:00 Toronto time. The marketplace names
     * Canada Post in both languages under its own code, so the code is mapped explicitly.
     */
    CANADA(Map.of("ShipFromName", "Shipbridge Demo Seller Inc.", "ShipFromStreet", "1200 Bay Street",
            "ShipFromCity", "Toronto", "ShipFromPostcode", "M5R 2A5", "ShipFromCountry", "CA", "ShipFromRegion", "ON",
            "ShipFromPhone", "+1 416 555 0100", "SellerTimeZone", "America/Toronto",
            "DailyCutoffSchedule", "cron(0 17 * * ? *)", "MiraklCarrierCodes", "{\"canadapost\":\"CPCL\"}"),
            List.of(Map.of("code", "CPCL", "label", "Postes Canada / Canada Post", "tracking_url",
                    "https://www.canadapost-postescanada.ca/track-reperage/en#/details/{trackingId}"),
                    Map.of("code", "PURO", "label", "Purolator", "tracking_url",
                            "https://www.purolator.com/en/shipping/tracker?pin={trackingId}")));

    private final Map<String, String> parameters;
    private final List<Map<String, String>> miraklCarriers;

    Seller(Map<String, String> parameters, List<Map<String, String>> miraklCarriers) {
        this.parameters = parameters;
        this.miraklCarriers = miraklCarriers;
    }

    /** The template parameters that deploy for this seller. */
    public Map<String, String> parameters() {
        return parameters;
    }

    /** The carriers the seller's marketplace lists (SH21). */
    public List<Map<String, String>> miraklCarriers() {
        return miraklCarriers;
    }

    /** {@code es} or {@code ca}, as the command line names them. */
    public static Seller named(String name) {
        return switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "es", "spain" -> SPAIN;
            case "ca", "canada" -> CANADA;
            default -> throw new IllegalArgumentException("Unknown seller " + name + " (es or ca)");
        };
    }
}
