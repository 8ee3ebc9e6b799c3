package dev.socialticker.ticker.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.socialticker.ticker.config.TickerSource;
import dev.socialticker.ticker.provider.contract.PayloadRejectedException;
import java.util.List;
import java.util.function.UnaryOperator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * The Caffeine cache of {@link SourceState}s, one entry per source. The API reads it here; refreshes
 * write it here, each write one atomic read-modify-write of its entry, so an invalidation that lands
 * during a refresh is never undone. Invalidation goes through the camel-caffeine endpoint
 * {@value #ENDPOINT}, which finds this same cache in the registry by name. Entries never expire:
 * the last good value must outlive any outage.
 */
@Component
public class SnapshotStore {
    /** Bean name of the cache, and so the cache name in the endpoint URI. */
    public static final String CACHE_NAME = "tickerSourceStates";
    public static final String ENDPOINT = "caffeine-cache:" + CACHE_NAME;

    private final Cache<String, SourceState> cache;

    SnapshotStore(Cache<String, SourceState> tickerSourceStates) {
        this.cache = tickerSourceStates;
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
            return SourceState.empty(source).withSnapshot(next);
        });
        return written[0];
    }

    /** Records a failure beside whatever snapshot the source has at this moment, never replacing it. */
    void recordFailure(TickerSource source, Failure failure) {
        cache.asMap().compute(source.id(),
                (id, current) -> (current == null ? SourceState.empty(source) : current).withFailure(failure));
    }

    /**
     * Drops the entity tags kept for a provider's sources (its route changed: a tag of the old
     * request must not make the new one answer "not modified"); the counts stay.
     */
    public void forgetEntityTags(String provider) {
        cache.asMap().replaceAll((id, state) -> state.source().provider().equals(provider) && state.hasData()
                && state.snapshot().etag() != null
                ? new SourceState(state.source(), withoutEtag(state.snapshot()), state.failure())
                : state);
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
