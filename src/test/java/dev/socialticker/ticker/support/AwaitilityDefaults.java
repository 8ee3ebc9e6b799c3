package dev.socialticker.ticker.support;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * How every {@code await()} of the test JVM polls, set once when JUnit starts (registered in
 * {@code META-INF/services}): the condition is looked at at once and then every 50 ms. Awaitility's
 * own default first waits 100 ms and then polls every 100 ms, so an await whose condition already
 * holds cost a tenth of a second, and the suite has hundreds of them. A test's {@code atMost} only
 * bounds a hang; it is never waited out when the condition comes true.
 */
public final class AwaitilityDefaults implements LauncherSessionListener {
    static final Duration POLL_INTERVAL = Duration.ofMillis(50);

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        Awaitility.setDefaultPollDelay(Duration.ZERO);
        Awaitility.setDefaultPollInterval(POLL_INTERVAL);
    }
}
