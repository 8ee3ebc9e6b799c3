package dev.socialticker.ticker.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.socialticker.ticker.config.TickerSource;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * The Caffeine cache of {@link SourceState}s, one entry per source. Routes write it through the
 * camel-caffeine endpoint {@value #ENDPOINT} (which finds this cache in the registry by name);
 * the API reads it here. Entries never expire: the last good value must outlive any outage.
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
