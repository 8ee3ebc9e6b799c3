package dev.socialticker.ticker.fleet;

import dev.socialticker.ticker.state.StateRepository;
import java.util.Map;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/** The shared state repository on a test's Redis, for tests of other packages that share state without a service. */
public final class SharedStates {
    private SharedStates() {}

    /** A repository as one instance of the fleet has it, its keys under {@code prefix}. */
    public static StateRepository on(RedisConnectionFactory connections, String prefix) {
        StringRedisTemplate template = new StringRedisTemplate(connections);
        template.afterPropertiesSet();
        return new RedisState(template, new RedisKeys(prefix), new RedisLink(), Map.of());
    }
}
