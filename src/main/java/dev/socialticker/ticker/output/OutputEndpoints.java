package dev.socialticker.ticker.output;

import java.time.Duration;

/** The outputs' endpoints, named once here. */
public final class OutputEndpoints {
    /** Every output route's id starts so: {@code output-<name>}. */
    public static final String ROUTE_ID_PREFIX = "output-";
    /** Staleness by age, lease renewal and the retry of dead-lettered pushes: route {@code output-tick}. */
    public static final String TICK = "direct:output-tick";
    /**
     * How often {@link #TICK} runs by itself: a repeat or a push owed waits at most this long for it.
     */
    public static final Duration TICK_PERIOD = Duration.ofSeconds(5);

    static final String TICK_TIMER =
            "timer:output-tick?period=" + TICK_PERIOD.toMillis() + "&delay=" + TICK_PERIOD.toMillis();

    private OutputEndpoints() {}

    /** Where an output's route starts (body: {@link Delivery}); its id is {@link #routeId}. */
    public static String of(String name) {
        return "direct:" + routeId(name);
    }

    public static String routeId(String name) {
        return ROUTE_ID_PREFIX + name;
    }
}
