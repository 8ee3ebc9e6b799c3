package dev.socialticker.ticker.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.socialticker.ticker.config.SourceCatalog;
import dev.socialticker.ticker.domain.Failure;
import dev.socialticker.ticker.domain.ProviderRouteReplaced;
import dev.socialticker.ticker.domain.Snapshot;
import dev.socialticker.ticker.domain.SourceChanged;
import dev.socialticker.ticker.domain.SourceState;
import dev.socialticker.ticker.domain.TickerSource;
import dev.socialticker.ticker.event.TickerEvents;
import dev.socialticker.ticker.provider.contract.PayloadRejectedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * The Caffeine cache of {@link SourceState}s, one entry per source. The API reads it here; refreshes
 * write it here, each write one atomic read-modify-write of its entry (its durable copy, when there
 * is one, written inside the same step), so an invalidation that lands during a refresh is never
 * undone. Invalidation goes through the camel-caffeine endpoint {@link StoreEndpoints#CACHE}, which
 * finds this same cache in the registry by name. Every write is then published on the hub as one
 * {@link SourceChanged}, numbered by {@link #version()}; what was loaded at start-up is published
 * once ({@link #announceRestored}, cause RESTORED) when the routes run. Entries never expire: the
 * last good value must outlive any outage, and, kept in the state repository ({@link SnapshotDocuments}: files or Redis), a
 * restart too. In the shared mode other instances' writes arrive through {@link #reconcile}.
 */
@Component
public class SnapshotStore {
    /** Bean name of the cache, and so the cache name in the endpoint URI. */
    public static final String CACHE_NAME = "tickerSourceStates";

    private static final Logger log = LoggerFactory.getLogger(SnapshotStore.class);

    private final Cache<String, SourceState> cache;
    private final SnapshotDocuments documents;
    private final SourceCatalog catalog;
    private final TickerEvents events;
    private final AtomicLong version = new AtomicLong();

    SnapshotStore(
            Cache<String, SourceState> tickerSourceStates,
            SnapshotDocuments documents,
            SourceCatalog catalog,
            TickerEvents events) {
        this.cache = tickerSourceStates;
        this.documents = documents;
        this.catalog = catalog;
        this.events = events;
        cache.putAll(documents.readAll(catalog.all()));
        log.info(
                "Loaded the stored state of {} of {} source(s) from {}",
                cache.estimatedSize(),
                catalog.all().size(),
                documents.description());
    }

    public SourceState stateOf(TickerSource source) {
        SourceState state = cache.getIfPresent(source.id());
        return state != null ? state : SourceState.empty(source);
    }

    public List<SourceState> statesOf(List<TickerSource> sources) {
        return sources.stream().map(this::stateOf).toList();
    }

    /**
     * Grows by one with every write, before the write is announced: each {@link SourceChanged}
     * carries it as its sequence, so a subscriber that receives two changes of one source out of
     * order keeps the newer.
     */
    public long version() {
        return version.get();
    }

    /**
     * Replaces the source's snapshot, and clears its failure, with the reading made from the one
     * stored now (null when none), if the permit still allows a write.
     *
     * @return false when the permit was withdrawn (the refresh timed out or the service is stopping)
     * @throws PayloadRejectedException from {@code reading}; nothing is written then
     */
    boolean storeSnapshot(WritePermit permit, UnaryOperator<Snapshot> reading) {
        TickerSource source = permit.source();
        SourceState[] change = new SourceState[2];
        cache.asMap().compute(source.id(), (id, current) -> {
            Snapshot next = reading.apply(current == null ? null : current.snapshot());
            if (!permit.tryCommit()) {
                return current;
            }
            SourceState stored = SourceState.empty(source).withSnapshot(next);
            documents.write(stored);
            change[0] = current == null ? SourceState.empty(source) : current;
            change[1] = stored;
            return stored;
        });
        if (change[1] == null) {
            return false;
        }
        changed(new SourceChanged(change[0], change[1], SourceChanged.Cause.REFRESH, permit.elapsed()));
        return true;
    }

    /** Records a failure beside whatever snapshot the source has at this moment, never replacing it. */
    void recordFailure(WritePermit permit, Failure failure) {
        TickerSource source = permit.source();
        SourceState[] change = new SourceState[2];
        cache.asMap().compute(source.id(), (id, current) -> {
            change[0] = current == null ? SourceState.empty(source) : current;
            change[1] = change[0].withFailure(failure);
            documents.write(change[1]);
            return change[1];
        });
        changed(new SourceChanged(change[0], change[1], SourceChanged.Cause.REFRESH, permit.elapsed()));
    }

    /**
     * After an invalidation through the camel-caffeine endpoint: announces each source that had a
     * state ({@code previous}, read just before) and, unless the fleet asked (another instance
     * deleted the shared copy already), drops its durable copy, unless a refresh has stored a new
     * state since, in the same atomic step as that refresh's own write.
     */
    void forgotten(List<SourceState> previous, SourceChanged.Cause cause) {
        for (SourceState before : previous) {
            TickerSource source = before.source();
            SourceState[] now = {SourceState.empty(source)};
            cache.asMap().compute(source.id(), (key, current) -> {
                if (current == null && cause != SourceChanged.Cause.FLEET) {
                    documents.delete(key);
                }
                if (current != null) {
                    now[0] = current;
                }
                return current;
            });
            // Stored again since (a refresh landed in between): that refresh announced its own change.
            if ((before.hasData() || before.failure() != null) && !now[0].hasData() && now[0].failure() == null) {
                changed(new SourceChanged(before, now[0], cause, null));
            }
        }
    }

    /**
     * Brings this instance's copy of a source and the shared copy ({@code null} when the shared store
     * has none) into step: the newer one, by {@link SourceState#changedAt()}, wins. A newer shared
     * copy replaces the local one; a newer (or only) local copy is written back, so a shared store
     * that lost its data (a Redis restart) gets it again and the last good value is never lost.
     *
     * @return true when the local copy changed (and was announced)
     */
    public boolean reconcile(TickerSource source, SourceState shared) {
        return reconcile(source, shared, null);
    }

    /**
     * As {@link #reconcile(TickerSource, SourceState)}, for a state another instance's refresh stored
     * and announced with the refresh's duration, which its change carries ({@code took}), so the
     * alert rules judge it as they judge a refresh made here.
     */
    public boolean reconcile(TickerSource source, SourceState shared, Duration took) {
        if (shared != null && !shared.source().equals(source)) {
            shared = null; // written for another account under this id: the local copy decides
        }
        SourceState remote = shared;
        SourceState[] replaced = {null};
        cache.asMap().compute(source.id(), (id, local) -> {
            if (remote != null && (local == null || remote.changedAt().isAfter(local.changedAt()))) {
                replaced[0] = local == null ? SourceState.empty(source) : local;
                return remote;
            }
            if (local != null && (remote == null || local.changedAt().isAfter(remote.changedAt()))) {
                documents.write(local);
            }
            return local;
        });
        if (replaced[0] == null) {
            return false;
        }
        changed(new SourceChanged(replaced[0], remote, SourceChanged.Cause.FLEET, took));
        return true;
    }

    /**
     * Publishes every source's state as found at start-up (cause RESTORED; empty for a source with
     * none): the starting point of every subscriber's read model. Numbered like a write, so a
     * refresh that lands meanwhile, already in the state read here or numbered after it, is never
     * undone by it.
     */
    void announceRestored() {
        for (TickerSource source : catalog.all()) {
            SourceState state = stateOf(source);
            changed(new SourceChanged(SourceState.empty(source), state, SourceChanged.Cause.RESTORED, null));
        }
    }

    /**
     * Drops the entity tags kept for a provider's sources (its route changed: a tag of the old
     * request must not make the new one answer "not modified"); the counts stay. Route
     * {@code store-route-replaced}, a subscriber of the hub.
     */
    void forgetEntityTags(ProviderRouteReplaced replaced) {
        String provider = replaced.provider();
        List<SourceChanged> dropped = new ArrayList<>();
        cache.asMap().replaceAll((id, state) -> {
            if (!state.source().provider().equals(provider)
                    || !state.hasData()
                    || state.snapshot().etag() == null) {
                return state;
            }
            SourceState withoutTag = new SourceState(state.source(), withoutEtag(state.snapshot()), state.failure());
            documents.write(withoutTag);
            dropped.add(new SourceChanged(state, withoutTag, SourceChanged.Cause.ROUTE_REPLACED, null));
            return withoutTag;
        });
        dropped.forEach(this::changed);
    }

    private void changed(SourceChanged change) {
        events.publish(change.numbered(version.incrementAndGet()));
    }

    private static Snapshot withoutEtag(Snapshot snapshot) {
        return new Snapshot(snapshot.total(), snapshot.profile(), snapshot.refreshedAt(), snapshot.quota(), null);
    }

    @Configuration(proxyBeanMethods = false)
    static class CacheConfiguration {
        /** Bounded only as a guard: a deployment has a handful of sources, one entry each. */
        @Bean(CACHE_NAME)
        Cache<String, SourceState> tickerSourceStates() {
            return Caffeine.newBuilder().maximumSize(10_000).build();
        }
    }
}
