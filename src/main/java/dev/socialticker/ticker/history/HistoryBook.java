package dev.socialticker.ticker.history;

import dev.socialticker.ticker.config.SourceCatalog;
import dev.socialticker.ticker.domain.Growth;
import dev.socialticker.ticker.domain.HistoryChanged;
import dev.socialticker.ticker.domain.HistoryFacts;
import dev.socialticker.ticker.domain.HistoryPoint;
import dev.socialticker.ticker.domain.HistorySum;
import dev.socialticker.ticker.domain.MilestoneForecast;
import dev.socialticker.ticker.domain.MilestoneReached;
import dev.socialticker.ticker.domain.Milestones;
import dev.socialticker.ticker.domain.Snapshot;
import dev.socialticker.ticker.domain.SourceChanged;
import dev.socialticker.ticker.domain.SourceReported;
import dev.socialticker.ticker.domain.SourceState;
import dev.socialticker.ticker.domain.TickerSource;
import dev.socialticker.ticker.event.TickerEvents;
import dev.socialticker.ticker.provider.contract.CountPrecision;
import dev.socialticker.ticker.state.StateKey;
import dev.socialticker.ticker.state.StateRepository;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Every source's history: kept in memory for reading, loaded from the state repository on first use
 * and written back after each reading that changes it (files by default, one document per source;
 * Redis in the shared mode).
 *
 * <p>In the shared mode the instance that read a count (a change caused by its own refresh) writes
 * it, after reading the fleet's document afresh, so the fleet writes each reading once; the others
 * apply the same reading (learnt from the fleet) to their copy in memory only, and reload the
 * fleet's document at each compaction. A document that cannot be read is set aside, logged, and the
 * source starts a new history; one that cannot be reached (an I/O error) is never written over until
 * it has been read: history never keeps the service from serving counts, nor loses itself.
 *
 * <p>Each change of a history is published on the hub as a {@link HistoryChanged}, and a milestone
 * crossed for the first time as a {@link MilestoneReached}.
 */
@Component
public class HistoryBook implements HistoryArchive {
    private static final Logger log = LoggerFactory.getLogger(HistoryBook.class);

    private final StateRepository state;
    private final SourceCatalog catalog;
    private final HistoryProperties settings;
    private final CountPrecision precision;
    private final Milestones ladder;
    private final MilestoneForecast forecast;
    private final Clock clock;
    private final TickerEvents events;
    private final Map<String, SourceHistory> histories = new ConcurrentHashMap<>();
    private final Map<String, Long> recordedUpTo = new ConcurrentHashMap<>();
    private final Map<String, Integer> bytes = new ConcurrentHashMap<>();
    /** The newest reading reported of each source: what a change of its history is told about. */
    private final Map<String, Snapshot> reported = new ConcurrentHashMap<>();
    /** How many changes were reported ({@link SourceReported#ordinal()}). */
    private final AtomicLong reports = new AtomicLong();
    /** Sources whose stored history could not be read yet: never written over until it has been. */
    private final Set<String> unread = ConcurrentHashMap.newKeySet();
    /**
     * What failed and was said ({@code load:<id>}, {@code read:<id>}, {@code write:<id>}): a failure
     * is a WARN once per source and kind until that kind succeeds again, then DEBUG. A store down for
     * an hour says so once per source, not once per reading.
     */
    private final Set<String> said = ConcurrentHashMap.newKeySet();
    /**
     * Readings recorded while the stored document could not be read: added again to it once it can
     * be (a reload replaces the copy in memory), until a write has stored them. Nothing read in an
     * outage is lost to the document read after it.
     */
    private final Map<String, List<HistoryPoint>> keptInMemory = new ConcurrentHashMap<>();

    public HistoryBook(
            StateRepository state,
            SourceCatalog catalog,
            HistoryProperties settings,
            CountPrecision precision,
            Clock clock,
            TickerEvents events) {
        this.events = events;
        this.state = state;
        this.catalog = catalog;
        this.settings = settings;
        this.precision = precision;
        this.ladder = settings.ladder();
        this.forecast = new MilestoneForecast(ladder, settings.forecastHorizon());
        this.clock = clock;
    }

    @Override
    public boolean enabled() {
        return settings.enabled();
    }

    @Override
    public int maxPoints() {
        return settings.maxPoints();
    }

    @Override
    public int count(String sourceId, Step step, Instant from, Instant to) {
        return of(sourceId).count(step, from, to);
    }

