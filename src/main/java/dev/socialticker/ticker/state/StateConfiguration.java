package dev.socialticker.ticker.state;

import dev.socialticker.ticker.config.SourceCatalog;
import dev.socialticker.ticker.config.TickerProperties;
import java.nio.file.Path;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The embedded state repositories, by {@code ticker.store.type}; the shared one ({@code redis}) comes
 * from the {@code fleet} package, which owns the Redis connection.
 */
@Configuration(proxyBeanMethods = false)
class StateConfiguration {
    static final String TYPE = "ticker.store.type";

    @Bean
    @ConditionalOnProperty(name = TYPE, havingValue = "file", matchIfMissing = true)
    StateRepository stateFiles(TickerProperties properties, SourceCatalog catalog, Environment environment) {
        return StateRepository.files(Path.of(properties.store().dir()), TokenFiles.of(catalog, environment));
    }

    @Bean
    @ConditionalOnProperty(name = TYPE, havingValue = "memory")
    StateRepository stateInMemory(SourceCatalog catalog, Environment environment) {
        return StateRepository.memory(TokenFiles.of(catalog, environment));
    }
}
