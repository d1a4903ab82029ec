package io.shipbridge.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.lambda.powertools.parameters.ParamProvider;

/**
 * The secrets a function needs (the Mirakl API key, carrier passwords, webhook signing secrets), read from AWS
 * Secrets Manager through Powertools' parameters ({@link SecretsManagerProvider}). A function's settings name each
 * secret by its ARN; the value is read on first use and again once it is {@link #MAX_AGE} old, so a value put with
 * {@code put-secret-value} is in use within five minutes, with no deployment. Values are never logged, nor part of any
 * exception message.
 */
public final class Secrets {
    public static final Duration MAX_AGE = Duration.ofMinutes(5);

    private final ParamProvider provider;
    private final Config config;

    public Secrets(ParamProvider provider, Config config) {
        this.provider = provider;
        this.config = config;
    }

    /**
     * One field of a JSON secret, by JSON pointer (e.g. {@code /apiKey}, {@code /tipsa/password}), without the
     * spaces and line breaks a paste leaves around it; an empty or missing field, or one with a control character
     * inside (which an HTTP header would refuse, quoting it), is an error that says how to set it.
     */
    public Supplier<String> field(String arnSetting, String pointer) {
        return parsed(arnSetting, raw -> {
            JsonNode value = jsonObject(arnSetting, raw).at(pointer);
            if (!value.isTextual() || value.asText().isBlank()) {
                throw new IllegalStateException("Secret " + config.required(arnSetting) + " has no value at "
                        + pointer + ": set it with 'aws secretsmanager put-secret-value' (README, Secrets)");
            }
            String text = value.asText().strip();
            if (text.chars().anyMatch(Character::isISOControl)) {
                throw new IllegalStateException("Secret " + config.required(arnSetting) + " has a control character"
                        + " (a line break, a tab...) inside the value at " + pointer + ": put it again without"
                        + " (README, Secrets)");
            }
            return text;
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
     * A parse failure names the secret and says what is wrong; the parsers' messages never quote the value, and no
     * cause is kept (a library's exception down the chain may quote it).
     */
    private static <T> T parseNamingTheSecret(String arnSetting, String arn, String raw, Function<String, T> parse) {
        try {
            return parse.apply(raw);
        } catch (RuntimeException e) {
            String message = String.valueOf(e.getMessage());
            throw new IllegalStateException(message.contains(arn) ? message
                    : "Secret " + arn + " (" + arnSetting + ") is malformed: " + message);
        }
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
                    lastParsed = parseNamingTheSecret(arnSetting, arn, raw, parse);
                    lastRaw = raw;
                }
                return lastParsed;
            }
        };
    }
}
