package io.shipbridge.local.cloud;

import io.shipbridge.local.cost.BillableUnit;
import io.shipbridge.local.cost.UsageMeter;
import io.shipbridge.local.time.SimulatedTime;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * EventBridge Scheduler schedules ({@code ScheduleV2} events) as timers in simulated time: {@code rate(...)},
 * {@code cron(...)} (six fields, as EventBridge writes them) and {@code at(...)}; each fire invokes the function
 * asynchronously with the schedule's Input, retried as Lambda retries asynchronous events (a throttled one for up
 * to six hours, a failed one twice).
 *
 * <p>One difference from AWS, on purpose: a schedule does not fire again while its previous invocation is still
 * running. Simulated time runs thousands of times faster than the functions do, so a run that takes a real second
 * spans many simulated periods; firing anyway would pile up copies of the same run that AWS would never see.
 */
final class Schedules implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Schedules.class);
    private static final Pattern RATE = Pattern.compile("rate\\((\\d+)\\s+(minute|minutes|hour|hours|day|days)\\)");
    private static final Pattern CRON = Pattern.compile("cron\\((.+)\\)");
    private static final Pattern AT = Pattern.compile("at\\((.+)\\)");

    private static final Duration MAXIMUM_EVENT_AGE = Duration.ofHours(6);
    private static final int ASYNC_RETRIES = 2;

    private final SimulatedTime time;
    private final List<SimulatedTime.Timer> timers = new ArrayList<>();
    /**
     * Paused until the cloud is up: a schedule firing while the stand-ins start would run at a simulated time that
     * {@code SimulatedTime.restart()} then takes back (a fetch cursor left hours in the future, for one).
     */
    private volatile boolean paused = true;

    private final UsageMeter usage;

    Schedules(SimulatedTime time, UsageMeter usage) {
        this.time = time;
        this.usage = usage;
    }

    /**
     * As Lambda runs an asynchronous event: a throttled one (reserved concurrency in use) waits in its queue and is
     * tried again, with a growing delay, for up to the event's maximum age (6 hours); one the function fails is
     * tried twice more, a minute and then two minutes later (the defaults: MaximumRetryAttempts 2).
     */
    private void invokeAsynchronously(String name, LocalFunction target, byte[] event) throws InterruptedException {
        Instant received = time.instant();
        Duration throttledFor = Duration.ofSeconds(1);
        int failures = 0;
        usage.add(BillableUnit.SCHEDULER_INVOCATIONS);
        while (true) {
            try {
                target.invoke(event);
                return;
            } catch (FunctionError e) {
                if (e.errorType().equals("TooManyRequestsException")
                        && Duration.between(received, time.instant()).compareTo(MAXIMUM_EVENT_AGE) < 0) {
                    time.sleep(throttledFor);
                    throttledFor = Collections.min(List.of(throttledFor.multipliedBy(2), Duration.ofMinutes(5)));
                    continue;
                }
                LOG.warn("Scheduled invocation {} of {} failed: {}", name, target.name(), e.getMessage());
                if (e.errorType().equals("TooManyRequestsException") || ++failures > ASYNC_RETRIES) {
                    return;
                }
                time.sleep(Duration.ofMinutes(failures));
            }
        }
    }

    /** @throws UnsupportedOperationException for an expression it cannot read */
    void add(String name, String expression, String timezone, String input, LocalFunction target) {
        AtomicBoolean running = new AtomicBoolean();
        Runnable fire = () -> {
            if (paused) {
                return;
            }
            if (!running.compareAndSet(false, true)) {
                return;
            }
            // Taken in the timer's task, so that the clock is held from the tick until the invocation is over.
            SimulatedTime.Hold held = time.hold();
            Thread.ofVirtual().name("schedule-" + name).start(() -> {
                try (held) {
                    invokeAsynchronously(name, target, input.getBytes(StandardCharsets.UTF_8));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    running.set(false);
                }
            });
        };
        Matcher rate = RATE.matcher(expression.trim());
        Matcher cron = CRON.matcher(expression.trim());
        Matcher at = AT.matcher(expression.trim());
        if (rate.matches()) {
            long amount = Long.parseLong(rate.group(1));
            ChronoUnit unit = rate.group(2).startsWith("minute") ? ChronoUnit.MINUTES
                    : rate.group(2).startsWith("hour") ? ChronoUnit.HOURS : ChronoUnit.DAYS;
            timers.add(time.every(Duration.of(amount, unit), fire));
        } else if (cron.matches()) {
            Cron parsed = Cron.parse(cron.group(1));
            ZoneId zone = timezone == null ? ZoneId.of("UTC") : ZoneId.of(timezone);
            scheduleNext(parsed, zone, fire);
        } else if (at.matches()) {
            ZonedDateTime when = java.time.LocalDateTime.parse(at.group(1))
                    .atZone(timezone == null ? ZoneId.of("UTC") : ZoneId.of(timezone));
            timers.add(time.schedule(Duration.between(time.instant(), when.toInstant()), fire));
        } else {
            throw new UnsupportedOperationException("schedule " + name + ": expression " + expression);
        }
    }

    private void scheduleNext(Cron cron, ZoneId zone, Runnable fire) {
        ZonedDateTime now = time.instant().atZone(zone);
        ZonedDateTime next = cron.next(now);
        synchronized (timers) {
            timers.add(time.schedule(Duration.between(now, next), () -> {
                fire.run();
                scheduleNext(cron, zone, fire);
            }));
        }
    }

    /** Stops firing: for running one function by hand ({@code invoke}). */
    void pause() {
        paused = true;
    }

    /** Fires from now on: the cloud is up and its simulated time has begun. */
    void resume() {
        paused = false;
    }



    @Override
    public void close() {
        synchronized (timers) {
            timers.forEach(SimulatedTime.Timer::cancel);
        }
    }

    /** A six-field EventBridge cron expression: minutes hours day-of-month month day-of-week year. */
    record Cron(String[] fields) {

        static Cron parse(String expression) {
            String[] fields = expression.trim().split("\\s+");
            if (fields.length != 6) {
                throw new UnsupportedOperationException("cron(" + expression + ") needs six fields");
            }
            for (String field : fields) {
                if (!field.matches("[\\d*?,/\\-A-Za-z]+") || field.contains("L") || field.contains("W")
                        || field.contains("#")) {
                    throw new UnsupportedOperationException("cron field '" + field + "' (L, W and # are not emulated)");
                }
            }
            return new Cron(fields);
        }

        ZonedDateTime next(ZonedDateTime after) {
            ZonedDateTime candidate = after.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
            for (int i = 0; i < 60 * 24 * 366 * 2; i++, candidate = candidate.plusMinutes(1)) {
                if (matches(fields[0], candidate.getMinute()) && matches(fields[1], candidate.getHour())
                        && matches(fields[2], candidate.getDayOfMonth())
                        && matches(fields[3], candidate.getMonthValue())
                        && matches(fields[4], candidate.getDayOfWeek().getValue() % 7 + 1)
                        && matches(fields[5], candidate.getYear())) {
                    return candidate;
                }
            }
            throw new IllegalStateException("cron " + String.join(" ", fields) + " never fires");
        }

        private static boolean matches(String field, int value) {
            if (field.equals("*") || field.equals("?")) {
                return true;
            }
            for (String part : field.split(",")) {
                String range = part;
                int step = 1;
                if (part.contains("/")) {
                    range = part.substring(0, part.indexOf('/'));
                    step = Integer.parseInt(part.substring(part.indexOf('/') + 1));
                }
                int from;
                int to;
                if (range.equals("*")) {
                    from = 0;
                    to = Integer.MAX_VALUE;
                } else if (range.contains("-")) {
                    from = Integer.parseInt(range.substring(0, range.indexOf('-')));
                    to = Integer.parseInt(range.substring(range.indexOf('-') + 1));
                } else {
                    from = Integer.parseInt(range);
                    to = part.contains("/") ? Integer.MAX_VALUE : from;
                }
                if (value >= from && value <= to && (value - from) % step == 0) {
                    return true;
                }
            }
            return false;
        }
    }
}
