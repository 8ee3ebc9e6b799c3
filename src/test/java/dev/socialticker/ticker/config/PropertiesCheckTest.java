package dev.socialticker.ticker.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.env.AbstractEnvironment;
import org.springframework.core.env.CommandLinePropertySource;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/**
 * What the properties alone tell, checked before any bean is made: every problem at once, each naming
 * the property (with its real index or key), what is allowed and where the value was set, never a
 * secret's value. The same check the service runs at start-up ({@link PropertiesCheck}), here on the
 * service's own properties records and converters, without starting anything.
 */
class PropertiesCheckTest {
    static final List<PropertyRecordCheck.Target> RECORDS = records();
    static final List<Converter<?, ?>> CONVERTERS = converters();

    @Test
    void everyBadPropertyIsReportedAtOnceEachNamingItsPropertyValueAndWhereItWasSet() {
        ConfigurationProblems problems = check(Map.of(
                "ticker.refresh.period", "0s",
                "ticker.refresh.min-intervall", "5s",
                "ticker.sources[0].id", "Not An Id",
                "ticker.sources[0].provider", "demo",
                "ticker.sources[0].account", "a",
                "ticker.alerts.rules.quota.percent", "120",
                "ticker.ui.poll-interval", "500ms",
                "ticker.history.milestones[0]", "1000",
                "ticker.history.milestones[1]", "-5"));

        assertThat(problems.all())
                .extracting(ConfigurationProblem::toString)
                .containsExactlyInAnyOrder(
                        "ticker.refresh.min-intervall: unknown property; did you mean ticker.refresh.min-interval?",
                        "ticker.refresh.period: must be greater than 0 (set to 0s on the command line)",
                        "ticker.sources[0].id: must match [a-z0-9][a-z0-9-]{0,62} (set to Not An Id on the command line)",
                        "ticker.alerts.rules.quota.percent: must be between 1 and 100 (set to 120 on the command line)",
                        "ticker.ui.poll-interval: must be at least 2s (set to 500ms on the command line)",
                        "ticker.history.milestones[1]: must be positive (set to -5 on the command line)");
    }

    @Test
    void goodPropertiesInAnyRelaxedFormAndAnyProvidersSettingsPassThisCheck() {
        // Provider settings are judged against the provider files, once those are loaded.
        assertThat(check(Map.of(
                        "ticker.refresh.staleAfter", "3m",
                        "ticker.refresh.retry.give_up_after", "20s",
                        "ticker.cors.allowed-origins[0]", "https://a.example",
                        "ticker.sources[0].provider", "demo",
                        "ticker.sources[0].account", "a",
                        "ticker.tickers.lobby.sources", "demo-a",
                        "ticker.providers.anything.some-setting", "x",
                        "ticker.providers.demo.token-expires-at", "2026-12-31",
                        "ticker.admin.token", "a-long-enough-admin-token")))
                .satisfies(problems -> assertThat(problems.all()).isEmpty());
    }

    @Test
    void aValueThatCannotBeReadIsNamedAndTheRestOfItsRecordIsStillJudged() {
        assertThat(check(Map.of(
                                "ticker.refresh.period", "soon",
                                "ticker.refresh.concurrency", "0",
                                "ticker.providers.demo.token-expires-at", "next tuesday"))
                        .all())
                .extracting(ConfigurationProblem::toString)
                .containsExactlyInAnyOrder(
                        "ticker.refresh.period: 'soon' is not a valid duration (set to soon on the command line)",
                        "ticker.refresh.concurrency: must be at least 1 (set to 0 on the command line)",
                        "ticker.providers.demo.token-expires-at: 'next tuesday' is not a date (2026-12-31) or an"
                                + " instant (2026-12-31T12:00:00Z) (set to next tuesday on the command line)");
    }

    @Test
    void aSecretsValueIsNeverPrinted() {
        List<ConfigurationProblem> problems = check(Map.of(
                        "ticker.admin.token", "letmein",
                        "ticker.alerts.slack.webhook-url", "http://[hooks.slack.example/T0/B0/secret-value"))
                .all();

        assertThat(problems)
                .extracting(ConfigurationProblem::subject)
                .containsExactlyInAnyOrder("ticker.admin.token", "ticker.alerts.slack.webhook-url");
        assertThat(problems.toString())
                .contains(
                        "must be at least 16 characters",
                        "set on the command line; value not shown",
                        "cannot be read as a URI")
                .doesNotContain("letmein")
                .doesNotContain("secret-value");
    }

    @Test
    void aMisspeltKeyIsNamedOnceNotAlsoReportedAsMissing() {
        assertThat(check(Map.of("ticker.sources[0].provider", "demo", "ticker.sources[0].acount", "a"))
                        .all())
                .extracting(ConfigurationProblem::toString)
                .containsExactly("ticker.sources[0].acount: unknown property; did you mean ticker.sources[0].account?");
        // The neighbouring case: a required property simply missing is named as missing.
        assertThat(check(Map.of("ticker.sources[0].provider", "demo")).all())
                .extracting(ConfigurationProblem::toString)
                .containsExactly("ticker.sources[0].account: is required (the account at the provider)");
    }

