package dev.socialticker.ticker.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The growth of a sum of sources (all of them, or a named ticker's).
 *
 * <p>{@code whole}: each window the sum of every source's, known only when every source knows it: a
 * sum over some of the sources is not the total's growth. {@code partial}: while the history of
 * some sources is too short for any window (a source added lately, or another one backfilled), the
 * growth of those whose history reaches back a day or more, summed by the same rule, with their ids
 * in {@code covered}; null when every source is covered, or none is (then there is nothing more to
 * say than {@code whole} does).
 */
public record SummedGrowth(Growth whole, Growth partial, List<String> covered) {

    public SummedGrowth {
        covered = List.copyOf(covered);
    }

    /**
     * @param bySource the growth of each source with data (history on), in the sum's order
     * @return null for no source
     */
    public static SummedGrowth of(Map<String, Growth> bySource) {
        if (bySource.isEmpty()) {
            return null;
        }
        Growth whole = null;
        Growth partial = null;
        List<String> covered = new ArrayList<>();
        for (Map.Entry<String, Growth> source : bySource.entrySet()) {
            Growth growth = source.getValue();
            whole = whole == null ? growth : whole.plus(growth);
            if (growth.hasAnyWindow()) {
                partial = partial == null ? growth : partial.plus(growth);
                covered.add(source.getKey());
            }
        }
        boolean some = !covered.isEmpty() && covered.size() < bySource.size();
        return new SummedGrowth(whole, some ? partial : null, some ? covered : List.of());
    }
}
