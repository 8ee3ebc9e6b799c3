package dev.socialticker.ticker.support;

/**
 * The machine the integration tests share when Failsafe runs two classes at once (pom.xml): the
 * locks a class declares with {@code @ResourceLock} so that only classes that gain from it overlap.
 * Two classes that each keep both cores busy took longer side by side than one after the other;
 * a class that mostly waits (a browser watching a cache expire) fits beside one of them.
 */
public final class SharedMachine {
    /**
     * Taken {@code READ_WRITE} by a class that keeps the cores busy: it starts JVMs, a browser that
     * renders, or loads the service. No two such classes run at once.
     */
    public static final String CORES = "cores";

    /**
     * Taken {@code READ} by a class whose verdict depends on real-time timers firing on time (a page
     * turning stale when due), {@code READ_WRITE} by a class that loads the machine so much that
     * they would not.
     */
    public static final String TIMELINESS = "timeliness";

    private SharedMachine() {}
}
