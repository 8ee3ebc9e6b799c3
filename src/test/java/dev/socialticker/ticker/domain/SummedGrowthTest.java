package dev.socialticker.ticker.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The growth of a sum, and the partial growth of the sources whose history is long enough. */
class SummedGrowthTest {
    private static final Growth UNKNOWN = Growth.NONE;

    private static Map<String, Growth> sources(Object... idsAndGrowths) {
        Map<String, Growth> sources = new LinkedHashMap<>();
        for (int i = 0; i < idsAndGrowths.length; i += 2) {
            sources.put((String) idsAndGrowths[i], (Growth) idsAndGrowths[i + 1]);
        }
        return sources;
    }

    @Test
    void aBackfillOfOneSourceOfTwoGivesTheGrowthOfThatOneMarkedPartial() {
        SummedGrowth summed =
                SummedGrowth.of(sources("github-old", new Growth(10L, 70L, 300L, false), "github-new", UNKNOWN));

        assertThat(summed.whole())
                .as("the total's growth: unknown while a source lacks every window")
                .isEqualTo(UNKNOWN);
        assertThat(summed.partial()).isEqualTo(new Growth(10L, 70L, 300L, false));
        assertThat(summed.covered()).containsExactly("github-old");
    }

    @Test
    void thePartialGrowthSumsTheCoveredSourcesByTheSameRule() {
        SummedGrowth summed = SummedGrowth.of(sources(
                "a", new Growth(10L, 70L, 300L, false),
                "b", UNKNOWN,
                "c", new Growth(5L, null, null, true)));

        assertThat(summed.whole()).isEqualTo(new Growth(null, null, null, true));
        assertThat(summed.partial())
                .as("a window known only when every covered source knows it; approximate when any is")
                .isEqualTo(new Growth(15L, null, null, true));
        assertThat(summed.covered()).containsExactly("a", "c");
    }

    @Test
    void isWholeWithoutPartWhenEverySourceKnowsAWindow() {
        SummedGrowth summed = SummedGrowth.of(
                sources("a", new Growth(10L, 70L, 300L, false), "b", new Growth(1L, null, null, false)));

        assertThat(summed.whole()).isEqualTo(new Growth(11L, null, null, false));
        assertThat(summed.partial()).isNull();
        assertThat(summed.covered()).isEmpty();
    }

    @Test
    void hasNoPartWhenNoSourceKnowsAWindow() {
        SummedGrowth summed = SummedGrowth.of(sources("a", UNKNOWN, "b", UNKNOWN));

        assertThat(summed.whole()).isEqualTo(UNKNOWN);
        assertThat(summed.partial()).isNull();
    }

    @Test
    void oneSourceIsItsOwnGrowthAndNoSourceIsNone() {
        assertThat(SummedGrowth.of(sources("a", new Growth(3L, null, null, false))))
                .isEqualTo(new SummedGrowth(new Growth(3L, null, null, false), null, List.of()));
        assertThat(SummedGrowth.of(Map.of())).isNull();
    }
}
