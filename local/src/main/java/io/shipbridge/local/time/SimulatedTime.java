package io.shipbridge.local.time;

import io.shipbridge.http.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Time in the offline cloud: a clock that runs {@code scale} times faster than the wall clock from a chosen start,
 * and waits and timers measured in that time. At scale 1 it is real time; at scale 3600 an hour passes in a second,
 * so a five-minute schedule, a two-day delivery or a retry backoff does not slow a demo or a test.
 *
 * <p>The pace can be slowed ({@link #pace}) while the functions are busy: their work takes real time, and at full
 * speed a one-second invocation would look like an hour. Waits and timers follow the clock as it changes pace, because
 * they are kept as simulated instants, never converted to a wall-clock delay up front.
 *
 * <p>It can also skip ahead ({@link #skipToNextEvent}): when its owner knows that nothing is running, the clock moves
 * at once to the next instant a timer or a sleeper waits for, since nothing could happen in between.
 */
public final class SimulatedTime extends Clock implements AutoCloseable {
    /** How long a waiting thread sleeps at most before it looks at the clock again (its pace may have changed). */
    private static final long MAX_NAP_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private final Instant start;
    private final double scale;
    private volatile Segment segment;
    private final AtomicLong latest = new AtomicLong(Long.MIN_VALUE);
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final PriorityQueue<Timer> timers = new PriorityQueue<>();
    private final AtomicLong sequence = new AtomicLong();
    /** The instants the threads in {@link #sleepUntil} wait for (in nanoseconds), one entry per sleeper. */
    private final PriorityQueue<Long> sleepers = new PriorityQueue<>();
    private final AtomicInteger tasksRunning = new AtomicInteger();
    private final ExecutorService tasks = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("simulated-timer-task-", 0).factory());
    private final Thread timerThread;
    private final boolean stepping;
    /** Set by {@link #keepWallClockPace}: the pace no longer changes and the clock no longer skips ahead. */
    private volatile boolean wallClockPace;
    private volatile boolean closed;

    /** The clock from {@code nanoBase} on: {@code at + (System.nanoTime() - nanoBase) * rate} nanoseconds. */
    private record Segment(long at, long nanoBase, double rate) {
        long nanosAt(long nanoTime) {
            return at + (long) ((nanoTime - nanoBase) * rate);
        }
    }

    public SimulatedTime(Instant start, double scale) {
        this(start, scale, false);
    }

    private SimulatedTime(Instant start, double scale, boolean stepping) {
        if (scale <= 0) {
            throw new IllegalArgumentException("Time scale must be positive, was " + scale);
        }
        this.start = start;
        this.scale = scale;
        this.stepping = stepping;
        this.segment = new Segment(toNanos(start), System.nanoTime(), stepping ? 0 : scale);
        this.timerThread = Thread.ofPlatform().daemon().name("simulated-timers").start(this::runTimers);
    }

    /**
     * A clock that stands still until a wait moves it to the instant the wait ends (timers due by then fire): for one
     * sequential story, such as an execution of Wait states, each step happens at exactly its simulated instant
     * however slow the machine. Not for concurrent work, whose waits would move each other's clock.
     */
    public static SimulatedTime stepping(Instant start) {
        return new SimulatedTime(start, 1, true);
    }

    /**
     * Starts the simulated clock again at its start instant, for after a slow bring-up; timers set meanwhile keep
     * their distance from now.
     */
    public void restart() {
        lock.lock();
        try {
            long nanoTime = System.nanoTime();
            Duration back = Duration.ofNanos(toNanos(start) - segment.nanosAt(nanoTime));
            segment = new Segment(toNanos(start), nanoTime, segment.rate());
            latest.set(Long.MIN_VALUE);
            List<Timer> pending = new ArrayList<>(timers);
            timers.clear();
            pending.forEach(timer -> timer.at = timer.at.plus(back));
            timers.addAll(pending);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** How fast simulated time runs now, as a share of its full speed (between 0 and 1). */
    public double pace() {
        return segment.rate() / scale;
    }

    /** Runs simulated time at {@code share} of its full speed from now on. */
    public void pace(double share) {
        if (stepping || wallClockPace) {
            return;
        }
        double rate = scale * Math.max(0.001, Math.min(1, share));
        lock.lock();
        try {
            if (rate == segment.rate()) {
                return;
            }
            long nanoTime = System.nanoTime();
            segment = new Segment(segment.nanosAt(nanoTime), nanoTime, rate);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * From now on, simulated time passes as fast as the wall clock's, whatever the pace asked later, and never skips
     * ahead: for a cloud that only serves callers living in real time (the cold-start benchmark's JVMs), in which an
     * order left waiting must still wait when the last caller comes, however long the callers take.
     */
    public void keepWallClockPace() {
        if (stepping) {
            throw new IllegalStateException("A stepping clock moves only by its waits");
        }
        lock.lock();
        try {
            long nanoTime = System.nanoTime();
            segment = new Segment(segment.nanosAt(nanoTime), nanoTime, 1);
            wallClockPace = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Instant instant() {
        long now = segment.nanosAt(System.nanoTime());
        // Never backwards, even for a reader that raced a change of pace.
        long monotonic = latest.accumulateAndGet(now, Math::max);
        return Instant.ofEpochSecond(0, monotonic);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    /** How long a simulated duration lasts on the wall clock at the current pace. */
    public Duration real(Duration simulated) {
        return Duration.ofNanos((long) (simulated.toNanos() / segment.rate()));
    }

    /** Waits until {@code simulated} has passed on this clock, whatever its pace meanwhile. */
    public void sleep(Duration simulated) throws InterruptedException {
        sleepUntil(instant().plus(simulated));
    }

    public void sleepUntil(Instant when) throws InterruptedException {
        if (stepping) {
            stepTo(when);
            return;
        }
        Long target = toNanos(when);
        lock.lock();
        try {
            sleepers.add(target);
        } finally {
            lock.unlock();
        }
        try {
            while (true) {
                Duration left = Duration.between(instant(), when);
                if (left.isNegative() || left.isZero()) {
                    return;
                }
                TimeUnit.NANOSECONDS.sleep(Math.max(1, Math.min(MAX_NAP_NANOS, real(left).toNanos())));
            }
        } finally {
            lock.lock();
            try {
                sleepers.remove(target);
            } finally {
                lock.unlock();
            }
        }
    }

    /**
     * Whether nothing waiting on this clock is due: no timer whose instant has come is waiting to fire or running, no
     * sleeper whose instant has come is yet to wake.
     */
    public boolean quiet() {
        lock.lock();
        try {
            long now = toNanos(instant());
            Timer next = nextLiveTimer();
            Long sleeper = sleepers.peek();
            return tasksRunning.get() == 0 && (next == null || toNanos(next.at) > now)
                    && (sleeper == null || sleeper > now);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Moves the clock at once to the next instant a timer or a sleeper waits for, when that is later than now: for an
     * owner who knows that nothing else would happen before it. Returns whether the clock moved.
     */
    public boolean skipToNextEvent() {
        if (stepping || wallClockPace) {
            return false;
        }
        lock.lock();
        try {
            long nanoTime = System.nanoTime();
            long now = Math.max(segment.nanosAt(nanoTime), latest.get());
            Timer next = nextLiveTimer();
            Long sleeper = sleepers.peek();
            long target = Math.min(next == null ? Long.MAX_VALUE : toNanos(next.at),
                    sleeper == null ? Long.MAX_VALUE : sleeper);
            if (target == Long.MAX_VALUE || target <= now) {
                return false;
            }
            segment = new Segment(target, nanoTime, segment.rate());
            changed.signalAll();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** The first timer not cancelled (cancelled ones at the head are dropped); call holding the lock. */
    private Timer nextLiveTimer() {
        Timer next = timers.peek();
        while (next != null && next.isCancelled()) {
            timers.poll();
            next = timers.peek();
        }
        return next;
    }

    private void stepTo(Instant when) {
        lock.lock();
        try {
            long target = toNanos(when);
            if (target > segment.at()) {
                segment = new Segment(target, System.nanoTime(), 0);
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Waits measured in this time, for code that takes a {@link Sleeper}. */
    public Sleeper sleeper() {
        return this::sleep;
    }

    /** Runs {@code task} once, when {@code delay} of simulated time has passed. */
    public Timer schedule(Duration delay, Runnable task) {
        return add(new Timer(instant().plus(delay), null, task, sequence.incrementAndGet()));
    }

    /** Runs {@code task} every {@code period} of simulated time; a run never overlaps the previous one. */
    public Timer every(Duration period, Runnable task) {
        if (period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("A period must be positive, was " + period);
        }
        return add(new Timer(instant().plus(period), period, task, sequence.incrementAndGet()));
    }

    private Timer add(Timer timer) {
        lock.lock();
        try {
            timers.add(timer);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        return timer;
    }

    private void runTimers() {
        while (!closed) {
            Timer due = null;
            lock.lock();
            try {
                Timer next = timers.peek();
                if (next == null) {
                    changed.await(MAX_NAP_NANOS, TimeUnit.NANOSECONDS);
                } else if (next.isCancelled()) {
                    timers.poll();
                } else if (!instant().isBefore(next.at)) {
                    due = timers.poll();
                    tasksRunning.incrementAndGet();
                } else {
                    long nanos = real(Duration.between(instant(), next.at)).toNanos();
                    changed.await(Math.max(1, Math.min(MAX_NAP_NANOS, nanos)), TimeUnit.NANOSECONDS);
                }
            } catch (InterruptedException e) {
                return;
            } finally {
                lock.unlock();
            }
            if (due != null) {
                fire(due);
            }
        }
    }

    /** Runs a due timer's task (counted in {@link #tasksRunning} from when it was taken off the queue). */
    private void fire(Timer timer) {
        try {
            tasks.execute(() -> {
                try {
                    timer.runOnce();
                    if (timer.period != null && !timer.isCancelled() && !closed) {
                        // The next tick after now: ticks missed while the task ran are skipped, not run in a burst.
                        Instant next = timer.at.plus(timer.period);
                        Instant now = instant();
                        while (!next.isAfter(now)) {
                            next = next.plus(timer.period);
                        }
                        add(new Timer(next, timer.period, timer.task, timer.seq, timer));
                    }
                } finally {
                    tasksRunning.decrementAndGet();
                }
            });
        } catch (RuntimeException e) {
            tasksRunning.decrementAndGet();
            throw e;
        }
    }

    @Override
    public void close() {
        closed = true;
        timerThread.interrupt();
        tasks.shutdownNow();
    }

    private static long toNanos(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
    }

    /** A task waiting for its simulated instant; cancelling it (or the periodic series it belongs to) stops it. */
    public static final class Timer implements Comparable<Timer> {
        private volatile Instant at;
        private final Duration period;
        private final Runnable task;
        private final long seq;
        private final Timer series;
        private volatile boolean cancelled;

        private Timer(Instant at, Duration period, Runnable task, long seq) {
            this(at, period, task, seq, null);
        }

        private Timer(Instant at, Duration period, Runnable task, long seq, Timer series) {
            this.at = at;
            this.period = period;
            this.task = task;
            this.seq = seq;
            this.series = series == null ? this : series.series;
        }

        public void cancel() {
            series.cancelled = true;
        }

        private boolean isCancelled() {
            return series.cancelled;
        }

        private void runOnce() {
            if (!isCancelled()) {
                task.run();
            }
        }

        @Override
        public int compareTo(Timer other) {
            int byTime = at.compareTo(other.at);
            return byTime != 0 ? byTime : Long.compare(seq, other.seq);
        }
    }
}
