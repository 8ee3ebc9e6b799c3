package dev.socialticker.ticker.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.socialticker.ticker.history.HistoryProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The ladder of milestones: the standard one (1, 2.5, 5 times each power of ten), an explicit list, edges. */
class MilestonesTest {

    @Test
    void theStandardLadderClimbsByOneTwoAndAHalfAndFiveTimesEachPowerOfTen() {
        Milestones ladder = Milestones.standard();
        List<Long> rungs = new ArrayList<>();
        for (OptionalLong next = ladder.nextAbove(0); next.isPresent() && rungs.size() < 12; ) {
            rungs.add(next.getAsLong());
            next = ladder.nextAbove(next.getAsLong());
        }

        assertThat(rungs)
                .containsExactly(10L, 25L, 50L, 100L, 250L, 500L, 1_000L, 2_500L, 5_000L, 10_000L, 25_000L, 50_000L);
    }

    @Test
    void theStandardLadderEndsBeforeALongOverflows() {
        Milestones ladder = Milestones.standard();

        assertThat(ladder.nextAbove(1_000_000_000_000_000_000L)).hasValue(2_500_000_000_000_000_000L);
        assertThat(ladder.nextAbove(5_000_000_000_000_000_000L))
                .as("above the top rung: nothing left to reach")
                .isEmpty();
        assertThat(ladder.nextAbove(Long.MAX_VALUE)).isEmpty();
        assertThat(ladder.highestAtOrBelow(Long.MAX_VALUE)).hasValue(5_000_000_000_000_000_000L);
    }

    @Test
    void nextAboveIsStrictlyAboveAndHighestAtOrBelowIncludesTheRung() {
        Milestones ladder = Milestones.standard();

        assertThat(ladder.nextAbove(9)).hasValue(10);
        assertThat(ladder.nextAbove(10))
                .as("a count on a rung aims at the next one")
                .hasValue(25);
        assertThat(ladder.nextAbove(11)).hasValue(25);
        assertThat(ladder.nextAbove(-5)).hasValue(10);

        assertThat(ladder.highestAtOrBelow(9)).as("below the first rung").isEmpty();
        assertThat(ladder.highestAtOrBelow(0)).isEmpty();
        assertThat(ladder.highestAtOrBelow(10)).hasValue(10);
        assertThat(ladder.highestAtOrBelow(24)).hasValue(10);
        assertThat(ladder.highestAtOrBelow(9_999)).hasValue(5_000);
        assertThat(ladder.highestAtOrBelow(10_000)).hasValue(10_000);
    }

    @Test
    void anExplicitListIsSortedAndDeduplicatedAndEndsWhereItEnds() {
        Milestones ladder = Milestones.of(List.of(5_000L, 1_000L, 5_000L, 2_000L));

        assertThat(ladder.nextAbove(0)).hasValue(1_000);
        assertThat(ladder.nextAbove(1_000)).hasValue(2_000);
        assertThat(ladder.nextAbove(2_000)).hasValue(5_000);
        assertThat(ladder.nextAbove(5_000)).isEmpty();
        assertThat(ladder.highestAtOrBelow(999)).isEmpty();
        assertThat(ladder.highestAtOrBelow(4_999)).hasValue(2_000);
        assertThat(ladder.highestAtOrBelow(1_000_000)).hasValue(5_000);
    }

    @Test
    void anEmptyOrMissingListMeansTheStandardLadder() {
        assertThat(Milestones.of(List.of()).nextAbove(100)).hasValue(250);
        assertThat(Milestones.of(null).nextAbove(2_500)).hasValue(5_000);
        assertThat(HistoryProperties.defaults().ladder().nextAbove(10)).hasValue(25);
    }

    @Test
    void aRungThatIsNotPositiveIsRefused() {
        assertThatThrownBy(() -> Milestones.of(List.of(100L, 0L)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("positive");
    }
}
