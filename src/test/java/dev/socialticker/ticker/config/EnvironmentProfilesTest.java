package dev.socialticker.ticker.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.socialticker.ticker.TickerApplication;
import dev.socialticker.ticker.api.ApiProperties;
import dev.socialticker.ticker.refresh.RefreshProperties;
import dev.socialticker.ticker.support.ApiClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The two environments of the deployment checklist as Spring profiles: what each sets (cadence,
 * CORS, admin, health details), taken from the whole application started as an operator starts it.
 */
@ExtendWith(OutputCaptureExtension.class)
class EnvironmentProfilesTest {

    @Test
    void productionRefreshesEveryMinuteAllowsOnlyNamedOriginsAndHidesHealthDetails() {
        try (ConfigurableApplicationContext service =
                start("production", "TICKER_CORS_ALLOWED_ORIGINS=https://acme.example,https://www.acme.example")) {
            RefreshProperties refresh = service.getBean(RefreshProperties.class);
            ApiProperties api = service.getBean(ApiProperties.class);
            assertThat(refresh.period()).isEqualTo(Duration.ofSeconds(60));
            assertThat(refresh.staleAfter()).isEqualTo(Duration.ofSeconds(120));
            assertThat(refresh.minInterval()).isEqualTo(Duration.ofSeconds(30));
            assertThat(api.cors().allowedOrigins()).containsExactly("https://acme.example", "https://www.acme.example");
            assertThat(api.admin().enabled())
                    .as("admin off without TICKER_ADMIN_TOKEN")
                    .isFalse();

            JsonNode health = health(service);
            assertThat(health.path("components"))
                    .as("which check is down stays visible")
                    .isNotEmpty();
            assertThat(health.findValues("details"))
                    .as("what a check says is hidden")
                    .isEmpty();
        }
    }

    @Test
    void productionWithoutOriginsAllowsNone() {
        try (ConfigurableApplicationContext service = start("production")) {
            assertThat(service.getBean(ApiProperties.class).cors().allowedOrigins())
                    .isEmpty();
        }
    }

    @Test
    void previewRefreshesRarelyOpensCorsAndTheAdminApiAndShowsHealthDetails() {
        try (ConfigurableApplicationContext service = start("preview", "TICKER_ADMIN_TOKEN=preview-admin-token-123")) {
            RefreshProperties refresh = service.getBean(RefreshProperties.class);
            ApiProperties api = service.getBean(ApiProperties.class);
            assertThat(refresh.period()).isEqualTo(Duration.ofMinutes(5));
            assertThat(refresh.staleAfter()).isEqualTo(Duration.ofMinutes(10));
            assertThat(refresh.minInterval()).isEqualTo(Duration.ofMinutes(2));
            assertThat(api.cors().allowedOrigins()).containsExactly("*");
            assertThat(api.admin().enabled()).isTrue();
            assertThat(health(service).findValues("details")).isNotEmpty();
        }
    }

    @Test
    void aPreviewWithoutItsAdminTokenDoesNotStart(CapturedOutput output) {
        assertThatThrownBy(() -> start("preview").close()).isInstanceOf(Exception.class);
        assertThat(output.getAll())
                .contains("APPLICATION FAILED TO START")
                .contains("ticker.admin.token: a placeholder of an environment variable that is not set");
    }

    private static JsonNode health(ConfigurableApplicationContext service) {
        return ApiClient.json(ApiClient.management(service.getEnvironment()).get("/actuator/health"));
    }

    /** The packaged defaults with one profile, and environment-style settings as an operator gives them. */
    private static ConfigurableApplicationContext start(String profile, String... settings) {
        List<String> args = new ArrayList<>(
                List.of("--spring.profiles.active=" + profile, "--server.port=0", "--ticker.store.type=memory"));
        for (String setting : settings) {
            args.add("--" + setting);
        }
        return new SpringApplicationBuilder(TickerApplication.class).run(args.toArray(String[]::new));
    }
}
