package dev.socialticker.ticker.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.socialticker.ticker.HttpDates;
import dev.socialticker.ticker.api.MetricsDocument.ErrorDocument;
import dev.socialticker.ticker.api.MetricsDocument.SourceDocument;
import dev.socialticker.ticker.config.RefreshSchedule;
import dev.socialticker.ticker.config.SourceCatalog;
import dev.socialticker.ticker.config.TickerSource;
import dev.socialticker.ticker.provider.contract.FailureCode;
import dev.socialticker.ticker.store.Failure;
import dev.socialticker.ticker.store.SnapshotStore;
import dev.socialticker.ticker.store.SourceState;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;

/**
 * Renders the cache into a {@link MetricsView} whenever it changes (a store or a failure) and when
 * data crosses its stale-after age, so the read path only hands out bytes.
 */
@Component
class MetricsRenderer {
    private final SourceCatalog catalog;
    private final SnapshotStore store;
    private final Duration staleAfter;
    private final Clock clock;
    private final ObjectMapper json;
    private final Instant startedAt;
    private final AtomicReference<MetricsView> current = new AtomicReference<>();

    MetricsRenderer(SourceCatalog catalog, SnapshotStore store, RefreshSchedule schedule, Clock clock,
            ObjectMapper json) {
        this.catalog = catalog;
        this.store = store;
        this.staleAfter = schedule.staleAfter();
        this.clock = clock;
        this.json = json;
        this.startedAt = clock.instant();
        render();
    }

    /** The view to serve now; renders again first when data has turned stale since the last render. */
    MetricsView view() {
        MetricsView view = current.get();
        if (!clock.instant().isBefore(view.turnsStaleAt())) {
            return renderIfStillDue(view);
        }
        return view;
    }

    /** Renders after a change to the cache. */
    synchronized void render() {
        current.set(renderAt(clock.instant()));
    }

    private synchronized MetricsView renderIfStillDue(MetricsView seen) {
        MetricsView now = current.get();
        if (now == seen) {
            now = renderAt(clock.instant());
            current.set(now);
        }
        return now;
    }

    private MetricsView renderAt(Instant now) {
        List<SourceState> states = store.statesOf(catalog.all());
        Map<String, RenderedBody> bySource = new LinkedHashMap<>();
        List<SourceDocument> documents = new ArrayList<>();
        List<TickerSource> staleSources = new ArrayList<>();
        Instant turnsStaleAt = Instant.MAX;
        Instant freshUntilAll = Instant.MAX;
        for (SourceState state : states) {
            Instant freshUntil = freshUntil(state, now);
            boolean stale = freshUntil == null;
            SourceDocument document = new SourceDocument(state.source().id(), state.source().provider(),
                    state.hasData() ? state.snapshot().profile() : null,
                    state.hasData() ? state.snapshot().total() : null,
                    state.hasData() ? iso(state.snapshot().refreshedAt()) : null,
                    state.hasData() ? iso(staleAt(state)) : null,
                    stale, errorOf(state));
            documents.add(document);
            List<TickerSource> staleOne = stale ? List.of(state.source()) : List.of();
            staleSources.addAll(staleOne);
            bySource.put(state.source().id(), body(document, document.total(), lastModified(List.of(state)), freshUntil,
                    staleOne, !state.hasData()));
            if (freshUntil != null && freshUntil.isBefore(turnsStaleAt)) {
                turnsStaleAt = freshUntil;
            }
            freshUntilAll = freshUntil == null || freshUntilAll == null ? null
                    : (freshUntil.isBefore(freshUntilAll) ? freshUntil : freshUntilAll);
        }
        List<SourceState> withData = states.stream().filter(SourceState::hasData).toList();
        MetricsDocument aggregate = new MetricsDocument(
                withData.isEmpty() ? null : withData.stream().mapToLong(s -> s.snapshot().total()).sum(),
                states.size() == 1 && states.get(0).hasData() ? states.get(0).snapshot().profile() : null,
                withData.stream().map(s -> s.snapshot().refreshedAt()).min(Comparator.naturalOrder())
                        .map(MetricsRenderer::iso).orElse(null),
                withData.stream().map(this::staleAt).min(Comparator.naturalOrder())
                        .map(MetricsRenderer::iso).orElse(null),
                !staleSources.isEmpty(),
                aggregateError(states, withData.isEmpty()),
                documents);
        RenderedBody aggregateBody = body(aggregate, aggregate.total(), lastModified(states), freshUntilAll,
                List.copyOf(staleSources), withData.isEmpty());
        return new MetricsView(aggregateBody, Map.copyOf(bySource), turnsStaleAt);
    }

    /**
     * When the data behind a body last changed: its newest snapshot or failure. Crossing the stale
     * age changes the body too, but not the data; caches revalidate by ETag, which follows the bytes.
     */
    private String lastModified(List<SourceState> states) {
        Instant latest = startedAt;
        for (SourceState state : states) {
            if (state.hasData() && state.snapshot().refreshedAt().isAfter(latest)) {
                latest = state.snapshot().refreshedAt();
            }
            if (state.failure() != null && state.failure().at().isAfter(latest)) {
                latest = state.failure().at();
            }
        }
        return HttpDates.format(latest);
    }

    /**
     * When a source's data turns stale by age alone: part of the body, so that a copy read late
     * (from a CDN, a browser cache, a stored file) still says how long it was good for. It moves
     * only when the data does, so the bytes and their ETag stay per snapshot.
     */
    private Instant staleAt(SourceState state) {
        return state.snapshot().refreshedAt().plus(staleAfter);
    }

    /** Stale: no data, latest refresh failed, or older than stale-after. Fresh until the data's age limit. */
    private Instant freshUntil(SourceState state, Instant now) {
        if (!state.hasData() || state.failure() != null) {
            return null;
        }
        Instant until = staleAt(state);
        return now.isBefore(until) ? until : null;
    }

    /** The most recent real failure; NO_DATA only when no source has anything to show. */
    private ErrorDocument aggregateError(List<SourceState> states, boolean noData) {
        return states.stream().filter(s -> s.failure() != null)
                .max(Comparator.comparing(s -> s.failure().at()))
                .map(this::errorOf)
                .orElse(noData ? errorOf(states.get(0)) : null);
    }

    private ErrorDocument errorOf(SourceState state) {
        Failure failure = state.failure();
        if (failure != null) {
            return new ErrorDocument(failure.code().name(), failure.message(), iso(failure.at()),
                    failure.httpStatus(), failure.attempts());
        }
        if (!state.hasData()) {
            return new ErrorDocument(FailureCode.NO_DATA.name(), "No data has been fetched yet", iso(startedAt),
                    null, 0);
        }
        return null;
    }

    private RenderedBody body(Object document, Long total, String lastModified, Instant freshUntil,
            List<TickerSource> staleSources, boolean noData) {
        byte[] bytes = bytes(document);
        byte[] smiirl = bytes(new MetricsDocument.SmiirlDocument(total));
        return new RenderedBody(bytes, strongEtag(bytes), lastModified, freshUntil, staleSources, noData,
                new RenderedBody.Alternative(smiirl, strongEtag(smiirl)));
    }

    private byte[] bytes(Object document) {
        try {
            return json.writeValueAsBytes(document);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("Cannot render metrics", impossible);
        }
    }

    private static String iso(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** A strong validator: equal bytes, equal tag; any change of the body changes it. */
    static String strongEtag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return '"' + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 27) + '"';
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
