package dev.socialticker.ticker.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** An output's secret set the way the guide says, from the environment, for a name with a dash. */
class OutputSettingsTest {

    @Test
    void aSettingOfAnOutputWithADashInItsNameIsReadFromItsEnvironmentVariable() {
        StandardEnvironment environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .addFirst(new SystemEnvironmentPropertySource(
                        // Named as Boot names the environment it maps relaxed names for.
                        "test-" + StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        Map.of(
                                "TICKER_OUTPUTS_OFFICECOUNTER_TOKEN", "counter-token-from-env",
                                "TICKER_OUTPUTS_HOME_USERNAME", "ticker")));
        // As Spring Boot's application context does: relaxed names across every source.
        ConfigurationPropertySources.attach(environment);
        OutputSettings settings = new OutputSettings(environment);

        assertThat(settings.secret("office-counter", "token")).isEqualTo("counter-token-from-env");
        assertThat(settings.value("home", "username")).isEqualTo("ticker");
        assertThat(settings.secret("office-counter", "signature-secret"))
                .as("unset")
                .isNull();
        assertThat(settings.secret("office-counter", "")).as("no setting named").isNull();
    }
}
