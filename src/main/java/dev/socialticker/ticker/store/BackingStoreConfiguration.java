package dev.socialticker.ticker.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.socialticker.ticker.state.StateRepository;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded backing stores, by {@code ticker.store.type}: the state repository's files, or
 * nothing beyond the cache ({@code memory}); the shared one ({@code redis}) comes from the
 * {@code fleet} package.
 */
@Configuration(proxyBeanMethods = false)
class BackingStoreConfiguration {
    static final String TYPE = "ticker.store.type";

    @Bean
    @ConditionalOnProperty(name = TYPE, havingValue = "file", matchIfMissing = true)
    BackingStore snapshotFiles(StateRepository state, ObjectMapper json, Clock clock) {
        return new SnapshotFiles(state, json, clock);
    }

    @Bean
    @ConditionalOnProperty(name = TYPE, havingValue = "memory")
    BackingStore memoryOnly() {
        return BackingStore.NONE;
    }
}
