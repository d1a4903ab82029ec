package io.shipbridge.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.lambda.powertools.parameters.secrets.SecretsProvider;

/**
 * The secrets a function needs (the Mirakl API key, carrier passwords, webhook signing secrets), read from AWS
 * Secrets Manager through Powertools' parameters. A function's settings name each secret by its ARN; the value is
 * read on first use and again once it is {@link #MAX_AGE} old, so a value put with {@code put-secret-value} is in use
 * within five minutes, with no deployment. Values are never logged, nor part of any exception message.
 */
public final class Secrets {
    public static final Duration MAX_AGE = Duration.ofMinutes(5);

    private final SecretsProvider provider;
    private final Config config;

    public Secrets(SecretsProvider provider, Config config) {
        this.provider = provider;
        this.config = config;
    }

    /**
     * One field of a JSON secret, by JSON pointer (e.g. {@code /apiKey}, {@code /tipsa/password}); an empty or
     * missing field is an error that says how to set it.
     */
    public Supplier<String> field(String arnSetting, String pointer) {
        return parsed(arnSetting, raw -> {
            JsonNode value = jsonObject(arnSetting, raw).at(pointer);
            if (!value.isTextual() || value.asText().isBlank()) {
                throw new IllegalStateException("Secret " + config.required(arnSetting) + " has no value at "
                        + pointer + ": set it with 'aws secretsmanager put-secret-value' (README, Secrets)");
            }
            return value.asText();
        });
    }

    /** A secret's JSON; a parse error names the secret only, since the parser's message may quote the value. */
    public JsonNode jsonObject(String arnSetting, String raw) {
        try {
            JsonNode node = Json.MAPPER.readTree(raw);
            if (node != null && node.isObject()) {
                return node;
            }
        } catch (java.io.IOException unreadable) {
            // fall through: the message would quote the secret
        }
        throw new IllegalStateException("Secret " + config.required(arnSetting) + " is not a JSON object (README,"
                + " Secrets)");
    }

    /**
     * A whole secret, parsed again only when its value has changed. The setting naming it is checked now, the value
     * read at first use.
     */
    public <T> Supplier<T> parsed(String arnSetting, Function<String, T> parse) {
        String arn = config.required(arnSetting);
        return new Supplier<>() {
            private String lastRaw;
            private T lastParsed;

            @Override
            public synchronized T get() {
                String raw = provider.get(arn);
                if (!raw.equals(lastRaw)) {
                    lastParsed = parse.apply(raw);
                    lastRaw = raw;
                }
                return lastParsed;
            }
        };
    }
}
