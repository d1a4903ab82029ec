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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * Time in the offline cloud: a clock that runs {@code scale} times faster than the wall clock from a chosen start,
 * and waits and timers measured in that time. At scale 1 it is real time; at scale 3600 an hour passes in a second,
 * so a five-minute schedule, a two-day delivery or a retry backoff does not slow a demo or a test.
 *
 * <p>The pace can be slowed ({@link #pace}) while the functions are busy: their work takes real time, and at full
 * speed a one-second invocation would look like an hour. Waits and timers follow the clock as it changes pace, because
 * they are kept as simulated instants, never converted to a wall-clock delay up front.
 *
 * <p>A {@linkplain #discrete discrete} clock goes further: it stands still while any work is under way and moves
 * only when all of it waits for the clock, straight to the next instant something waits for. Work is counted in
 * credits: a running timer task holds one, so does whatever {@link #hold} was called for (an execution, a queue's
 * batch, a caller acting from outside); a thread that sleeps or {@linkplain #await awaits} on the clock gives its
 * credit back while it waits, and gets it again from whoever wakes it, before that one lets go of its own. So the
 * work done at each instant, and every outcome, is the same however slow or busy the machine.
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
    /** The threads waiting in {@link #sleepUntil} or {@link #await}, by the instant they wait for. */
    private final PriorityQueue<Waiter> sleepers = new PriorityQueue<>();
    /** Work under way, on a discrete clock (guarded by the lock): see the class comment. */
    private int credits;
    /** Counts every change of {@link #credits} and of what waits on the clock (guarded by the lock). */
    private long version;
    private final List<Expectation> expectations = new ArrayList<>();
    private final AtomicLong moves = new AtomicLong();
    private final ExecutorService tasks = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("simulated-timer-task-", 0).factory());
    private final Thread timerThread;
    private final boolean stepping;
    private final boolean discrete;
    private Thread advancer;
    /** Set by {@link #keepWallClockPace}: the pace no longer changes. */
    private volatile boolean wallClockPace;
    private volatile boolean closed;

    /** The clock from {@code nanoBase} on: {@code at + (System.nanoTime() - nanoBase) * rate} nanoseconds. */
    private record Segment(long at, long nanoBase, double rate) {
        long nanosAt(long nanoTime) {
            return at + (long) ((nanoTime - nanoBase) * rate);
        }
    }

    public SimulatedTime(Instant start, double scale) {
        this(start, scale, false, false);
    }

    private SimulatedTime(Instant start, double scale, boolean stepping, boolean discrete) {
        if (scale <= 0) {
            throw new IllegalArgumentException("Time scale must be positive, was " + scale);
        }
        this.start = start;
        this.scale = scale;
        this.stepping = stepping;
        this.discrete = discrete;
        this.segment = new Segment(toNanos(start), System.nanoTime(), stepping || discrete ? 0 : scale);
        this.timerThread = Thread.ofPlatform().daemon().name("simulated-timers").start(this::runTimers);
    }

    /**
     * A clock that stands still until a wait moves it to the instant the wait ends (timers due by then fire): for one
     * sequential story, such as an execution of Wait states, each step happens at exactly its simulated instant
     * however slow the machine. Not for concurrent work, whose waits would move each other's clock.
     */
    public static SimulatedTime stepping(Instant start) {
        return new SimulatedTime(start, 1, true, false);
    }

    /**
     * A clock that stands still while work holds it and moves, when none does, to the next instant something waits
     * for (see the class comment). It moves once {@link #advanceWhenIdle} has started it.
     */
    public static SimulatedTime discrete(Instant start) {
        return new SimulatedTime(start, 1, false, true);
    }

    public boolean isDiscrete() {
        return discrete;
    }

    /** How many times a discrete clock has moved on to a next event. */
    public long moves() {
        return moves.get();
    }

    /**
     * Starts moving a discrete clock: whenever no credit is held, nothing on the clock is due and {@code outsideIdle}
     * says that nothing outside the clock's count waits to be done (a queue's messages, say), it moves to the next
     * instant a timer, a sleeper or an expectation waits for. A no-op for other clocks.
     */
    public void advanceWhenIdle(BooleanSupplier outsideIdle) {
        if (!discrete || advancer != null) {
            return;
        }
        advancer = Thread.ofPlatform().daemon().name("simulated-clock").start(() -> advance(outsideIdle));
    }

    /** One credit of work, given back by {@link Hold#close} (once, whatever the number of calls). */
    public Hold hold() {
        lock.lock();
        try {
            credits++;
            version++;
        } finally {
            lock.unlock();
        }
        return new Hold();
    }

    /** A credit of work on the clock: while one is held, a discrete clock does not move. */
    public final class Hold implements AutoCloseable {
        private final AtomicInteger open = new AtomicInteger(1);

        private Hold() {
        }

        @Override
        public void close() {
            if (open.getAndSet(0) == 1) {
                giveBack(1);
            }
        }
    }

    private void giveBack(int count) {
        lock.lock();
        try {
            credits -= count;
            version++;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
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

    /** How fast simulated time runs now, as a share of its full speed (between 0 and 1; 1 for a discrete clock). */
    public double pace() {
        return discrete ? 1 : segment.rate() / scale;
    }

    /** Runs simulated time at {@code share} of its full speed from now on. */
    public void pace(double share) {
        if (stepping || wallClockPace || discrete) {
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
        if (stepping || discrete) {
            throw new IllegalStateException("A stepping or discrete clock moves only by its waits");
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

    /**
     * Waits until the clock reads {@code when}. On a discrete clock the sleeper gives back the credit of the work it
     * belongs to while it sleeps (see the class comment): a thread that holds none must not sleep on one.
     */
    public void sleepUntil(Instant when) throws InterruptedException {
        if (stepping) {
            stepTo(when);
            return;
        }
        waitFor(null, toNanos(when));
    }

    /**
     * Waits until {@code result} is done or the clock reads {@code until} ({@code null}: no limit), giving back the
     * waiter's credit meanwhile on a discrete clock; whoever completes the result gives it again, in its own thread,
     * before it can let go of its own. True when the result came first.
     */
    public boolean await(CompletableFuture<?> result, Instant until) throws InterruptedException {
        waitFor(result, until == null ? Long.MAX_VALUE : toNanos(until));
        return result.isDone();
    }

    private void waitFor(CompletableFuture<?> result, long at) throws InterruptedException {
        Waiter waiter = new Waiter(at, sequence.incrementAndGet());
        lock.lock();
        try {
            if ((result != null && result.isDone()) || toNanos(instant()) >= at) {
                return;
            }
            sleepers.add(waiter);
            version++;
            if (discrete) {
                credits--;
            }
            if (result != null) {
                // Registered with the credit given back, under the lock: no instant in between for the clock to move
                // in. Done already, the result wakes the waiter here; otherwise its completer does, in its own thread.
                result.whenComplete((value, failure) -> wake(waiter));
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        lock.lock();
        try {
            while (!waiter.woken) {
                if (discrete) {
                    changed.await();
                } else if (toNanos(instant()) >= at) {
                    waiter.woken = true;
                } else {
                    long left = real(Duration.ofNanos(at - toNanos(instant()))).toNanos();
                    changed.await(Math.max(1, Math.min(MAX_NAP_NANOS, left)), TimeUnit.NANOSECONDS);
                }
            }
        } finally {
            // Interrupted, the waiter takes its credit back itself: the work it belongs to goes on (to its end).
            wakeHoldingLock(waiter);
            sleepers.remove(waiter);
            version++;
            lock.unlock();
        }
    }

    private void wake(Waiter waiter) {
        lock.lock();
        try {
            wakeHoldingLock(waiter);
        } finally {
            lock.unlock();
        }
    }

    private void wakeHoldingLock(Waiter waiter) {
        if (!waiter.woken) {
            waiter.woken = true;
            if (discrete) {
                credits++;
                version++;
            }
            changed.signalAll();
        }
    }

    /**
     * For a caller outside the clock's work (a test, a demo watching its orders): waits until {@code condition} holds
     * at an instant when all work waits for the clock, or until the clock reads {@code deadline}. On a discrete clock
     * the condition is read only then, so what it sees is the same on any machine; a clock that does not move is
     * watched for at most {@code hangGuard} of wall time, after which it fails with a clear message. True when the
     * condition came, false when the deadline did.
     */
    public boolean expect(BooleanSupplier condition, Instant deadline, Duration hangGuard)
            throws InterruptedException {
        Hold held = expectHolding(condition, deadline, hangGuard);
        if (held == null) {
            return false;
        }
        held.close();
        return true;
    }

    /**
     * As {@link #expect}, but the caller gets the clock held at the instant the condition came ({@code null} when the
     * deadline came first): what it does before it closes the hold happens at that instant, before anything else.
     */
    public Hold expectHolding(BooleanSupplier condition, Instant deadline, Duration hangGuard)
            throws InterruptedException {
        return expectHolding(condition, deadline, hangGuard, null);
    }

    /**
     * As {@link #expectHolding(BooleanSupplier, Instant, Duration)}, letting go of {@code held} (the caller's own hold,
     * or {@code null}) once the condition is watched: nothing can happen between the two, so a caller that held the
     * clock while it set something going cannot miss the instant it waits for.
     */
    public Hold expectHolding(BooleanSupplier condition, Instant deadline, Duration hangGuard, Hold held)
            throws InterruptedException {
        long guard = System.nanoTime() + hangGuard.toNanos();
        if (!discrete || advancer == null) {
            if (held != null) {
                held.close();
            }
            while (true) {
                if (condition.getAsBoolean()) {
                    return hold();
                }
                if (!instant().isBefore(deadline)) {
                    return null;
                }
                checkGuard(guard, hangGuard);
                Thread.sleep(10);
            }
        }
        Expectation expectation = new Expectation(condition, toNanos(deadline));
        lock.lock();
        try {
            expectations.add(expectation);
            version++;
            if (held != null) {
                held.close();
            }
            changed.signalAll();
            while (expectation.met == null) {
                checkGuard(guard, hangGuard);
                changed.await(100, TimeUnit.MILLISECONDS);
            }
        } finally {
            expectations.remove(expectation);
            lock.unlock();
        }
        if (expectation.failure != null) {
            throw new IllegalStateException("Reading an expected condition failed: " + expectation.failure,
                    expectation.failure);
        }
        // Met, the advancer took a credit for the caller; not met, none.
        return expectation.met ? new Hold() : null;
    }

    private void checkGuard(long guard, Duration hangGuard) {
        if (System.nanoTime() > guard) {
            throw new IllegalStateException("Waited " + hangGuard + " of wall time for a condition, in vain;"
                    + " simulated time is now " + instant() + " (credits held: " + credits + ", clock moves: "
                    + moves.get() + ")");
        }
    }

    /** The advancer's loop: see {@link #advanceWhenIdle}. */
    private void advance(BooleanSupplier outsideIdle) {
        while (!closed) {
            try {
                long seen;
                lock.lock();
                try {
                    if (!quietHoldingLock()) {
                        changed.await(1, TimeUnit.MILLISECONDS);
                        continue;
                    }
                    seen = version;
                } finally {
                    lock.unlock();
                }
                if (!outsideIdle.getAsBoolean()) {
                    TimeUnit.MICROSECONDS.sleep(500);
                    continue;
                }
                List<Expectation> watched;
                lock.lock();
                try {
                    watched = List.copyOf(expectations);
                } finally {
                    lock.unlock();
                }
                List<Expectation> met = new ArrayList<>();
                for (Expectation expectation : watched) {
                    try {
                        if (expectation.condition.getAsBoolean()) {
                            met.add(expectation);
                        }
                    } catch (RuntimeException e) {
                        expectation.failure = e;
                        met.add(expectation);
                    }
                }
                lock.lock();
                try {
                    if (version != seen || !quietHoldingLock()) {
                        continue;
                    }
                    if (!met.isEmpty()) {
                        for (Expectation expectation : met) {
                            expectation.met = expectation.failure == null;
                            if (expectation.met) {
                                credits++;
                            }
                        }
                        version++;
                        changed.signalAll();
                        continue;
                    }
                    moveToNextEvent();
                } finally {
                    lock.unlock();
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** No credit held, no timer or sleeper due; call holding the lock. */
    private boolean quietHoldingLock() {
        long now = toNanos(instant());
        Timer next = nextLiveTimer();
        Waiter sleeper = sleepers.peek();
        return credits <= 0 && (next == null || toNanos(next.at) > now)
                && (sleeper == null || sleeper.at > now || sleeper.woken);
    }

    /** Moves a discrete clock to the next instant something waits for, waking what waits for it; holding the lock. */
    private void moveToNextEvent() throws InterruptedException {
        Timer next = nextLiveTimer();
        long target = next == null ? Long.MAX_VALUE : toNanos(next.at);
        for (Waiter sleeper : sleepers) {
            if (!sleeper.woken) {
                target = Math.min(target, sleeper.at);
            }
        }
        for (Expectation expectation : expectations) {
            target = Math.min(target, expectation.deadline);
        }
        long now = toNanos(instant());
        if (target == Long.MAX_VALUE) {
            changed.await(5, TimeUnit.MILLISECONDS);
            return;
        }
        if (target > now) {
            segment = new Segment(target, System.nanoTime(), 0);
            now = target;
            moves.incrementAndGet();
        }
        for (Waiter sleeper : sleepers) {
            if (sleeper.at <= now) {
                wakeHoldingLock(sleeper);
            }
        }
        for (Expectation expectation : expectations) {
            if (expectation.deadline <= now && expectation.met == null) {
                expectation.met = false;
            }
        }
        version++;
        changed.signalAll();
    }

    /** A thread waiting on the clock, until its instant or until woken. */
    private static final class Waiter implements Comparable<Waiter> {
        private final long at;
        private final long seq;
        private boolean woken;

        Waiter(long at, long seq) {
            this.at = at;
            this.seq = seq;
        }

        @Override
        public int compareTo(Waiter other) {
            int byTime = Long.compare(at, other.at);
            return byTime != 0 ? byTime : Long.compare(seq, other.seq);
        }
    }

    /** A caller's condition, read when all work waits for the clock, and its deadline. */
    private static final class Expectation {
        private final BooleanSupplier condition;
        private final long deadline;
        private volatile Boolean met;
        private volatile RuntimeException failure;

        Expectation(BooleanSupplier condition, long deadline) {
            this.condition = condition;
            this.deadline = deadline;
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
            version++;
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
                    // A task holds the clock as any work does; one that sleeps on it gives its credit back meanwhile.
                    credits++;
                    version++;
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

    /** Runs a due timer's task (holding a credit from when it was taken off the queue). */
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
                    taskEnded();
                }
            });
        } catch (RuntimeException e) {
            taskEnded();
            throw e;
        }
    }

    private void taskEnded() {
        lock.lock();
        try {
            credits--;
            version++;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        closed = true;
        timerThread.interrupt();
        if (advancer != null) {
            advancer.interrupt();
        }
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
