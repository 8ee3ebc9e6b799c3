package dev.socialticker.ticker.state;

import dev.socialticker.ticker.config.SourceCatalog;
import dev.socialticker.ticker.provider.contract.ProviderProperties;
import java.nio.file.Path;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded state repositories, by {@code ticker.store.type}; the shared one ({@code redis}) comes
 * from the {@code fleet} package, which owns the Redis connection.
 */
@Configuration(proxyBeanMethods = false)
class StateConfiguration {
    static final String TYPE = "ticker.store.type";

    @Bean
    @ConditionalOnProperty(name = TYPE, havingValue = "file", matchIfMissing = true)
    StateRepository stateFiles(StoreProperties store, SourceCatalog catalog, ProviderProperties providers) {
        return StateRepository.files(Path.of(store.dir()), TokenFiles.of(catalog, providers));
    }

    @Bean
    @ConditionalOnProperty(name = TYPE, havingValue = "memory")
    StateRepository stateInMemory(SourceCatalog catalog, ProviderProperties providers) {
        return StateRepository.memory(TokenFiles.of(catalog, providers));
    }
}
