package io.shipbridge.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TrackingProgressTest {
    private static final Instant NINE = Instant.parse("2026-11-20T09:00:00Z");
    private static final Instant TEN = Instant.parse("2026-11-20T10:00:00Z");
    private static final Instant ELEVEN = Instant.parse("2026-11-20T11:00:00Z");
    private static final TrackingProgress NOTHING = new TrackingProgress(null, null, null, null, null);

    @Test
    void aFirstScanSetsTheLatestStatusAndTheFirstScan() {
        assertThat(NOTHING.with("in_transit", "1", TEN, true, false))
                .isEqualTo(new TrackingProgress("in_transit", "1", TEN, TEN, null));
    }

    @Test
    void anEventThatIsNoScanSetsOnlyTheLatestStatus() {
        assertThat(NOTHING.with("label_created", "0", NINE, false, false))
                .isEqualTo(new TrackingProgress("label_created", "0", NINE, null, null));
    }

    @Test
    void aDeliveryCountsAsAScanWhenNoneCameBefore() {
        assertThat(NOTHING.with("delivered", "3", ELEVEN, false, true))
                .isEqualTo(new TrackingProgress("delivered", "3", ELEVEN, ELEVEN, ELEVEN));
    }

    @Test
    void anOlderEventKeepsTheLatestStatusAndTheFirstScanAlreadyKnown() {
        TrackingProgress scanned = new TrackingProgress("in_transit", "1", TEN, TEN, null);

        assertThat(scanned.with("picked_up", "0", NINE, true, false)).isEqualTo(scanned);
    }

    @Test
    void theFirstReportedScanIsKeptEvenWhenAnEarlierOneArrivesLater() {
        TrackingProgress lateScanFirst = new TrackingProgress("in_transit", "1", TEN, TEN, null);

        assertThat(lateScanFirst.with("delivered", "3", ELEVEN, false, true))
                .isEqualTo(new TrackingProgress("delivered", "3", ELEVEN, TEN, ELEVEN));
    }

    @Test
    void anEventAtTheSameInstantAsTheLatestChangesNothing() {
        TrackingProgress scanned = new TrackingProgress("in_transit", "1", TEN, TEN, null);

        assertThat(scanned.with("in_transit", "1", TEN, true, false)).isEqualTo(scanned);
    }

    @Test
    void anOlderDeliveryStillRecordsTheDeliveryOnce() {
        TrackingProgress later = new TrackingProgress("returned", "9", ELEVEN, NINE, null);

        assertThat(later.with("delivered", "3", TEN, false, true))
                .isEqualTo(new TrackingProgress("returned", "9", ELEVEN, NINE, TEN));
    }
}
