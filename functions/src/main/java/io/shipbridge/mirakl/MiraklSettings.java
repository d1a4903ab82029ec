package io.shipbridge.mirakl;

import io.shipbridge.config.Config;
import io.shipbridge.config.Secrets;
import java.net.URI;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * How to reach the seller's Mirakl instance. The API key goes raw into the {@code Authorization} header (no
 * "Bearer"), as Mirakl's seller API wants; it is never logged. It is read from its secret ({@code apiKey} of the
 * secret {@code MIRAKL_SECRET_ARN} names) when a request is made, so a rotated key is picked up without a restart.
 *
 * @param shopId optional: only for a key with access to several shops
 */
public record MiraklSettings(URI baseUrl, Supplier<String> apiKey, String shopId, Duration requestTimeout) {

    public static MiraklSettings from(Config config, Secrets secrets) {
        String base = config.url("MIRAKL_BASE_URL").toString();
        return new MiraklSettings(URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base),
                secrets.field("MIRAKL_SECRET_ARN", "/apiKey"), config.optional("MIRAKL_SHOP_ID").orElse(null),
                Duration.ofSeconds(config.getLong("MIRAKL_TIMEOUT_SECONDS", 20, 1, 300)));
    }

    @Override
    public String toString() {
        return "MiraklSettings[" + baseUrl + ", shop " + shopId + "]";
    }
}
