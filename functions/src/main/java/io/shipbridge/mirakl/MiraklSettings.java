package io.shipbridge.mirakl;

import io.shipbridge.config.Config;
import java.net.URI;
import java.time.Duration;

/**
 * How to reach the seller's Mirakl instance. The API key goes raw into the {@code Authorization} header (no
 * "Bearer"), as Mirakl's seller API wants; it is never logged.
 *
 * @param shopId optional: only for a key with access to several shops
 */
public record MiraklSettings(URI baseUrl, String apiKey, String shopId, Duration requestTimeout) {

    public static MiraklSettings from(Config config) {
        String base = config.required("MIRAKL_BASE_URL");
        return new MiraklSettings(URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base),
                config.required("MIRAKL_API_KEY"), config.optional("MIRAKL_SHOP_ID").orElse(null),
                Duration.ofSeconds(config.getLong("MIRAKL_TIMEOUT_SECONDS", 20)));
    }

    @Override
    public String toString() {
        return "MiraklSettings[" + baseUrl + ", shop " + shopId + "]";
    }
}
