package dev.socialticker.ticker.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.socialticker.ticker.config.SourceCatalog;
import dev.socialticker.ticker.domain.Failure;
import dev.socialticker.ticker.domain.Snapshot;
import dev.socialticker.ticker.domain.SourceState;
import dev.socialticker.ticker.domain.TickerSource;
import dev.socialticker.ticker.provider.contract.PayloadRejectedException;
import dev.socialticker.ticker.provider.contract.ProviderRouteReplaced;
import java.util.List;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The Caffeine cache of {@link SourceState}s, one entry per source. The API reads it here; refreshes
 * write it here, each write one atomic read-modify-write of its entry (its durable copy, when there
 * is one, written inside the same step), so an invalidation that lands during a refresh is never
 * undone. Invalidation goes through the camel-caffeine endpoint {@value #ENDPOINT}, which finds this
 * same cache in the registry by name. Entries never expire: the last good value must outlive any
 * outage, and with a {@link BackingStore} (files, Redis) a restart too: they are loaded at start-up,
 * before the API answers. In the shared mode other instances' writes arrive through
 * {@link #reconcile}.
 */
@Component
public class SnapshotStore {
    /** Bean name of the cache, and so the cache name in the endpoint URI. */
    public static final String CACHE_NAME = "tickerSourceStates";
    public static final String ENDPOINT = "caffeine-cache:" + CACHE_NAME;
    private static final Logger log = LoggerFactory.getLogger(SnapshotStore.class);

    private final Cache<String, SourceState> cache;
    private final BackingStore backing;
    private final SourceCatalog catalog;

    SnapshotStore(Cache<String, SourceState> tickerSourceStates, BackingStore backing, SourceCatalog catalog) {
        this.cache = tickerSourceStates;
        this.backing = backing;
        this.catalog = catalog;
        cache.putAll(backing.readAll(catalog.all()));
        if (backing != BackingStore.NONE) {
            log.info("Loaded the stored state of {} of {} source(s) from {}", cache.estimatedSize(),
                    catalog.all().size(), backing.description());
        } else {
            log.info("Snapshots are kept in {}", backing.description());
        }
    }

    public SourceState stateOf(TickerSource source) {
        SourceState state = cache.getIfPresent(source.id());
        return state != null ? state : SourceState.empty(source);
    }

    public List<SourceState> statesOf(List<TickerSource> sources) {
        return sources.stream().map(this::stateOf).toList();
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
        boolean[] written = {false};
        cache.asMap().compute(source.id(), (id, current) -> {
            Snapshot next = reading.apply(current == null ? null : current.snapshot());
            if (!permit.tryCommit()) {
                return current;
            }
            written[0] = true;
            SourceState stored = SourceState.empty(source).withSnapshot(next);
            backing.write(stored);
            return stored;
        });
        return written[0];
    }

    /** Records a failure beside whatever snapshot the source has at this moment, never replacing it. */
    void recordFailure(TickerSource source, Failure failure) {
        cache.asMap().compute(source.id(), (id, current) -> {
            SourceState stored = (current == null ? SourceState.empty(source) : current).withFailure(failure);
            backing.write(stored);
            return stored;
        });
    }

    /**
     * After an invalidation through the camel-caffeine endpoint: drops the durable copy of one
     * source (or of all, for null) unless a refresh has stored a new state since, in the same atomic
     * step as that refresh's own write.
     */
    void forgetStored(String sourceId) {
        List<String> ids = sourceId != null ? List.of(sourceId) : catalog.all().stream().map(TickerSource::id).toList();
        for (String id : ids) {
            cache.asMap().compute(id, (key, current) -> {
                if (current == null) {
                    backing.delete(id);
                }
                return current;
            });
        }
    }

    /**
     * Brings this instance's copy of a source and the shared copy ({@code null} when the shared store
     * has none) into step: the newer one, by {@link SourceState#changedAt()}, wins. A newer shared
     * copy replaces the local one; a newer (or only) local copy is written back, so a shared store
     * that lost its data (a Redis restart) gets it again and the last good value is never lost.
     *
     * @return true when the local copy changed (the API's view must be rendered again)
     */
    public boolean reconcile(TickerSource source, SourceState shared) {
        if (shared != null && !shared.source().equals(source)) {
            shared = null; // written for another account under this id: the local copy decides
        }
        SourceState remote = shared;
        boolean[] adopted = {false};
        cache.asMap().compute(source.id(), (id, local) -> {
            if (remote != null && (local == null || remote.changedAt().isAfter(local.changedAt()))) {
                adopted[0] = true;
                return remote;
            }
            if (local != null && (remote == null || local.changedAt().isAfter(remote.changedAt()))) {
                backing.write(local);
            }
            return local;
        });
        return adopted[0];
    }

    /**
     * Drops the entity tags kept for a provider's sources (its route changed: a tag of the old
     * request must not make the new one answer "not modified"); the counts stay.
     */
    @EventListener
    void forgetEntityTags(ProviderRouteReplaced replaced) {
        String provider = replaced.provider();
        cache.asMap().replaceAll((id, state) -> {
            if (!state.source().provider().equals(provider) || !state.hasData() || state.snapshot().etag() == null) {
                return state;
            }
            SourceState withoutTag = new SourceState(state.source(), withoutEtag(state.snapshot()), state.failure());
            backing.write(withoutTag);
            return withoutTag;
        });
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