    @Override
    public List<HistoryPoint> points(String sourceId, Step step, Instant from, Instant to) {
        return of(sourceId).points(step, from, to);
    }

    public HistoryProperties settings() {
        return settings;
    }

    /**
     * Records a change's count, when it carries one, and reports the change on with the facts of its
     * count ({@link SourceReported}: every change, once, whatever happened to the recording), then
     * the milestone it crossed for the first time ({@link MilestoneReached}). Changes arrive on
     * several threads: one older than a change already recorded for its source is not recorded.
     *
     * @return the milestone this reading crossed for the first time, to celebrate
     */
    public Optional<MilestoneReached> record(SourceChanged change) {
        Optional<MilestoneReached> crossed;
        try {
            crossed = recorded(change);
        } finally {
            report(change);
        }
        if (crossed.isPresent()) {
            log.info(
                    "{} crossed the milestone {} (count {})",
                    change.source().id(),
                    crossed.get().milestone(),
                    crossed.get().count());
            events.publish(crossed.get());
        }
        return crossed;
    }

    private Optional<MilestoneReached> recorded(SourceChanged change) {
        Snapshot snapshot = change.current().snapshot();
        if (!settings.enabled() || snapshot == null) {
            return Optional.empty();
        }
        TickerSource source = change.source();
        String id = source.id();
        Object lock = histories.computeIfAbsent(id, this::load);
        synchronized (lock) {
            Long newest = recordedUpTo.get(id);
            if (newest != null && change.sequence() != 0 && change.sequence() <= newest) {
                return Optional.empty();
            }
            recordedUpTo.put(id, change.sequence());
            if (change.cause() != SourceChanged.Cause.REFRESH) {
                // The instance that read it writes it; this copy follows in memory. A change no refresh
                // made (a provider's route replaced: the same count) is no reading of its own either:
                // written by every instance at once, it could overwrite a newer reading of the fleet.
                histories.get(id).record(snapshot.refreshedAt(), snapshot.total());
                return Optional.empty();
            }
            SourceHistory history = histories.get(id);
            if (state.shared() || unread.contains(id)) {
                try {
                    reload(id, false);
                } catch (IOException unreachable) {
                    // Written by the next reading that finds the stored document; never over it blind.
                    failed(
                            "read",
                            id,
                            "Could not read the stored history of {}: {}; this reading is kept in memory and"
                                    + " written once it can be read",
                            unreachable);
                    history.record(snapshot.refreshedAt(), snapshot.total());
                    keptInMemory
                            .computeIfAbsent(id, key -> new ArrayList<>())
                            .add(HistoryPoint.reading(snapshot.refreshedAt(), snapshot.total()));
                    return Optional.empty();
                }
            }
            // Before crossing(), which moves the mark: a mark moved without a new point is saved too.
            long celebratedBefore = history.celebrated();
            OptionalLong crossed = history.crossing(snapshot.total(), ladder);
            boolean changed = history.record(snapshot.refreshedAt(), snapshot.total());
            if (changed || keptInMemory.containsKey(id) || celebratedBefore != history.celebrated()) {
                // Compacted as it is written: in the shared mode this is when the fleet's document shrinks.
                history.compact(clock.instant(), settings.rawRetention(), settings.hourlyRetention());
                save(id, history);
            }
            return crossed.stream()
                    .mapToObj(milestone ->
                            new MilestoneReached(source, milestone, snapshot.total(), snapshot.refreshedAt()))
                    .findFirst();
        }
    }

    /**
     * Tells the change on with the facts of its count; a change older than one reported already is
     * told too (its readers drop it as older), with the facts of its own count.
     */
    private void report(SourceChanged change) {
        SourceState current = change.current();
        HistoryFacts facts = HistoryFacts.NONE;
        if (settings.enabled() && current.hasData()) {
            String id = current.source().id();
            SourceHistory history = of(id);
            synchronized (history) {
                facts = factsOf(current.source(), history, current.snapshot());
                Snapshot newest = reported.get(id);
                if (newest == null
                        || !newest.refreshedAt().isAfter(current.snapshot().refreshedAt())) {
                    reported.put(id, current.snapshot());
                }
            }
        }
        events.publish(new SourceReported(change, facts, reports.incrementAndGet()));
    }

    /** Publishes that a source's history changed, with the facts of its newest reported count. */
    private void tellChanged(TickerSource source, HistoryChanged.Cause cause) {
        Snapshot newest = reported.get(source.id());
        HistoryFacts facts = newest == null ? HistoryFacts.NONE : factsOf(source, of(source.id()), newest);
        events.publish(new HistoryChanged(source, cause, facts));
    }

