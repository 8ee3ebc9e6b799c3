package dev.socialticker.ticker.refresh;

import dev.socialticker.ticker.domain.TickerSource;
import dev.socialticker.ticker.store.WritePermit;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.hc.core5.concurrent.Cancellable;

/**
 * One refresh of one source, from the moment the gate admits it until its outcome is stored: which
 * source it is for (kept here, in an exchange property, where no provider route can change it), the
 * moment its budget ends, the upstream calls in flight, and whether its outcome may still be written.
 *
 * <p>Exactly one outcome is written per run. The first of these wins, atomically:
 * <ul>
 *   <li>{@link #tryCommit()}: the refresh itself stores its snapshot or its failure;</li>
 *   <li>{@link #tryTimeOut()}: the budget ran out and the refresh did not end; {@link RefreshRuns}
 *       records {@code TIMEOUT} in its place;</li>
 *   <li>{@link #abandon()}: the service is stopping; nothing is written.</li>
 * </ul>
 * Whatever comes after (a late answer, a failure caused by the abort) is dropped.
 */
public final class RefreshRun implements WritePermit {
    /** Exchange property holding the run. */
    public static final String PROPERTY = WritePermit.PROPERTY;

    private enum State {
        RUNNING,
        COMMITTED,
        TIMED_OUT,
        ABANDONED
    }

    private final TickerSource source;
    private final Duration budget;
    private final long startNanos = System.nanoTime();
    private final long deadlineNanos;
    private final Runnable releaseGate;
    private final AtomicReference<State> state = new AtomicReference<>(State.RUNNING);
    private final AtomicBoolean gateReleased = new AtomicBoolean();
    private final AtomicInteger failedAttempts = new AtomicInteger();
    private final Set<Cancellable> calls = ConcurrentHashMap.newKeySet();
    private volatile boolean expired;
    private volatile ScheduledFuture<?> expiry;
    private volatile ScheduledFuture<?> backstop;

    RefreshRun(TickerSource source, Duration budget, Runnable releaseGate) {
        this.source = source;
        this.budget = budget;
        this.deadlineNanos = startNanos + budget.toNanos();
        this.releaseGate = releaseGate;
    }

    @Override
    public TickerSource source() {
        return source;
    }

    /** The whole time this refresh may take, retries included ({@code ticker.refresh.retry.give-up-after}). */
    Duration budget() {
        return budget;
    }

    /** The budget as people read it: {@code 30 s}, {@code 2500 ms}. */
    String budgetText() {
        return budget.toMillis() % 1000 == 0 ? budget.toSeconds() + " s" : budget.toMillis() + " ms";
    }

    /** Time left of the budget (measured on the monotonic clock: the budget is real time, not the service's clock). */
    Duration remaining() {
        long left = deadlineNanos - System.nanoTime();
        return left <= 0 ? Duration.ZERO : Duration.ofNanos(left);
    }

    /** Time since the run started. */
    @Override
    public Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /** True once the budget has run out or the run was taken over: no further attempt may start. */
    boolean isOver() {
        return expired || state.get() != State.RUNNING;
    }

    /** True once the budget has run out. */
    boolean expired() {
        return expired;
    }

    int countFailedAttempt() {
        return failedAttempts.incrementAndGet();
    }

    int failedAttempts() {
        return failedAttempts.get();
    }

    /**
     * An upstream call of this run has started; it is aborted when the budget runs out or the
     * service stops. A call registered after that is aborted at once.
     */
    public void register(Cancellable call) {
        calls.add(call);
        if (isOver()) {
            call.cancel();
        }
    }

    /** Claims the right to write this run's outcome; false when the run already timed out or was abandoned. */
    @Override
    public boolean tryCommit() {
        return state.compareAndSet(State.RUNNING, State.COMMITTED);
    }

    /** The budget ran out: aborts the calls in flight so the refresh ends now. */
    void expire() {
        expired = true;
        abortCalls();
    }

    /** Takes the run over to record its timeout; false when it already wrote or was abandoned. */
    boolean tryTimeOut() {
        boolean won = state.compareAndSet(State.RUNNING, State.TIMED_OUT);
        if (won) {
            abortCalls();
        }
        return won;
    }

    /** The service is stopping: nothing of this run is written, its calls are aborted. */
    void abandon() {
        if (state.compareAndSet(State.RUNNING, State.ABANDONED)) {
            abortCalls();
        }
    }

    void schedule(ScheduledFuture<?> expiry, ScheduledFuture<?> backstop) {
        this.expiry = expiry;
        this.backstop = backstop;
    }

    /** The run is over: its timers are cancelled and the gate released, once, whoever gets here first. */
    void end() {
        ScheduledFuture<?> e = expiry;
        ScheduledFuture<?> b = backstop;
        if (e != null) {
            e.cancel(false);
        }
        if (b != null) {
            b.cancel(false);
        }
        releaseGate();
    }

    void releaseGate() {
        if (gateReleased.compareAndSet(false, true)) {
            releaseGate.run();
        }
    }

    private void abortCalls() {
        calls.forEach(Cancellable::cancel);
    }
}
