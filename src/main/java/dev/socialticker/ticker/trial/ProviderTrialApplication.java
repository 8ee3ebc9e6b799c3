package dev.socialticker.ticker.trial;

import dev.socialticker.ticker.command.CommandScope;
import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;

/**
 * The service's beans a provider route needs, and nothing that acts on its own: the providers'
 * template, loader, settings and tokens, the configuration checks, the state (in memory), the
 * failure classifier and the HTTP call control of the refresh. Left out: the API, the refresh
 * timer and queue, the store and its history, alerts, outputs, the fleet, the demo source, token
 * refresh timers, and the provider check that loads every file (the try command loads one).
 *
 * <p>Neither this class nor the beans it imports carries a stereotype ({@code @Configuration},
 * {@code @Component}): the service's own component scan must not find them.
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
                        "dev\\.socialticker\\.ticker\\.fleet\\..*",
                        // The command names its one source: never the demo's.
                        "dev\\.socialticker\\.ticker\\.provider\\.demo\\..*",
                        "dev\\.socialticker\\.ticker\\.provider\\.file\\.(ProviderCheck|ProviderRouteReloader)",
                        "dev\\.socialticker\\.ticker\\.token\\..*Routes"
                    })
        })
@Import({TrialFileLoading.class, UpstreamCallRecorder.class, ProviderTrial.class})
class ProviderTrialApplication {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
