package io.shipbridge.carrier.tipsa;

import io.shipbridge.carrier.CarrierContext;
import io.shipbridge.carrier.CarrierProfile;
import io.shipbridge.carrier.LabelFormat;
import io.shipbridge.config.Config;
import java.net.URI;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * TIPSA account and endpoint. {@code baseUrl} is the SOAP root, e.g.
 * {@code http://webservices.tipsa-dinapaq.com:8099/SOAP}; the service is chosen by {@code ?service=}.
 *
 * @param password    read from the carriers' secret ({@code tipsa.password}) at each login
 * @param serviceCode {@code strCodTipoServ}: the TIPSA service the account ships with (e.g. 48)
 * @param profile     TIPSA's name and public tracking page
 */
public record TipsaSettings(URI baseUrl, String agencyCode, String clientCode, Supplier<String> password,
        String serviceCode, LabelFormat labelFormat, Duration requestTimeout, CarrierProfile profile) {

    /** TIPSA's public profile: needs only the agency code (the tracking page is per agency). */
    static CarrierProfile profile(Config config) {
        String format = config.get("TIPSA_TRACKING_URL",
                "https://aplicaciones.tip-sa.com/cliente/datos_env.php?id={agency}{agency}{tracking}");
        return new CarrierProfile(TipsaModule.ID, "TIPSA", format.replace("{agency}",
                config.get("TIPSA_AGENCY_CODE", "")));
    }

    static TipsaSettings from(CarrierContext context) {
        Config config = context.config();
        return new TipsaSettings(
                config.url("TIPSA_BASE_URL"),
                config.required("TIPSA_AGENCY_CODE"),
                config.required("TIPSA_CLIENT_CODE"),
                context.secret().field("password"),
                config.get("TIPSA_SERVICE_CODE", "48"),
                config.choice("TIPSA_LABEL_FORMAT", LabelFormat.PDF, LabelFormat.class),
                Duration.ofSeconds(config.getLong("TIPSA_TIMEOUT_SECONDS", 15, 1, 300)),
                profile(config));
    }

    @Override
    public String toString() {
        return "TipsaSettings[" + baseUrl + ", agency " + agencyCode + ", client " + clientCode + "]";
    }
}
