package io.shipbridge.config;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Settings by name, as template.yaml sets them in each function's environment. A missing required setting is an
 * error that names the setting, raised when the piece that needs it is first built.
 */
public final class Config {
    private final Map<String, String> values;

    private Config(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    public static Config fromEnvironment() {
        return new Config(System.getenv());
    }

    public static Config of(Map<String, String> values) {
        return new Config(values);
    }

    public String required(String name) {
        return optional(name).orElseThrow(() -> new IllegalStateException(
                "Missing setting " + name + ": set it in the function's environment (template.yaml)"));
    }

    public Optional<String> optional(String name) {
        String value = values.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    public String get(String name, String defaultValue) {
        return optional(name).orElse(defaultValue);
    }

    public long getLong(String name, long defaultValue) {
        return optional(name).map(v -> parseLong(name, v)).orElse(defaultValue);
    }

    /** A whole number in {@code [min, max]}: a timeout, a size, a count. */
    public long getLong(String name, long defaultValue, long min, long max) {
        long value = getLong(name, defaultValue);
        if (value < min || value > max) {
            throw invalid(name, "must be a whole number from " + min + " to " + max, Long.toString(value));
        }
        return value;
    }

    /** A decimal number above zero (a weight). */
    public BigDecimal positiveDecimal(String name, String defaultValue) {
        String text = get(name, defaultValue);
        BigDecimal value;
        try {
            value = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw invalid(name, "must be a decimal number such as 1.5", text);
        }
        if (value.signum() <= 0) {
            throw invalid(name, "must be above 0", text);
        }
        return value;
    }

    /** An absolute http or https URL. */
    public URI url(String name) {
        String text = required(name);
        try {
            URI uri = new URI(text);
            if (uri.isAbsolute() && uri.getHost() != null
                    && ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw invalid(name, "must be an absolute http(s) URL such as https://host/path", text);
    }

    /** One of an enum's constants, by name in any case. */
    public <E extends Enum<E>> E choice(String name, E defaultValue, Class<E> type) {
        Optional<String> text = optional(name);
        if (text.isEmpty()) {
            return defaultValue;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(text.get())) {
                return constant;
            }
        }
        throw invalid(name, "must be one of " + Arrays.stream(type.getEnumConstants())
                .map(c -> c.name().toLowerCase(Locale.ROOT)).toList(), text.get());
    }

    /** A time zone by its IANA name, such as Europe/Madrid. */
    public ZoneId zone(String name, String defaultValue) {
        String text = get(name, defaultValue);
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            throw invalid(name, "must be a time zone name such as Europe/Madrid", text);
        }
    }

    /** A JSON setting; the parser's message is left out, naming the setting is what helps. */
    public <T> Optional<T> json(String name, TypeReference<T> type, String example) {
        return optional(name).map(text -> {
            try {
                return Json.MAPPER.readValue(text, type);
            } catch (IOException | IllegalArgumentException e) {
                throw invalid(name, "must be JSON such as " + example, text);
            }
        });
    }

    public List<String> list(String name) {
        return optional(name).map(v -> Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .toList()).orElse(List.of());
    }

    private static long parseLong(String name, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw invalid(name, "must be a whole number", value);
        }
    }

    /** An error naming the setting and what it must be, with the start of the value it has (settings hold no secret). */
    public static IllegalStateException invalid(String name, String rule, String value) {
        String shown = value.replaceAll("\\p{Cntrl}", "?");
        return new IllegalStateException("Setting " + name + " " + rule + ", was '"
                + (shown.length() > 60 ? shown.substring(0, 60) + "..." : shown)
                + "' (README, Configuration)");
    }
}