    /**
     * What the history says of a count read at its snapshot's time: the growth up to it and the days
     * of the recent range ending with the reading's own ({@link HistoryFacts}).
     */
    private HistoryFacts factsOf(TickerSource source, SourceHistory history, Snapshot snapshot) {
        Instant at = snapshot.refreshedAt();
        LocalDate day = HistoryFacts.dayOf(at);
        Instant from =
                HistoryFacts.firstShownOn(day).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusSeconds(1);
        OptionalLong before = history.countAt(from.minusSeconds(1));
        List<HistoryPoint> days = history.points(Step.DAY, from, to);
        long total = snapshot.total();
        Growth growth = growth(source, history, total, at);
        return new HistoryFacts(
                at,
                growth,
                forecast.next(total, growth, at).orElse(null),
                forecast.previous(total),
                before.isPresent() ? before.getAsLong() : null,
                days);
    }

    /**
     * Drops readings and hours past their retention from every configured source's history. Alone,
     * each history that changed is written; in the shared mode the fleet's documents are reloaded
     * instead (each is compacted when its next reading is written).
     *
     * @return how many points were dropped
     */
    public int compact() {
        if (!settings.enabled()) {
            return 0;
        }
        int dropped = 0;
        Instant now = clock.instant();
        for (TickerSource source : catalog.all()) {
            String id = source.id();
            SourceHistory history = histories.computeIfAbsent(id, this::load);
            synchronized (history) {
                if (state.shared()) {
                    try {
                        reload(id, true);
                    } catch (IOException unreachable) {
                        failed("read", id, "Could not reload the fleet's history of {}: {}", unreachable);
                    }
                    int gone = history.compact(now, settings.rawRetention(), settings.hourlyRetention());
                    if (gone > 0) {
                        tellChanged(source, HistoryChanged.Cause.COMPACTED);
                    }
                    dropped += gone;
                    continue;
                }
                if (unread.contains(id)) {
                    try {
                        reload(id, true);
                    } catch (IOException unreachable) {
                        // Not written over: the stored history may hold more than this copy.
                        continue;
                    }
                }
                int gone = history.compact(now, settings.rawRetention(), settings.hourlyRetention());
                if (gone > 0) {
                    save(id, history);
                    tellChanged(source, HistoryChanged.Cause.COMPACTED);
                }
                dropped += gone;
            }
        }
        return dropped;
    }

    /** A source's history (empty when it has none yet). */
    public SourceHistory of(String id) {
        return histories.computeIfAbsent(id, this::load);
    }

    /** The size in bytes of a source's stored history, as last written or read. */
    public int bytes(String id) {
        return bytes.getOrDefault(id, 0);
    }

    /**
     * The growth of a source whose count is {@code total} at {@code at}: the difference from its
     * count one, 7 and 30 days before.
     */
    public Growth growth(TickerSource source, long total, Instant at) {
        if (!settings.enabled()) {
            return Growth.NONE;
        }
        return growth(source, of(source.id()), total, at);
    }

    private Growth growth(TickerSource source, SourceHistory history, long total, Instant at) {
        Long[] windows = new Long[Growth.WINDOWS.size()];
        for (int i = 0; i < windows.length; i++) {
            OptionalLong then = history.countAt(at.minus(Growth.WINDOWS.get(i)));
            windows[i] = then.isPresent() ? total - then.getAsLong() : null;
        }
        return new Growth(windows[0], windows[1], windows[2], precision.rounded(source.provider()));
    }

    /** The next milestone and its date: the rule the history's readers share. */
    public MilestoneForecast forecast() {
        return forecast;
    }

    @Override
    public List<HistoryPoint> summed(List<TickerSource> sources, Step step, Instant from, Instant to, int limit) {
        HistorySum sum = new HistorySum(limit);
        for (TickerSource source : sources) {
            of(source.id()).addTo(sum, step, from, to);
        }
        return sum.points();
    }

