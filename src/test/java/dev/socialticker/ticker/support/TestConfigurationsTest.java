package dev.socialticker.ticker.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The budget of application context configurations: a new test joins one of the shared
 * configurations (same annotations and properties, so Spring's cache gives it the running context)
 * unless its subject needs a context of its own, and then this number is raised on purpose, in the
 * same commit, with the reason.
 */
class TestConfigurationsTest {
    /** The most distinct configurations the suite may have (docs/development.md, "Test contexts"). */
    static final int BUDGET = 15;

    @Test
    void theSuiteKeepsToItsBudgetOfContextConfigurations() {
        List<List<String>> configurations = TestConfigurations.distinct();
        configurations.forEach(classes -> System.out.println("[test contexts] " + classes));

        assertThat(configurations)
                .as("distinct configurations, each a context started at least once per test JVM")
                .hasSizeLessThanOrEqualTo(BUDGET);
    }

    @Test
    void findsTheSharedConfigurationsAndTheTestsThatShareThem() {
        List<List<String>> configurations = TestConfigurations.distinct();

        assertThat(configurations)
                .as("the shared service's tests are one configuration")
                .anySatisfy(classes -> assertThat(classes).contains("AdminApiTest", "AggregationTest"))
                .as("a configuration of its own")
                .anySatisfy(classes -> assertThat(classes).containsExactly("AlertDeliveryTest"));
        assertThat(configurations.stream().flatMap(List::stream))
                .as("every concrete test class with a test context, once; no bare test, no abstract base")
                .doesNotHaveDuplicates()
                .contains("ScreenBrowserIT", "GrowthInBodyTest")
                .doesNotContain("SimulatedYearTest", "SharedServiceTest", "UpstreamServiceTest");
    }
}
