package dev.socialticker.ticker.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded backing stores, by {@code ticker.store.type}; the shared one ({@code redis}) comes
 * from the {@code fleet} package.
 */
@Configuration(proxyBeanMethods = false)
class BackingStoreConfiguration {
    static final String TYPE = "ticker.store.type";

    @Bean
    @ConditionalOnProperty(name = TYPE, havingValue = "file", matchIfMissing = true)
    BackingStore snapshotFiles(StoreProperties store, ObjectMapper json, Clock clock) {
        return new SnapshotFiles(Path.of(store.dir()), json, clock);
    }

    @Bean
    @ConditionalOnProperty(name = TYPE, havingValue = "memory")
    BackingStore memoryOnly() {
        return BackingStore.NONE;
    }
}