    @Override
    public Map<SourceHistory.Backfilled, Integer> backfill(TickerSource source, Map<LocalDate, Long> days)
            throws IOException {
        SourceHistory history = of(source.id());
        Map<SourceHistory.Backfilled, Integer> counts = new EnumMap<>(SourceHistory.Backfilled.class);
        for (SourceHistory.Backfilled outcome : SourceHistory.Backfilled.values()) {
            counts.put(outcome, 0);
        }
        synchronized (history) {
            if (state.shared() || unread.contains(source.id())) {
                reload(source.id(), false);
            }
            days.forEach((day, count) -> counts.merge(history.backfill(day, count), 1, Integer::sum));
            if (counts.get(SourceHistory.Backfilled.ADDED) + counts.get(SourceHistory.Backfilled.UPDATED) > 0) {
                // Told first: the copy in memory has changed even if the write below fails.
                tellChanged(source, HistoryChanged.Cause.BACKFILL);
                byte[] document = HistoryCodec.encode(history);
                state.write(StateKey.history(source.id()), document);
                bytes.put(source.id(), document.length);
            }
        }
        return counts;
    }

    /**
     * Reads the fleet's document afresh into the copy in memory (same object: its lock is kept), and,
     * when {@code tell}, publishes that it may have changed (a reading or a backfill that reloads
     * tells its own news). When
     * the fleet has none (a Redis restarted empty), the copy is kept, and written back with the next
     * reading, as the instances write their states back.
     */
    private void reload(String id, boolean tell) throws IOException {
        SourceHistory copy = histories.computeIfAbsent(id, this::load);
        Optional<SourceHistory> stored = read(id);
        succeeded(id, "read", "load", "read");
        unread.remove(id);
        if (stored.isPresent()) {
            copy.replaceWith(stored.get());
            keptInMemory.getOrDefault(id, List.of()).forEach(kept -> copy.record(kept.at(), kept.count()));
            if (tell) {
                catalog.find(id).ifPresent(source -> tellChanged(source, HistoryChanged.Cause.RELOADED));
            }
        } else if (copy.lastCount().isPresent()) {
            log.info(
                    "No stored history of {} ({}); this instance's copy is written back with its next reading",
                    id,
                    state.where(StateKey.history(id)));
        }
    }

    /** The stored history (a new one when it is unreadable: set aside), or empty when none is stored. */
    private Optional<SourceHistory> read(String id) throws IOException {
        StateKey key = StateKey.history(id);
        Optional<byte[]> document = state.read(key);
        if (document.isEmpty()) {
            return Optional.empty();
        }
        try {
            SourceHistory history = HistoryCodec.decode(document.get());
            bytes.put(id, document.get().length);
            return Optional.of(history);
        } catch (IOException unreadable) {
            setAside(key, unreadable);
            return Optional.of(new SourceHistory());
        }
    }

    private SourceHistory load(String id) {
        try {
            return read(id).orElseGet(SourceHistory::new);
        } catch (IOException unreachable) {
            unread.add(id);
            failed(
                    "load",
                    id,
                    "Could not read the history of {} from " + state.where(StateKey.history(id))
                            + ": {}; it starts empty in memory until it can be read",
                    unreachable);
            return new SourceHistory();
        }
    }

    private void save(String id, SourceHistory history) {
        StateKey key = StateKey.history(id);
        byte[] document = HistoryCodec.encode(history);
        try {
            state.write(key, document);
            bytes.put(id, document.length);
            keptInMemory.remove(id);
            succeeded(id, "written", "write");
        } catch (IOException failed) {
            failed(
                    "write",
                    id,
                    "Could not write the history of {} to " + state.where(key)
                            + ": {}; it is kept in memory and written with its next reading",
                    failed);
        }
    }

    /** A WARN the first time {@code kind} fails for a source, until it succeeds again; then DEBUG. */
    private void failed(String kind, String id, String message, IOException why) {
        if (said.add(kind + ":" + id)) {
            log.warn(message + " (said once until it succeeds again)", id, why.getMessage());
        } else {
            log.debug(message, id, why.getMessage());
        }
    }

    /** Says once that a source's history can be {@code done} again, when a failure of {@code kinds} was said. */
    private void succeeded(String id, String done, String... kinds) {
        boolean wasSaid = false;
        for (String kind : kinds) {
            wasSaid |= said.remove(kind + ":" + id);
        }
        if (wasSaid) {
            log.info("The history of {} can be {} again ({})", id, done, state.where(StateKey.history(id)));
        }
    }

    private void setAside(StateKey key, IOException why) {
        String where = state.where(key);
        try {
            String aside = state.setAside(key, "unreadable-" + clock.millis());
            log.warn(
                    "History {} is unreadable ({}); moved aside to {}; the source starts a new history",
                    where,
                    why.getMessage(),
                    aside);
        } catch (IOException failed) {
            log.warn(
                    "History {} is unreadable ({}) and could not be moved aside ({}); the source starts a new history",
                    where,
                    why.getMessage(),
                    failed.getMessage());
        }
    }
}
