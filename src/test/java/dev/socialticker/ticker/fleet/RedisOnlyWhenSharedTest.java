package dev.socialticker.ticker.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.socialticker.ticker.TickerApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.RedisTemplate;
import org.springframework.mock.env.MockEnvironment;

/** Spring Boot's Redis client is built in the shared mode only (SharedModeTest runs that mode). */
class RedisOnlyWhenSharedTest {
    private static final String[] CANDIDATES = {
        "org.springframework.boot.autoconfigure.data.redis.RedisAutoConfiguration",
        "org.springframework.boot.autoconfigure.data.redis.RedisReactiveAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.data.redis.RedisHealthContributorAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.metrics.redis.LettuceMetricsAutoConfiguration",
        "org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration",
        "org.apache.camel.spring.boot.CamelAutoConfiguration",
        null,
    };

    private static boolean[] matches(String storeType) {
        MockEnvironment environment = new MockEnvironment();
        if (storeType != null) {
            environment.setProperty("ticker.store.type", storeType);
        }
        RedisOnlyWhenShared filter = new RedisOnlyWhenShared();
        filter.setEnvironment(environment);
        return filter.match(CANDIDATES, null);
    }

    @Test
    void dropsRedisAutoConfigurationInTheOtherModes() {
        for (String storeType : new String[] {null, "file", "memory"}) {
            assertThat(matches(storeType))
                    .as(String.valueOf(storeType))
                    .containsExactly(false, false, false, false, true, true, true);
        }
    }

    @Test
    void keepsItInTheSharedModeHoweverTheValueIsWritten() {
        assertThat(matches("redis")).containsOnly(true);
        assertThat(matches("REDIS")).containsOnly(true);
    }

    @Test
    void theServiceStartsWithoutARedisClientOutsideTheSharedMode() {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(TickerApplication.class)
                .run("--server.port=0", "--ticker.store.type=memory", "--ticker.refresh.initial-delay=1h")) {
            assertThat(context.getBeanNamesForType(RedisConnectionFactory.class))
                    .isEmpty();
            assertThat(context.getBeanNamesForType(RedisTemplate.class)).isEmpty();
        }
    }
}
