package io.shipbridge.handover;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The seller's daily cut-off, in the seller's time zone: a shipment created before it is handed over that day, one
 * created after it the next day. Read from the close's own schedule expression (EventBridge Scheduler's
 * {@code cron(minutes hours ...)}), so the schedule and the days shipments are filed under cannot disagree.
 */
public record HandoverCalendar(LocalTime cutoff, ZoneId zone) {
    private static final Pattern CRON = Pattern.compile("cron\\(\\s*(\\d{1,2})\\s+(\\d{1,2})\\s+.+\\)");

    /** @param schedule a cron expression at a fixed minute and hour, e.g. {@code cron(0 18 ? * MON-FRI *)} */
    public static HandoverCalendar of(String schedule, String zone) {
        Matcher cron = CRON.matcher(schedule.trim());
        int hour = cron.matches() ? Integer.parseInt(cron.group(2)) : -1;
        int minute = cron.matches() ? Integer.parseInt(cron.group(1)) : -1;
        if (hour < 0 || hour > 23 || minute < 0 || minute > 59) {
            throw new IllegalStateException("Setting DAILY_CUTOFF_SCHEDULE (the daily cut-off) must be a cron"
                    + " expression at a fixed minute and hour (minute 0-59, hour 0-23), e.g. cron(0 18 * * ? *), was '"
                    + schedule.replaceAll("\\p{Cntrl}", "?") + "'");
        }
        return new HandoverCalendar(LocalTime.of(hour, minute), ZoneId.of(zone));
    }

    /** The day a shipment created at {@code at} is handed over: that day before the cut-off, else the next. */
    public LocalDate handoverDay(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        return local.toLocalTime().isBefore(cutoff) ? local.toLocalDate() : local.toLocalDate().plusDays(1);
    }

    /** The day of the latest cut-off at or before {@code at}: the day a close running then closes. */
    public LocalDate lastCutoffDay(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        return local.toLocalTime().isBefore(cutoff) ? local.toLocalDate().minusDays(1) : local.toLocalDate();
    }
}
