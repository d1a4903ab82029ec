package io.shipbridge.mirakl;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which of our carriers the marketplace knows (SH21), and under which code. Codes are per marketplace: an explicit
 * mapping wins; otherwise a carrier whose code or label reads like ours (ignoring case and punctuation) is taken.
 * The list is read at most once an hour per function instance.
 */
public final class MiraklCarrierDirectory {
    private static final Duration KEEP = Duration.ofHours(1);

    private final MiraklClient mirakl;
    private final Map<String, String> explicitCodes;
    private final Clock clock;
    private List<MiraklCarrier> carriers;
    private Instant readAt;

    /** @param explicitCodes our carrier id to the marketplace's carrier code, for names that do not match */
    public MiraklCarrierDirectory(MiraklClient mirakl, Map<String, String> explicitCodes, Clock clock) {
        this.mirakl = mirakl;
        this.explicitCodes = Map.copyOf(explicitCodes);
        this.clock = clock;
    }

    public Optional<String> codeOf(String carrierId, String displayName) {
        String explicit = explicitCodes.get(carrierId);
        if (explicit != null) {
            return Optional.of(explicit);
        }
        String wantedId = normalize(carrierId);
        String wantedName = normalize(displayName);
        return carriers().stream()
                .filter(c -> matches(c.code(), wantedId, wantedName) || matches(c.label(), wantedId, wantedName))
                .map(MiraklCarrier::code)
                .findFirst();
    }

    private synchronized List<MiraklCarrier> carriers() {
        Instant now = clock.instant();
        if (carriers == null || readAt.plus(KEEP).isBefore(now)) {
            try {
                carriers = mirakl.carriers();
            } catch (MiraklAuthenticationException | MiraklNotFoundException notOffered) {
                // Some operators do not open SH21 to sellers: every carrier is then sent by name and URL.
                carriers = List.of();
            }
            readAt = now;
        }
        return carriers;
    }

    private static boolean matches(String value, String wantedId, String wantedName) {
        String candidate = normalize(value);
        return !candidate.isEmpty() && (candidate.equals(wantedId) || candidate.equals(wantedName));
    }

    private static String normalize(String value) {
        return value == null ? "" : value.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
