package io.shipbridge.carrier.seur;

import io.shipbridge.carrier.CarrierContext;
import io.shipbridge.carrier.CarrierProfile;
import io.shipbridge.carrier.LabelFormat;
import io.shipbridge.config.Config;
import java.net.URI;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * A SEUR account on its REST API ("PIC", {@code https://servicios.api.seur.io}).
 *
 * @param account       the CCC as SEUR writes it, {@code <account>-<franchise>}, e.g. {@code 12345-28}
 * @param idNumber      the NIF/CIF of the contracting company
 * @param clientSecret  OAuth2 client secret, from the carriers' secret ({@code seur.clientSecret})
 * @param password      the API user's password, from the carriers' secret ({@code seur.password})
 * @param national      service and product for shipments inside the sender's country (B2C home: 31 / 2)
 * @param international service and product for shipments abroad (Classic crossborder: 77 / 104)
 */
record SeurSettings(URI baseUrl, String clientId, String username, String account, String idNumber,
        Supplier<String> clientSecret, Supplier<String> password, Product national, Product international,
        LabelFormat labelFormat, Duration requestTimeout, CarrierProfile profile) {

    /** A SEUR service and product code pair. */
    record Product(int serviceCode, int productCode) {
    }

    static CarrierProfile profile(Config config) {
        return new CarrierProfile(SeurModule.ID, "SEUR", config.get("SEUR_TRACKING_URL",
                "https://www.seur.com/livetracking/?segOnlineIdentificador={tracking}"));
    }

    static SeurSettings from(CarrierContext context) {
        Config config = context.config();
        String account = config.required("SEUR_ACCOUNT");
        if (!account.matches("\\d+-\\d+")) {
            throw new IllegalStateException("Setting SEUR_ACCOUNT must be the CCC as <account>-<franchise>, e.g."
                    + " 12345-28, was '" + account + "'");
        }
        return new SeurSettings(config.url("SEUR_BASE_URL"), config.required("SEUR_CLIENT_ID"),
                config.required("SEUR_USERNAME"), account, config.required("SEUR_ID_NUMBER"),
                context.secret().field("clientSecret"), context.secret().field("password"),
                new Product((int) config.getLong("SEUR_SERVICE_CODE", 31), (int) config.getLong("SEUR_PRODUCT_CODE", 2)),
                new Product((int) config.getLong("SEUR_INTERNATIONAL_SERVICE_CODE", 77),
                        (int) config.getLong("SEUR_INTERNATIONAL_PRODUCT_CODE", 104)),
                config.choice("SEUR_LABEL_FORMAT", LabelFormat.PDF, LabelFormat.class),
                Duration.ofSeconds(config.getLong("SEUR_TIMEOUT_SECONDS", 15, 1, 300)), profile(config));
    }

    /** The account number part of the CCC (tracking filters on it). */
    String accountNumber() {
        return account.substring(0, account.indexOf('-'));
    }

    /** The franchise (business unit) part of the CCC. */
    String businessUnit() {
        return account.substring(account.indexOf('-') + 1);
    }

    @Override
    public String toString() {
        return "SeurSettings[" + baseUrl + ", client " + clientId + ", account " + account + "]";
    }
}
