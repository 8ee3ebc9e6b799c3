package dev.socialticker.ticker.fleet;

import dev.socialticker.ticker.refresh.RefreshProperties;
import dev.socialticker.ticker.state.StoreProperties;
import io.lettuce.core.ClientOptions;
import java.time.Duration;
import org.springframework.boot.autoconfigure.data.redis.LettuceClientConfigurationBuilderCustomizer;
import org.springframework.boot.autoconfigure.data.redis.RedisProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.integration.redis.util.RedisLockRegistry;

/**
 * The shared mode's Redis plumbing. The connection itself is Spring Boot's
 * ({@code spring.data.redis.*}, Lettuce).
 */
@Configuration(proxyBeanMethods = false)
@SharedMode
class FleetConfiguration {
    /** Lettuce's own default, used when spring.data.redis.timeout is unset. */
    private static final Duration LETTUCE_DEFAULT_TIMEOUT = Duration.ofSeconds(60);

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

    /** The per-source refresh leases; see {@link RedisFleetGate} for why this registry and how it is used. */
    @Bean(destroyMethod = "destroy")
    RedisLockRegistry refreshLeases(RedisConnectionFactory connections, RedisKeys keys, RefreshProperties refresh) {
        Duration expiry = refresh.retry().giveUpAfter().plusSeconds(1).plus(RedisFleetGate.LEASE_MARGIN);
        RedisLockRegistry registry = new RedisLockRegistry(connections, keys.leases(), expiry.toMillis());
        // A claim never waits for a lease: the spin lock is the plain one (no extra subscription).
        registry.setRedisLockType(RedisLockRegistry.RedisLockType.SPIN_LOCK);
        return registry;
    }

    static Duration commandTimeout(RedisProperties properties) {
        return properties.getTimeout() != null ? properties.getTimeout() : LETTUCE_DEFAULT_TIMEOUT;
    }
}
