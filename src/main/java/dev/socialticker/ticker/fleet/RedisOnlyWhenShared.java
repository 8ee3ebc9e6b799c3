package dev.socialticker.ticker.fleet;

import dev.socialticker.ticker.state.StoreProperties.StoreType;
import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Spring Boot's Redis auto-configuration (connection factory, templates, Lettuce's client resources,
 * the Redis health and Lettuce metrics) only in the shared mode. Spring Data Redis is always on the
 * class path, so without this filter every instance would build a Redis client it never uses:
 * 0.4-0.6 s of start-up and two idle threads (measured with Spring's startup actuator). An import
 * filter (registered in META-INF/spring.factories) is Boot's own way to drop auto-configuration by
 * a rule; {@code spring.autoconfigure.exclude} cannot depend on a property.
 */
public class RedisOnlyWhenShared implements AutoConfigurationImportFilter, EnvironmentAware {
    private boolean shared;

    @Override
    public void setEnvironment(Environment environment) {
        shared = StoreType.REDIS.name().equalsIgnoreCase(environment.getProperty("ticker.store.type", ""));
    }

    @Override
    public boolean[] match(String[] autoConfigurationClasses, AutoConfigurationMetadata metadata) {
        boolean[] matches = new boolean[autoConfigurationClasses.length];
        for (int i = 0; i < autoConfigurationClasses.length; i++) {
            String candidate = autoConfigurationClasses[i];
            matches[i] = shared || candidate == null || !isRedis(candidate);
        }
        return matches;
    }

    static boolean isRedis(String autoConfiguration) {
        return autoConfiguration.startsWith("org.springframework.boot.")
                && (autoConfiguration.contains(".data.redis.") || autoConfiguration.contains(".metrics.redis."));
    }
}