    @Test
    void theSuggestionCarriesTheIndexOrKeyTheOperatorWrote() {
        assertThat(check(Map.of(
                                "ticker.sources[2].provider", "demo",
                                "ticker.sources[2].acount", "a",
                                "ticker.tickers.lobby.source", "demo-a"))
                        .all())
                .extracting(ConfigurationProblem::reason)
                .contains(
                        "unknown property; did you mean ticker.sources[2].account?",
                        "unknown property; did you mean ticker.tickers.lobby.sources?");
    }

    @Test
    void sourceIdsAreOnePerSourceAndNoneAPathOfTheApi() {
        assertThat(check(Map.of(
                                "ticker.sources[0].provider", "demo",
                                "ticker.sources[0].account", "a",
                                "ticker.sources[1].provider", "demo",
                                "ticker.sources[1].account", "a",
                                "ticker.sources[2].provider", "demo",
                                "ticker.sources[2].account", "b",
                                "ticker.sources[2].id", "history"))
                        .all())
                .extracting(ConfigurationProblem::toString)
                .containsExactlyInAnyOrder(
                        "ticker.sources[1].id: 'demo-a' is already used by another source; give each source a distinct id",
                        "ticker.sources[2].id: 'history' is a path of the API (/api/metrics/history), not usable as a"
                                + " source id; set another id (set to history on the command line)");
    }

    @Test
    void aNamedTickerNamesConfiguredSourcesOnly() {
        assertThat(check(Map.of(
                                "ticker.sources[0].provider", "demo",
                                "ticker.sources[0].account", "a",
                                "ticker.tickers.lobby.sources", "demo-b",
                                "ticker.tickers.hall.sources", "demo-a"))
                        .all())
                .extracting(ConfigurationProblem::toString)
                .containsExactly("ticker.tickers.lobby.sources: 'demo-b' is not the id of a configured source (ids:"
                        + " demo-a) (set to demo-b on the command line)");
    }

    @Test
    void anEmailChannelNeedsItsSenderAndRecipients() {
        assertThat(check(Map.of("ticker.alerts.email.host", "smtp.example.com")).all())
                .extracting(ConfigurationProblem::subject)
                .containsExactly("ticker.alerts.email.from", "ticker.alerts.email.to");
        assertThat(check(Map.of(
                                "ticker.alerts.email.host", "smtp.example.com",
                                "ticker.alerts.email.from", "ticker@example.com",
                                "ticker.alerts.email.to", "ops@example.com"))
                        .all())
                .isEmpty();
    }

    @Test
    void theRefusedValuesAreLeftOutOfBindingAndAGroupMissingAPartWithThem() {
        ConfigurationProblems problems = check(Map.of(
                "ticker.refresh.period", "0s",
                "ticker.alerts.email.host", "smtp.example.com",
                "ticker.sources[0].provider", "demo"));

        assertThat(problems.leftOut(ConfigurationPropertyName.of("ticker.refresh.period")))
                .isTrue();
        // An e-mail channel without a sender is no channel while the start goes on.
        assertThat(problems.leftOut(ConfigurationPropertyName.of("ticker.alerts.email")))
                .isTrue();
        // A source missing its account stays in its place, so the next ones keep their index.
        assertThat(problems.leftOut(ConfigurationPropertyName.of("ticker.sources[0]")))
                .isFalse();
        assertThat(problems.leftOut(ConfigurationPropertyName.of("ticker.refresh.min-interval")))
                .isFalse();
    }

    static ConfigurationProblems check(Map<String, String> properties) {
        // As --name=value arguments would set them, and nothing else (no variable of this machine).
        ConfigurableEnvironment environment = new AbstractEnvironment() {};
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        CommandLinePropertySource.COMMAND_LINE_PROPERTY_SOURCE_NAME, Map.copyOf(properties)));
        ConfigurationProblems problems = new ConfigurationProblems();
        PropertiesCheck.check(environment, RECORDS, CONVERTERS, problems);
        return problems;
    }

    /** The service's properties records, as the start-up check finds them among the bean definitions. */
    private static List<PropertyRecordCheck.Target> records() {
        List<PropertyRecordCheck.Target> records = new ArrayList<>();
        for (Class<?> type : annotated(ConfigurationProperties.class)) {
            PropertiesCheck.target(type).ifPresent(records::add);
        }
        assertThat(records).hasSizeGreaterThanOrEqualTo(10);
        return records;
    }

    private static List<Converter<?, ?>> converters() {
        List<Converter<?, ?>> converters = new ArrayList<>();
        for (Class<?> type : annotated(ConfigurationPropertiesBinding.class)) {
            try {
                Constructor<?> constructor = type.getDeclaredConstructor();
                constructor.setAccessible(true);
                converters.add((Converter<?, ?>) constructor.newInstance());
            } catch (ReflectiveOperationException notAConverter) {
                throw new IllegalStateException(type + " cannot be made for the test", notAConverter);
            }
        }
        assertThat(converters).isNotEmpty();
        return converters;
    }

    private static List<Class<?>> annotated(Class<? extends java.lang.annotation.Annotation> annotation) {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(annotation));
        List<Class<?>> types = new ArrayList<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("dev.socialticker.ticker")) {
            try {
                types.add(Class.forName(candidate.getBeanClassName()));
            } catch (ClassNotFoundException gone) {
                throw new IllegalStateException(gone);
            }
        }
        return types;
    }
}
