package dev.socialticker.ticker.history;

import dev.socialticker.ticker.domain.HistoryPoint;
import dev.socialticker.ticker.domain.TickerSource;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The history as a request asks it ({@code GET /api/metrics/history}, {@code POST
 * /api/admin/history/{id}}): the points of a range, their sums, and a backfill. What a count shows of
 * its history (growth, the recent days) is not asked here: the history tells it on the hub
 * ({@code SourceReported}, {@code HistoryChanged}); a backfill is told there too.
 */
public interface HistoryArchive {

    /** Whether any history is kept ({@code ticker.history.enabled}). */
    boolean enabled();

    /** The most points one answer may hold ({@code ticker.history.max-points}). */
    int maxPoints();

    /** How many points of {@code step} a source has from {@code from} to {@code to}, without making them. */
    int count(String sourceId, Step step, Instant from, Instant to);

    /** A source's points of {@code step} from {@code from} to {@code to} (both inclusive, by bucket start). */
    List<HistoryPoint> points(String sourceId, Step step, Instant from, Instant to);

    /** Several sources' points added up ({@code domain.HistorySum}), at most {@code limit} of them. */
    List<HistoryPoint> summed(List<TickerSource> sources, Step step, Instant from, Instant to, int limit);

    /** Sets days of a source's history from another tool's export; see {@link SourceHistory#backfill}. */
    Map<SourceHistory.Backfilled, Integer> backfill(TickerSource source, Map<LocalDate, Long> days) throws IOException;
}
