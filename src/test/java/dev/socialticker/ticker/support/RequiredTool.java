package dev.socialticker.ticker.support;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Assumptions;

/** A tool a test needs from the machine: in CI its absence fails the build, naming it; elsewhere the test is skipped. */
public final class RequiredTool {
    private RequiredTool() {
    }

    /**
     * @param tool what is missing and where it comes from, e.g. "redis-server (Debian package redis-server)"
     */
    public static void require(boolean present, String test, String tool) {
        if (present) {
            return;
        }
        String message = test + " needs " + tool;
        if ("true".equals(System.getenv("CI"))) {
            fail(message);
        }
        Assumptions.abort(message);
    }
}
