package io.shipbridge.carrier.correosexpress;

import io.shipbridge.carrier.CarrierContext;
import io.shipbridge.carrier.CarrierProfile;
import io.shipbridge.carrier.LabelFormat;
import io.shipbridge.config.Config;
import java.net.URI;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * A Correos Express account on its REST web services ({@code https://www.cexpr.es/wspsc/}): an HTTP Basic user, and
 * the codes CEX puts in the body: the requester ({@code solicitante}) and the client ({@code codRte}, also the
 * tracking {@code codigoCliente} and the label {@code keyCli}).
 *
 * @param password from the carriers' secret ({@code correosexpress.password})
 */
record CorreosExpressSettings(URI baseUrl, String user, Supplier<String> password, String requester,
        String clientCode, CorreosExpressProducts products, LabelFormat labelFormat, Duration requestTimeout,
        CarrierProfile profile) {

    static CarrierProfile profile(Config config) {
        return new CarrierProfile(CorreosExpressModule.ID, "Correos Express",
                config.get("CORREOSEXPRESS_TRACKING_URL", "https://s.correosexpress.com/c?n={tracking}"));
    }

    static CorreosExpressSettings from(CarrierContext context) {
        Config config = context.config();
        String base = config.url("CORREOSEXPRESS_BASE_URL").toString();
        return new CorreosExpressSettings(URI.create(base.endsWith("/") ? base : base + "/"),
                config.required("CORREOSEXPRESS_USER"), context.secret().field("password"),
                config.required("CORREOSEXPRESS_REQUESTER"), config.required("CORREOSEXPRESS_CLIENT_CODE"),
                new CorreosExpressProducts(config.get("CORREOSEXPRESS_PRODUCT", "93"),
                        config.get("CORREOSEXPRESS_PRODUCT_BALEARIC", "66"),
                        config.get("CORREOSEXPRESS_PRODUCT_CANARY", "67"),
                        config.get("CORREOSEXPRESS_PRODUCT_CEUTA_MELILLA", "26"),
                        config.get("CORREOSEXPRESS_PRODUCT_PORTUGAL", "63"),
                        config.get("CORREOSEXPRESS_PRODUCT_INTERNATIONAL", "90")),
                config.choice("CORREOSEXPRESS_LABEL_FORMAT", LabelFormat.PDF, LabelFormat.class),
                Duration.ofSeconds(config.getLong("CORREOSEXPRESS_TIMEOUT_SECONDS", 15, 1, 300)), profile(config));
    }

    @Override
    public String toString() {
        return "CorreosExpressSettings[" + baseUrl + ", user " + user + ", client " + clientCode + "]";
    }
}
