package dev.socialticker.ticker.authorize;

import dev.socialticker.ticker.command.CommandScope;
import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * The service's beans a sign-in needs, and nothing that acts on its own: the provider files (every
 * one, checked as the service checks them), their settings and the configuration checks, the tokens,
 * and the state where the service keeps them: its folder, or in the shared mode the fleet's Redis
 * (only the repository: this command is no member of the fleet). Left out, as from the try command:
 * the API, the refresh timer and queue, the store and its history, alerts, outputs, the demo source.
 *
 * <p>Neither this class nor the beans it imports carries a stereotype: the service's own component
 * scan must not find it.
 */
@EnableAutoConfiguration
@ConfigurationPropertiesScan("dev.socialticker.ticker")
@ComponentScan(
        basePackages = "dev.socialticker.ticker",
        excludeFilters = {
            // As @SpringBootApplication scans: no test configuration, no auto-configuration class.
            @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
            @ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class),
            @ComponentScan.Filter(type = FilterType.CUSTOM, classes = CommandScope.class),
            @ComponentScan.Filter(
                    type = FilterType.REGEX,
                    pattern = {
                        "dev\\.socialticker\\.ticker\\.trial\\..*",
                        "dev\\.socialticker\\.ticker\\.fleet\\.(?!FleetConfiguration|RedisState|RedisLink).*",
                        "dev\\.socialticker\\.ticker\\.token\\.TokenStatusRoutes"
                    })
        })
class AuthorizeApplication {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
