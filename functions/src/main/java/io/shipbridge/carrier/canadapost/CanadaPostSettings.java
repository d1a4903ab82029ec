package io.shipbridge.carrier.canadapost;

import io.shipbridge.carrier.Address;
import io.shipbridge.carrier.CarrierContext;
import io.shipbridge.carrier.CarrierProfile;
import io.shipbridge.carrier.LabelFormat;
import io.shipbridge.config.Config;
import java.net.URI;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * A Canada Post account on its Developer Program web services ({@code https://soa-gw.canadapost.ca}).
 *
 * @param customerNumber the mailed-by customer number (also the mailed-on-behalf-of one: Shipbridge ships for itself)
 * @param username       the API key's user name
 * @param password       the API key's password, from the carriers' secret ({@code canadapost.password})
 * @param contractId     the parcel services contract (contract shipping), null in non-contract mode
 * @param contract       true: shipments are grouped by day and transmitted at the cut-off; false: non-contract
 *                       ({@code ncshipment}), paid by the card on the profile, no manifest
 * @param language       {@code en-CA} or {@code fr-CA}: the language of Canada Post's messages
 * @param shipFrom       the dispatch address: the requested shipping point, and the manifest's address
 */
record CanadaPostSettings(URI baseUrl, String customerNumber, String username, Supplier<String> password,
        String contractId, boolean contract, String serviceCode, String language, LabelFormat labelFormat,
        String paymentMethod, Address shipFrom, Duration requestTimeout, CarrierProfile profile) {

    static CarrierProfile profile(Config config) {
        return new CarrierProfile(CanadaPostModule.ID, "Canada Post", config.get("CANADAPOST_TRACKING_URL",
                "https://www.canadapost-postescanada.ca/track-reperage/en#/details/{tracking}"));
    }

    static CanadaPostSettings from(CarrierContext context) {
        Config config = context.config();
        boolean contract = !"noncontract".equalsIgnoreCase(config.get("CANADAPOST_MODE", "contract"));
        String customer = config.required("CANADAPOST_CUSTOMER_NUMBER");
        if (!customer.matches("\\d{1,10}")) {
            throw new IllegalStateException("Setting CANADAPOST_CUSTOMER_NUMBER must be the customer number (digits),"
                    + " was '" + customer + "'");
        }
        String contractId = config.optional("CANADAPOST_CONTRACT_ID").orElse(null);
        if (contract && (contractId == null || !contractId.matches("\\d{1,10}"))) {
            throw new IllegalStateException("Setting CANADAPOST_CONTRACT_ID must be the parcel services contract"
                    + " number (digits) in contract mode; set CANADAPOST_MODE=noncontract to ship without one");
        }
        String language = config.get("CANADAPOST_LANGUAGE", "en-CA");
        if (!language.equals("en-CA") && !language.equals("fr-CA")) {
            throw new IllegalStateException("Setting CANADAPOST_LANGUAGE must be en-CA or fr-CA, was " + language);
        }
        Address shipFrom = Address.shipFrom(config);
        return new CanadaPostSettings(config.url("CANADAPOST_BASE_URL"), customer,
                config.required("CANADAPOST_USERNAME"), context.secret().field("password"), contractId, contract,
                config.get("CANADAPOST_SERVICE_CODE", "DOM.EP"), language,
                config.choice("CANADAPOST_LABEL_FORMAT", LabelFormat.PDF, LabelFormat.class),
                config.get("CANADAPOST_PAYMENT_METHOD", "Account"), shipFrom,
                Duration.ofSeconds(config.getLong("CANADAPOST_TIMEOUT_SECONDS", 15, 1, 300)), profile(config));
    }

    /** {@code /rs/{mailed by}/{mobo}}: the root of contract shipping's resources. */
    String contractRoot() {
        return "/rs/" + customerNumber + "/" + customerNumber;
    }

    @Override
    public String toString() {
        return "CanadaPostSettings[" + baseUrl + ", customer " + customerNumber + ", "
                + (contract ? "contract " + contractId : "non-contract") + "]";
    }
}
