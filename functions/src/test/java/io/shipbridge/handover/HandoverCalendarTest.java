package io.shipbridge.handover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class HandoverCalendarTest {
    private static final HandoverCalendar TORONTO = HandoverCalendar.of("cron(30 17 ? * MON-FRI *)", "America/Toronto");

    @Test
    void readsTheCutoffFromTheScheduleExpression() {
        assertThat(TORONTO.cutoff()).isEqualTo(LocalTime.of(17, 30));
        assertThat(HandoverCalendar.of("cron(0 18 * * ? *)", "Europe/Madrid").cutoff()).isEqualTo(LocalTime.of(18, 0));
    }

    @Test
    void aShipmentBeforeTheCutoffGoesThatDayAndOneAfterItTheNextDayInTheSellersZone() {
        // 17:29 and 17:30 in Toronto (UTC-5 in November), then 20:00 Toronto = 01:00 UTC the next day.
        assertThat(TORONTO.handoverDay(Instant.parse("2026-11-20T22:29:00Z"))).isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(TORONTO.handoverDay(Instant.parse("2026-11-20T22:30:00Z"))).isEqualTo(LocalDate.of(2026, 11, 21));
        assertThat(TORONTO.handoverDay(Instant.parse("2026-11-21T01:00:00Z"))).isEqualTo(LocalDate.of(2026, 11, 21));
    }

    @Test
    void aCloseRunningAfterTheCutoffClosesThatDayAndOneBeforeItThePreviousDay() {
        assertThat(TORONTO.lastCutoffDay(Instant.parse("2026-11-20T22:30:00Z"))).isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(TORONTO.lastCutoffDay(Instant.parse("2026-11-21T04:59:00Z"))).isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(TORONTO.lastCutoffDay(Instant.parse("2026-11-21T15:00:00Z"))).isEqualTo(LocalDate.of(2026, 11, 20));
    }

    @Test
    void refusesAScheduleWithoutAFixedHour() {
        assertThatThrownBy(() -> HandoverCalendar.of("rate(1 day)", "Europe/Madrid"))
                .hasMessageContaining("fixed minute and hour");
        assertThatThrownBy(() -> HandoverCalendar.of("cron(0 * * * ? *)", "Europe/Madrid"))
                .hasMessageContaining("fixed minute and hour");
    }
}
