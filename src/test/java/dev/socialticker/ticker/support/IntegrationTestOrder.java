package dev.socialticker.ticker.support;

import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

/**
 * The order in which Failsafe's two threads take the integration test classes (pom.xml,
 * {@code junit.jupiter.testclass.order.default}). JUnit hands the list out from both ends: one
 * thread starts with the first class, the other with the last. So the class that mostly waits
 * ({@code TickerBehindCacheIT}, a minute of watching a cache) starts at once beside the longest busy
 * one ({@code ScreenBrowserIT}), and {@code ManySourcesIT}, which must not run beside a class that
 * judges real-time timers ({@link SharedMachine#TIMELINESS}), comes from the front only after the
 * watch is over. The busy classes then follow one another, as their {@link SharedMachine#CORES} lock
 * has them do anyway. A class not listed runs between the two ends.
 */
public final class IntegrationTestOrder implements ClassOrderer {
    static final List<String> ORDER = List.of(
            "TickerBehindCacheIT",
            "ShippedPackagesIT",
            "ManySourcesIT",
            "ShippedRuntimeIT",
            "PackagedApplicationIT",
            "TickerBrowserIT",
            "ScreenBrowserIT");

    @Override
    public void orderClasses(ClassOrdererContext context) {
        context.getClassDescriptors().sort(Comparator.comparingInt(IntegrationTestOrder::position));
    }

    private static int position(ClassDescriptor test) {
        int listed = ORDER.indexOf(test.getTestClass().getSimpleName());
        // Unlisted classes between the first and the last.
        return listed >= 0 ? listed * 2 : ORDER.size() - 1;
    }
}
