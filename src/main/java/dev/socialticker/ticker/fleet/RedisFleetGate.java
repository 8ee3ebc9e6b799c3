package dev.socialticker.ticker.fleet;

import dev.socialticker.ticker.refresh.FleetGate;
import dev.socialticker.ticker.refresh.RefreshSchedule;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.Lock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.data.redis.RedisProperties;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.integration.redis.util.RedisLockRegistry;
import org.springframework.stereotype.Component;

/**
 * The fleet-wide part of the refresh gate: an instance calls a source's upstream only while it
 * holds the source's lease, and only when the fleet's window allows it.
 * <ul>
 *   <li><b>Single flight</b>: the lease is a lock of Spring Integration's {@link RedisLockRegistry}
 *       (owner token, expiry of {@code give-up-after} plus a margin, released only by its owner). If
 *       its holder dies, the key expires and another instance takes the source over.</li>
 *   <li><b>One call per window</b>: holding the lease, the instance reads when the fleet last started
 *       or ended a refresh of the source ({@code attempt:<id>}) and whether the upstream asked it to wait
 *       ({@code not-before:<id>}); a timer tick goes ahead only a refresh period after the last
 *       start, any other trigger a {@code min-interval} after it. So N instances call each provider
 *       no more often than one would.</li>
 *   <li><b>Redis unreachable</b>: the claim is granted unshared, with one warning ({@link RedisLink}):
 *       the instance refreshes on its own rather than stop.</li>
 * </ul>
 *
 * <p>The lock registry is used from one thread of its own. Its locks are also local
 * {@code ReentrantLock}s, owned by the thread that took them: a refresh ends on another thread than
 * it started (redelivery, the deadline's take-over), and a lock taken by a thread that then died
 * could never be taken again in this registry (both tried against a real Redis before choosing
 * this). Taking and releasing every lease on one thread keeps the registry's guarantees and removes
 * that trap; each operation is one Redis round trip.
 */
@Component
@SharedMode
class RedisFleetGate implements FleetGate, DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(RedisFleetGate.class);
    /** A lease outlives the refresh's own deadline by this much: a slow holder is never overtaken. */
    static final Duration LEASE_MARGIN = Duration.ofSeconds(5);

    private final RedisLockRegistry leases;
    private final StringRedisTemplate redis;
    private final RedisKeys keys;
    private final RedisLink link;
    private final Clock clock;
    private final Duration minInterval;
    private final Duration scheduledGap;
    private final Duration attemptMemory;
    private final Duration waitForRedis;
    private final ExecutorService leaseThread = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "ticker-fleet-leases");
        thread.setDaemon(true);
        return thread;
    });

    RedisFleetGate(
            RedisLockRegistry leases,
            StringRedisTemplate redis,
            RedisKeys keys,
            RedisLink link,
            Clock clock,
            RefreshSchedule schedule,
            RedisProperties redisProperties) {
        this.leases = leases;
        this.redis = redis;
        this.keys = keys;
        this.link = link;
        this.clock = clock;
        this.minInterval = schedule.minInterval();
        Duration window = schedule.period().compareTo(minInterval) > 0 ? schedule.period() : minInterval;
        this.scheduledGap = window.minus(schedule.timerSlack());
        this.attemptMemory = window.multipliedBy(2);
        // Each step is a Redis command bounded by spring.data.redis.timeout; the queue adds little.
        this.waitForRedis = FleetConfiguration.commandTimeout(redisProperties).multipliedBy(4);
    }

    @Override
    public Claim tryClaim(String sourceId, boolean scheduled) {
        Lock lease = leases.obtain(sourceId);
        try {
            boolean claimed = onLeaseThread(() -> claim(lease, sourceId, scheduled ? scheduledGap : minInterval));
            link.reached();
            return claimed ? () -> release(lease, sourceId) : null;
        } catch (DataAccessException | FleetUnreachable unreachable) {
            link.failed("claiming the refresh lease of " + sourceId, unreachable);
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
            redis.opsForValue().set(keys.notBefore(sourceId), String.valueOf(until.toEpochMilli()), wait);
            link.reached();
        } catch (DataAccessException unreachable) {
            link.failed("sharing the wait the upstream of " + sourceId + " asked for", unreachable);
        }
    }

    /** On the lease thread: takes the lease, then keeps it only if the fleet's window allows a call now. */
    private boolean claim(Lock lease, String sourceId, Duration gap) {
        if (!lease.tryLock()) {
            return false;
        }
        boolean keep = false;
        try {
            Instant now = clock.instant();
            List<String> facts =
                    redis.opsForValue().multiGet(List.of(keys.attempt(sourceId), keys.notBefore(sourceId)));
            Instant lastStart = instantOf(facts, 0);
            Instant notBefore = instantOf(facts, 1);
            if (notBefore != null && now.isBefore(notBefore)) {
                return false;
            }
            if (lastStart != null && now.isBefore(lastStart.plus(gap))) {
                return false;
            }
            redis.opsForValue().set(keys.attempt(sourceId), String.valueOf(now.toEpochMilli()), attemptMemory);
            keep = true;
            return true;
        } finally {
            if (!keep) {
                lease.unlock();
            }
        }
    }

    /**
     * Ends the claim. The fleet's window is counted again from now: a refresh whose call reached the
     * upstream late (a slow start, a retry) must not let the next holder call right after it.
     */
    private void release(Lock lease, String sourceId) {
        try {
            onLeaseThread(() -> {
                try {
                    redis.opsForValue()
                            .set(
                                    keys.attempt(sourceId),
                                    String.valueOf(clock.instant().toEpochMilli()),
                                    attemptMemory);
                } finally {
                    lease.unlock();
                }
                return true;
            });
        } catch (RuntimeException failed) {
            // Expired meanwhile, Redis unreachable, or stopping: the key expires by itself.
            log.debug("Lease of {} not released ({}); it expires by itself", sourceId, failed.toString());
        }
    }

    private <T> T onLeaseThread(Callable<T> step) {
        try {
            return leaseThread.submit(step).get(waitForRedis.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof RuntimeException runtime) {
                if (runtime instanceof DataAccessException || runtime.getCause() instanceof DataAccessException) {
                    throw new FleetUnreachable(runtime);
                }
                throw runtime;
            }
            throw new IllegalStateException(failed.getCause());
        } catch (TimeoutException | RejectedExecutionException late) {
            throw new FleetUnreachable(late);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new FleetUnreachable(interrupted);
        }
    }

    private static Instant instantOf(List<String> values, int index) {
        String value = values == null ? null : values.get(index);
        return value == null ? null : Instant.ofEpochMilli(Long.parseLong(value));
    }

    @Override
    public void destroy() {
        leaseThread.shutdown();
    }

    /** Redis did not answer in time, or the lease thread is gone: the refresh goes on unshared. */
    static final class FleetUnreachable extends RuntimeException {
        FleetUnreachable(Throwable cause) {
            super(cause.toString(), cause);
        }
    }
}
