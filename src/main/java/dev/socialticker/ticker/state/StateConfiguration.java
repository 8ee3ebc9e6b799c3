package dev.socialticker.ticker.state;

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
    StateRepository stateFiles(StoreProperties store, TokenFileLocations tokens) {
        return StateRepository.files(Path.of(store.dir()), tokens.byProvider());
    }

    @Bean
    @ConditionalOnProperty(name = TYPE, havingValue = "memory")
    StateRepository stateInMemory(TokenFileLocations tokens) {
        return StateRepository.memory(tokens.byProvider());
    }
}
