package dev.socialticker.ticker.fleet;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component {@code redis} in the shared mode: {@code UP} when Redis answers,
 * {@value #DEGRADED} when it does not. The service itself goes on serving and refreshing, so an
 * unreachable Redis never makes it {@code DOWN} (nor unready: the probes' groups leave it out);
 * what is lost meanwhile is the fleet's sharing, which the status and its description say.
 * Replaces Spring Boot's own Redis check ({@code management.health.redis.enabled=false}), which
 * would report the whole service DOWN.
 */
@Component("redisHealthIndicator")
@SharedMode
class RedisHealthIndicator extends AbstractHealthIndicator {
    /** Ordered between DOWN and UP by {@code management.endpoint.health.status.order}. */
    static final String DEGRADED = "DEGRADED";

    private final RedisConnectionFactory connections;
    private final RedisKeys keys;
    private final RedisLink link;

    RedisHealthIndicator(RedisConnectionFactory connections, RedisKeys keys, RedisLink link) {
        super("Redis could not be checked");
        this.connections = connections;
        this.keys = keys;
        this.link = link;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.withDetail("keyPrefix", keys.prefix());
        try (RedisConnection connection = connections.getConnection()) {
            connection.ping();
        } catch (RuntimeException unreachable) {
            link.failed("checking health", unreachable);
            builder.status(new Status(
                            DEGRADED,
                            "Redis is unreachable: each instance serves its own copies and"
                                    + " refreshes without the fleet's lease until it is back"))
                    .withDetail("problem", link.problem());
            return;
        }
        link.reached();
        builder.up();
    }
}
