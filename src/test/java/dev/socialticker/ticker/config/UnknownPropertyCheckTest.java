package dev.socialticker.ticker.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The unknown-key check on environment variables, the form operators use in containers (the
 * production profile reads TICKER_CORS_ALLOWED_ORIGINS): an underscore stands for a dot or a dash,
 * as it does when Boot binds them, and a misspelt variable is still refused, named as it was set,
 * with the closest property and its variable.
 */
class UnknownPropertyCheckTest {

    @Test
    void environmentVariablesOfKnownPropertiesAreAccepted() {
        assertThat(unknown(Map.of(
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
                .isEmpty();
    }

    /** The settings an output file or a channel file names are the file's own, under its name. */
    @Test
    void theFilesSettingsAreTheirOwn() {
        assertThat(unknown(Map.of(
                        "TICKER_OUTPUTS_OFFICECOUNTER_TOKEN",
                        "t",
                        "TICKER_ALERTS_CHANNELS_TEAMCHAT_WEBHOOKURL",
                        "https://discord.example/api/webhooks/1/x",
                        "TICKER_ALERTS_CHANNELS_OPSTELEGRAM_BOTTOKEN",
                        "123:x")))
                .isEmpty();
        assertThat(unknown(Map.of("TICKER_ALERTS_CHANELS_TEAMCHAT_WEBHOOKURL", "x")))
                .as("a misspelt prefix is still unknown")
                .hasSize(1);
    }

    @Test
    void aMisspeltEnvironmentVariableIsRefusedNamingTheClosestProperty() {
        assertThat(unknown(Map.of("TICKER_REFRESH_MIN_INTERVALL", "5s")))
                .containsExactly(new ConfigurationProblem(
                        "TICKER_REFRESH_MIN_INTERVALL",
                        "unknown property; did you mean ticker.refresh.min-interval (TICKER_REFRESH_MININTERVAL)?"));
    }

    @Test
    void theSuggestionCarriesTheIndexOrKeyTheOperatorWrote() {
        assertThat(unknown(Map.of("TICKER_SOURCES_3_ACOUNT", "a", "TICKER_TICKERS_LOBBY_SOURCE", "demo")))
                .extracting(ConfigurationProblem::reason)
                .containsExactlyInAnyOrder(
                        "unknown property; did you mean ticker.sources[3].account (TICKER_SOURCES_3_ACCOUNT)?",
                        "unknown property; did you mean ticker.tickers.lobby.sources (TICKER_TICKERS_LOBBY_SOURCES)?");
    }

    private static List<ConfigurationProblem> unknown(Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .replace(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        new SystemEnvironmentPropertySource(
                                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
        return UnknownPropertyCheck.find(ConfigurationPropertySources.get(environment)).stream()
                .map(UnknownPropertyCheck.Unknown::problem)
                .toList();
    }
}
