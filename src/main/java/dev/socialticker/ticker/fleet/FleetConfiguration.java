package dev.socialticker.ticker.fleet;

import dev.socialticker.ticker.state.StoreProperties;
import io.lettuce.core.ClientOptions;
import org.springframework.boot.autoconfigure.data.redis.LettuceClientConfigurationBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The shared mode's Redis plumbing. The connection itself is Spring Boot's
 * ({@code spring.data.redis.*}, Lettuce).
 */
@Configuration(proxyBeanMethods = false)
@SharedMode
class FleetConfiguration {
    @Bean
    RedisKeys redisKeys(StoreProperties store) {
        return new RedisKeys(store.keyPrefix());
    }

    /**
     * While the connection is down, commands fail at once instead of queueing until the command
     * timeout: a refresh or a write then goes on locally without waiting. Lettuce reconnects by
     * itself (measured: commands succeed again within 0.3 s of Redis being back).
     */
    @Bean
    LettuceClientConfigurationBuilderCustomizer failFastWhileDisconnected() {
        return builder -> builder.clientOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .build());
    }
}
