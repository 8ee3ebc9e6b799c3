package dev.socialticker.ticker.config;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The unknown-key check on environment variables, the form operators use in containers (the
 * production profile reads TICKER_CORS_ALLOWED_ORIGINS): an underscore stands for a dot or a dash,
 * as it does when Boot binds them, and a misspelt variable is still refused with the closest name.
 */
class UnknownPropertyCheckTest {

    @Test
    void environmentVariablesOfKnownPropertiesAreAccepted() {
        assertThatCode(() -> check(Map.of(
                        "TICKER_CORS_ALLOWED_ORIGINS",
                        "https://a.example",
                        "TICKER_REFRESH_MIN_INTERVAL",
                        "5s",
                        "TICKER_REFRESH_STALEAFTER",
                        "3m",
                        "TICKER_REFRESH_RETRY_GIVE_UP_AFTER",
                        "20s",
                        "TICKER_SOURCES_0_ACCOUNT",
                        "a",
                        "TICKER_PROVIDERS_YOUTUBE_APIKEY",
                        "k",
                        "TICKER_TICKERS_LOBBY_SOURCES",
                        "demo")))
                .doesNotThrowAnyException();
    }

    @Test
    void aMisspeltEnvironmentVariableIsRefusedNamingTheClosestProperty() {
        assertThatThrownBy(() -> check(Map.of("TICKER_REFRESH_MIN_INTERVALL", "5s")))
                .isInstanceOf(TickerConfigurationException.class)
                .hasMessage("ticker.refresh.min.intervall is not a Social Ticker property; did you mean"
                        + " ticker.refresh.min-interval? (docs/configuration.md lists them all)");
    }

    private static void check(Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .replace(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        new SystemEnvironmentPropertySource(
                                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
        UnknownPropertyCheck check = new UnknownPropertyCheck();
        check.setEnvironment(environment);
        check.postProcessBeanFactory(null);
    }
}
