package dev.socialticker.ticker.fleet;

import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Whether this instance reached Redis at its latest try, told once per change in the log: an outage
 * is one warning and one "back" line, not a line per refresh. Every Redis operation of the shared
 * mode reports here; {@link RedisHealthIndicator} shows it.
 */
@Component
@SharedMode
class RedisLink {
    private static final Logger log = LoggerFactory.getLogger(RedisLink.class);

    /** Null while reachable; otherwise what failed. */
    private final AtomicReference<String> problem = new AtomicReference<>();

    void reached() {
        String was = problem.getAndSet(null);
        if (was != null) {
            log.info("Redis is reachable again: this instance shares its snapshots and refresh leases with the fleet");
        }
    }

    void failed(String doing, RuntimeException cause) {
        String what = "Redis unreachable while " + doing + " (" + describe(cause) + ")";
        if (problem.getAndSet(what) == null) {
            log.warn(
                    "{}: this instance serves its own copies and refreshes without the fleet's lease until Redis"
                            + " is back (it reconnects by itself)",
                    what);
        } else {
            log.debug(what);
        }
    }

    boolean reachable() {
        return problem.get() == null;
    }

    /** What failed last, while Redis is unreachable; null when it is reachable. */
    String problem() {
        return problem.get();
    }

    /** The exception's class and its innermost message: Lettuce names host and port, never a password. */
    private static String describe(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
