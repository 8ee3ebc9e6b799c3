package dev.socialticker.ticker.support;

/**
 * The long runs, each with the short form every build runs and the full form the nightly build runs
 * ({@code ./mvnw verify -Pnightly}, {@code .github/workflows/nightly.yml}, which set the system
 * property {@code test.nightly=true}). This enum is the nightly set: a long run is never dropped
 * from the regular build, only shortened, and docs/development.md lists the same entries.
 */
public enum Nightly {
    /** ScreenBrowserIT: simulated hours of polls the screen's memory soak runs. */
    SCREEN_SOAK_HOURS(2, 24),
    /** TickerBehindCacheIT: cached copies (about 10 s each) the page stays "Live" through. */
    CACHE_CYCLES(3, 30),
    /** ManySourcesIT: sources the packaged jar must have all served soon after it starts. */
    SOURCES_AT_START(2_000, 10_000),
    /** ManySourcesIT: reads of stale counts during the outage, by each of its 8 readers. */
    READS_PER_READER_IN_OUTAGE(300, 1_500),
    /** SimulatedYearTest: simulated days of readings every 60 s (past the 90 days of hours, only days grow). */
    SIMULATED_HISTORY_DAYS(120, 365);

    /** The system property that selects the nightly forms. */
    public static final String PROPERTY = "test.nightly";

    private final int regular;
    private final int nightly;

    Nightly(int regular, int nightly) {
        this.regular = regular;
        this.nightly = nightly;
    }

    /** The form this build runs. */
    public int value() {
        return Boolean.getBoolean(PROPERTY) ? nightly : regular;
    }

    /** {@link #value()} as text, for a child process's environment. */
    public String text() {
        return Integer.toString(value());
    }
}
