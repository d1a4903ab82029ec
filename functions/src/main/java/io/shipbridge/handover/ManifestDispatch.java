package io.shipbridge.handover;

import io.shipbridge.carrier.DailyHandover.Document;
import io.shipbridge.carrier.DailyHandover.Recipients;
import io.shipbridge.handover.ManifestChannel.Progress;
import io.shipbridge.handover.ManifestChannel.StoredDocument;
import io.shipbridge.operations.OperationRecord;
import io.shipbridge.operations.OperationStatus;
import io.shipbridge.operations.OperationsLog;
import io.shipbridge.storage.ManifestDeliveries;
import io.shipbridge.storage.ManifestDeliveries.Delivery;
import io.shipbridge.storage.ManifestDeliveries.Status;
import io.shipbridge.storage.ManifestFiles;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Sends a closed day's documents to a carrier by each channel it is set up for, once per day and channel: a sending
 * that failed is tried again at each hourly follow-up, up to {@link #MAX_ATTEMPTS}, then given up loudly (an error in
 * the operations log, a metric with an alarm) so that someone sends the documents from the bucket by hand. An upload
 * the connector finishes later is followed up until it is delivered or failed.
 */
public final class ManifestDispatch {
    static final int MAX_ATTEMPTS = 5;
    /** Longer than the close function may run: a sending claimed before this belongs to a run that died. */
    static final Duration CLAIM_LEASE = Duration.ofMinutes(15);
    /** How far back the follow-up looks. */
    static final int FOLLOWED_DAYS = 7;

    private final Function<Recipients, List<ManifestChannel>> channels;
    private final ManifestDeliveries store;
    private final ManifestFiles files;
    private final OperationsLog operations;
    private final Clock clock;

    /**
     * @param channels the channels a carrier's recipients call for (none for {@link Recipients#NONE})
     */
    public ManifestDispatch(Function<Recipients, List<ManifestChannel>> channels, ManifestDeliveries store,
            ManifestFiles files, OperationsLog operations, Clock clock) {
        this.channels = channels;
        this.store = store;
        this.files = files;
        this.operations = operations;
        this.clock = clock;
    }

    /** What a run did to one sending: {@code sent}, {@code delivered}, {@code failed}, {@code given up} or nothing. */
    public record Outcome(String carrier, LocalDate day, String channel, Status status, String change) {
    }

    /**
     * Sends the day's documents by every channel of {@code recipients} that has not had them yet.
     *
     * @param known the documents' content where the caller has it; others are read from the bucket
     */
    public List<Outcome> send(String carrier, LocalDate day, Recipients recipients, List<String> keys,
            Map<String, Document> known) {
        if (keys.isEmpty()) {
            return List.of();
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (ManifestChannel channel : channels.apply(recipients)) {
            outcomes.add(attempt(channel, carrier, day, keys, known, store.find(carrier, day, channel.name())));
        }
        return outcomes;
    }

    /** Asks after uploads under way and tries failed sendings again, for the days of the last week. */
    public List<Outcome> followUp(String carrier, Recipients recipients, LocalDate today) {
        Map<String, ManifestChannel> byName = new LinkedHashMap<>();
        channels.apply(recipients).forEach(channel -> byName.put(channel.name(), channel));
        List<Outcome> outcomes = new ArrayList<>();
        for (Delivery delivery : store.since(carrier, today.minusDays(FOLLOWED_DAYS))) {
            ManifestChannel channel = byName.get(delivery.channel());
            if (channel == null || delivery.status().settled()) {
                continue;
            }
            outcomes.add(delivery.status() == Status.SENT ? check(channel, delivery)
                    : attempt(channel, carrier, delivery.day(), delivery.documentKeys(), Map.of(),
                            Optional.of(delivery)));
        }
        return outcomes;
    }

    private Outcome check(ManifestChannel channel, Delivery delivery) {
        Progress progress = channel.progress(delivery.reference());
        return switch (progress.state()) {
            case UNDER_WAY -> outcome(delivery, Status.SENT, "");
            case DELIVERED -> {
                store.delivered(delivery.carrier(), delivery.day(), delivery.channel(), clock.instant());
                record(delivery.carrier(), OperationStatus.OK, "The documents of " + delivery.day() + " reached the"
                        + " carrier by " + delivery.channel(), delivery.day(), delivery.channel());
                yield outcome(delivery, Status.DELIVERED, "delivered");
            }
            case FAILED -> {
                Outcome failed = fail(delivery.carrier(), delivery.day(), delivery.channel(), progress.reason(),
                        delivery.attempts(), delivery.documentKeys());
                yield failed.status() == Status.GIVEN_UP ? failed : attempt(channel, delivery.carrier(),
                        delivery.day(), delivery.documentKeys(), Map.of(), store.find(delivery.carrier(),
                                delivery.day(), delivery.channel()));
            }
        };
    }

    private Outcome attempt(ManifestChannel channel, String carrier, LocalDate day, List<String> keys,
            Map<String, Document> known, Optional<Delivery> earlier) {
        if (earlier.isPresent() && (earlier.get().status() == Status.SENT || earlier.get().status().settled())) {
            return outcome(earlier.get(), earlier.get().status(), "");
        }
        if (!store.claim(carrier, day, channel.name(), keys, clock.instant(), CLAIM_LEASE)) {
            return new Outcome(carrier, day, channel.name(), Status.SENDING, "");
        }
        int attempts = earlier.map(Delivery::attempts).orElse(0);
        String reference;
        try {
            List<StoredDocument> documents = keys.stream().map(key -> new StoredDocument(key,
                    known.containsKey(key) ? known.get(key) : files.read(key))).toList();
            reference = channel.send(carrier, day, documents);
        } catch (RuntimeException e) {
            return fail(carrier, day, channel.name(), e.getMessage(), attempts, keys);
        }
        Status status = channel.deliveredOnceAccepted() ? Status.DELIVERED : Status.SENT;
        store.sent(carrier, day, channel.name(), status, reference, clock.instant());
        record(carrier, OperationStatus.OK, "Sent the documents of " + day + " by " + channel.name() + " ("
                + reference + ")", day, channel.name());
        return new Outcome(carrier, day, channel.name(), status, "sent");
    }

    private Outcome fail(String carrier, LocalDate day, String channel, String reason, int attemptsBefore,
            List<String> keys) {
        boolean giveUp = attemptsBefore + 1 >= MAX_ATTEMPTS;
        int attempts = store.failed(carrier, day, channel, String.valueOf(reason), giveUp, clock.instant());
        if (giveUp) {
            record(carrier, OperationStatus.ERROR, "Could not send the documents of " + day + " by " + channel
                    + " after " + attempts + " attempts (" + reason + "): send " + String.join(", ", keys)
                    + " from the bucket by hand", day, channel);
            return new Outcome(carrier, day, channel, Status.GIVEN_UP, "given up");
        }
        record(carrier, OperationStatus.RETRY, "Sending the documents of " + day + " by " + channel + " failed ("
                + reason + "), attempt " + attempts + " of " + MAX_ATTEMPTS + "; tried again within the hour", day,
                channel);
        return new Outcome(carrier, day, channel, Status.FAILED, "failed");
    }

    private static Outcome outcome(Delivery delivery, Status status, String change) {
        return new Outcome(delivery.carrier(), delivery.day(), delivery.channel(), status, change);
    }

    private void record(String carrier, OperationStatus status, String message, LocalDate day, String channel) {
        operations.record(new OperationRecord(clock.instant(), "carrier", "send_manifest", null, carrier, status,
                message, Map.of("day", day, "channel", channel)));
    }
}
