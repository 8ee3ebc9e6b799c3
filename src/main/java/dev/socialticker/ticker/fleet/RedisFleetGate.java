package dev.socialticker.ticker.fleet;

import dev.socialticker.ticker.refresh.FleetGate;
import dev.socialticker.ticker.refresh.RefreshProperties;
import dev.socialticker.ticker.refresh.RefreshSchedule;
import dev.socialticker.ticker.state.StateKey;
import dev.socialticker.ticker.state.StateRepository;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The fleet-wide part of the refresh gate: an instance calls a source's upstream only while it
 * holds the source's lease, and only when the fleet's window allows it. Everything here goes
 * through the state repository, the shared mode's one way to Redis.
 * <ul>
 *   <li><b>Single flight</b>: the lease is the repository's ({@link StateRepository#holdLease}, key
 *       {@code lease:<id>}): one holder at a time, taken in one script, with an expiry of
 *       {@code give-up-after} plus a margin, released only by its holder. Each claim is a holder of
 *       its own, so two refreshes of one instance never share a lease either. If its holder dies,
 *       the key expires and another instance takes the source over.</li>
 *   <li><b>One call per window</b>: holding the lease, the instance reads when the fleet last started
 *       or ended a refresh of the source ({@link StateKey#refreshAttempt}) and whether the upstream
 *       asked it to wait ({@link StateKey#notBefore}); a timer tick goes ahead only a refresh period
 *       after the last start, any other trigger a {@code min-interval} after it. So N instances call
 *       each provider no more often than one would.</li>
 *   <li><b>Redis unreachable</b>: the claim is granted unshared, with one warning ({@link RedisLink}):
 *       the instance refreshes on its own rather than stop. Each step is one Redis command, bounded
 *       by the connection's command timeout, and fails at once while the connection is down
 *       ({@link FleetConfiguration}).</li>
 * </ul>
 */
@Component
@SharedMode
class RedisFleetGate implements FleetGate {
    private static final Logger log = LoggerFactory.getLogger(RedisFleetGate.class);
    /** A lease outlives the refresh's own deadline by this much: a slow holder is never overtaken. */
    static final Duration LEASE_MARGIN = Duration.ofSeconds(5);

    private final StateRepository state;
    private final String instance;
    private final AtomicLong claims = new AtomicLong();
    private final Clock clock;
    private final Duration leaseExpiry;
    private final Duration minInterval;
    private final Duration scheduledGap;
    private final Duration attemptMemory;

    RedisFleetGate(
            StateRepository state,
            FleetInstance instance,
            Clock clock,
            RefreshSchedule schedule,
            RefreshProperties refresh) {
        this.state = state;
        this.instance = instance.id();
        this.clock = clock;
        this.leaseExpiry = leaseExpiry(refresh);
        this.minInterval = schedule.minInterval();
        Duration window = schedule.period().compareTo(minInterval) > 0 ? schedule.period() : minInterval;
        this.scheduledGap = window.minus(schedule.timerSlack());
        this.attemptMemory = window.multipliedBy(2);
    }

    /** How long a refresh lease lasts: the refresh's whole budget, its take-over second, and a margin. */
    static Duration leaseExpiry(RefreshProperties refresh) {
        return refresh.retry().giveUpAfter().plusSeconds(1).plus(LEASE_MARGIN);
    }

    @Override
    public Claim tryClaim(String sourceId, boolean scheduled) {
        String lease = RedisKeys.refreshLease(sourceId);
        String holder = instance + ":" + claims.incrementAndGet();
        try {
            if (!state.holdLease(lease, holder, leaseExpiry)) {
                return null;
            }
            boolean keep = false;
            try {
                keep = windowAllows(sourceId, scheduled ? scheduledGap : minInterval);
            } finally {
                if (!keep) {
                    state.releaseLease(lease, holder);
                }
            }
            return keep ? () -> release(sourceId, lease, holder) : null;
        } catch (IOException unreachable) {
            // The repository told the link, which logs an outage once.
            return UNSHARED;
        }
    }

    @Override
    public void deferUntil(String sourceId, Instant until) {
        Duration wait = Duration.between(clock.instant(), until);
        if (wait.isNegative() || wait.isZero()) {
            return;
        }
        try {
            state.write(StateKey.notBefore(sourceId), millis(until), wait);
        } catch (IOException unreachable) {
            log.debug("The wait {}'s upstream asked for is not shared: {}", sourceId, unreachable.getMessage());
        }
    }

    /** Holding the lease: the fleet's window allows a call now, which is then recorded as its start. */
    private boolean windowAllows(String sourceId, Duration gap) throws IOException {
        Instant now = clock.instant();
        StateKey attempt = StateKey.refreshAttempt(sourceId);
        StateKey notBefore = StateKey.notBefore(sourceId);
        Map<StateKey, byte[]> facts = state.readMany(List.of(attempt, notBefore));
        Instant lastStart = instantOf(facts.get(attempt));
        Instant waitUntil = instantOf(facts.get(notBefore));
        if (waitUntil != null && now.isBefore(waitUntil)) {
            return false;
        }
        if (lastStart != null && now.isBefore(lastStart.plus(gap))) {
            return false;
        }
        state.write(attempt, millis(now), attemptMemory);
        return true;
    }

    /**
     * Ends the claim. The fleet's window is counted again from now: a refresh whose call reached the
     * upstream late (a slow start, a retry) must not let the next holder call right after it.
     */
    private void release(String sourceId, String lease, String holder) {
        try {
            try {
                state.write(StateKey.refreshAttempt(sourceId), millis(clock.instant()), attemptMemory);
            } finally {
                state.releaseLease(lease, holder);
            }
        } catch (IOException failed) {
            // Redis unreachable, or stopping: the lease expires by itself.
            log.debug("Lease of {} not released ({}); it expires by itself", sourceId, failed.getMessage());
        }
    }

    private static byte[] millis(Instant instant) {
        return String.valueOf(instant.toEpochMilli()).getBytes(StandardCharsets.UTF_8);
    }

    private static Instant instantOf(byte[] value) {
        return value == null ? null : Instant.ofEpochMilli(Long.parseLong(new String(value, StandardCharsets.UTF_8)));
    }
}
