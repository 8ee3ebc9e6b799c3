package dev.socialticker.ticker.provider.file;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.socialticker.ticker.config.ConfigurationProblem;
import dev.socialticker.ticker.provider.http.JsonOverHttpTemplate;
import dev.socialticker.ticker.routefile.RouteFile;
import dev.socialticker.ticker.routefile.RouteFileCatalog;
import dev.socialticker.ticker.routefile.RouteFiles;
import dev.socialticker.ticker.routefile.RoutesProperties;
import dev.socialticker.ticker.routefile.problem.RouteFileException;
import dev.socialticker.ticker.support.RoutesDir;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.AbstractEnvironment;
import org.springframework.core.env.CommandLinePropertySource;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Settings under {@code ticker.providers.<name>} are judged against what each provider knows: its
 * typed settings and those its file names. The built-in files, and files from a routes folder, are
 * parsed and checked as the service loads them, on a bare Camel context; nothing is started.
 */
@ExtendWith(OutputCaptureExtension.class)
class ProviderSettingsCheckTest {
    private final ProviderCatalog catalog = new ProviderCatalog();
    private DefaultCamelContext context;
    private RoutesDir routes;

    @BeforeEach
    void camel() throws Exception {
        context = new DefaultCamelContext();
        // The plain route reads its count from a setting: a file whose {{placeholder}} has no value is
        // refused at load, as in the service.
        Properties settings = new Properties();
        settings.setProperty("ticker.providers.manual.count", "42");
        context.getPropertiesComponent().setInitialProperties(settings);
        context.addRoutes(new JsonOverHttpTemplate(null, Clock.systemUTC()));
        routes = new RoutesDir("manual.camel.yaml", "broken.camel.yaml");
        for (RouteFile file : files().all()) {
            try {
                catalog.loaded(ProviderContract.check(context, file, RouteFiles.read(context, file))
                        .provider());
            } catch (RouteFileException refused) {
                catalog.broken(new RouteFileCatalog.Broken(file.name(), file.location(), refused.problems()));
            }
        }
        assertThat(catalog.loaded()).containsKeys("github", "youtube", "twitch", "manual");
        assertThat(catalog.broken()).containsOnlyKeys("broken");
    }

    @AfterEach
    void stop() {
        context.stop();
        routes.close();
    }

    @Test
    void aSettingItsProviderDoesNotKnowIsRefusedNamingTheClosestItDoes() {
        assertThat(problems(Map.of("ticker.providers.github.base-uri", "http://127.0.0.1:8089")))
                .extracting(ConfigurationProblem::toString)
                .containsExactly("ticker.providers.github.base-uri: not a setting of provider 'github'; did you mean"
                        + " ticker.providers.github.base-url? It knows: access-token, base-url, connect-timeout,"
                        + " read-timeout, token-expires-at, token-file, token-refresh-url");
    }

    @Test
    void theTypedSettingsAndThoseAFileNamesAreKnownInAnyRelaxedForm() {
        assertThat(problems(Map.of(
                        "ticker.providers.github.base-url", "http://127.0.0.1:8089",
                        "ticker.providers.github.connectTimeout", "3s",
                        "ticker.providers.youtube.api-key", "k",
                        "ticker.providers.twitch.client-id", "id",
                        "ticker.providers.twitch.client_secret", "secret",
                        "ticker.providers.manual.count", "1500",
                        "ticker.providers.demo.token-expires-at", "2026-12-31")))
                .isEmpty();
    }

    @Test
    void aSettingOnlyAnotherProviderNamesIsRefused() {
        assertThat(problems(Map.of("ticker.providers.github.api-key", "k", "ticker.providers.manual.cuont", "1")))
                .extracting(ConfigurationProblem::subject, ConfigurationProblem::reason)
                .anySatisfy(problem -> assertThat(problem.toList())
                        .containsExactly(
                                "ticker.providers.github.api-key",
                                "not a setting of provider 'github'. It knows: access-token, base-url,"
                                        + " connect-timeout, read-timeout, token-expires-at, token-file,"
                                        + " token-refresh-url"))
                .anySatisfy(problem -> assertThat(problem.toList())
                        .containsExactly(
                                "ticker.providers.manual.cuont",
                                "not a setting of provider 'manual'; did you mean ticker.providers.manual.count? It"
                                        + " knows: access-token, base-url, connect-timeout, count, read-timeout,"
                                        + " token-expires-at, token-file, token-refresh-url"));
    }

    @Test
    void settingsOfANameThatIsNoProviderAreRefusedOnceWithTheClosestProvider() {
        assertThat(problems(Map.of(
                        "ticker.providers.instagarm.access-token", "t",
                        "ticker.providers.instagarm.base-url", "http://127.0.0.1:8089")))
                .extracting(ConfigurationProblem::toString)
                .containsExactly(
                        "ticker.providers.instagarm.access-token (and 1 more): no provider is named"
                                + " 'instagarm' (settings: access-token, base-url); did you mean instagram? Providers:"
                                + " bluesky, broken, demo, discord, facebook, github, instagram, linkedin, manual, mastodon,"
                                + " peertube, peertube-channel, reddit, spotify, telegram, threads, tiktok, twitch, x, youtube");
    }

    @Test
    void withReloadOnSettingsMayWaitForTheirFileWithAWarning(CapturedOutput log) {
        ProviderSettingsCheck check = new ProviderSettingsCheck(
                environment(Map.of("ticker.providers.pixelfed.base-url", "http://127.0.0.1:8089")),
                catalog,
                files(),
                new RoutesProperties(routes.path().toString(), true));

        assertThat(check.problems(defined(), provider -> true)).isEmpty();
        assertThat(log.getAll())
                .contains("ticker.providers.pixelfed (base-url): no provider file of that name yet; with"
                        + " ticker.routes.reload on they apply once pixelfed.camel.yaml appears");
    }

    @Test
    void aRefusedFilesSettingsAndAProviderNotJudgedAreLeftAlone() {
        // What a refused file would name is unknown; its refusal is reported on its own.
        assertThat(problems(Map.of("ticker.providers.broken.anything", "x"))).isEmpty();
        // The try command judges the tried provider's settings only: it loads no other file.
        assertThat(problems(Map.of("ticker.providers.github.base-uri", "x"), "youtube"::equals))
                .isEmpty();
    }

    @Test
    void environmentVariablesAreNamedAsSetAndTheirUnderscoresReadAsDotsOrDashes() {
        ProviderSettingsCheck check = new ProviderSettingsCheck(
                variables(Map.of(
                        "TICKER_PROVIDERS_YOUTUBE_APIKEY", "k",
                        "TICKER_PROVIDERS_TWITCH_CLIENT_SECRET", "s",
                        "TICKER_PROVIDERS_GITHUB_BASE_URI", "http://127.0.0.1:8089")),
                catalog,
                files(),
                new RoutesProperties(routes.path().toString(), false));

        assertThat(check.problems(defined(), provider -> true))
                .extracting(ConfigurationProblem::subject, ConfigurationProblem::reason)
                .singleElement()
                .satisfies(
                        problem -> assertThat(problem.toList()).first().isEqualTo("TICKER_PROVIDERS_GITHUB_BASE_URI"))
                .satisfies(problem -> assertThat((String) problem.toList().get(1))
                        .startsWith("not a setting of provider 'github'; did you mean"
                                + " ticker.providers.github.base-url?"));
    }

    /**
     * The provider settings the configuration metadata documents for IDEs (the free-form ones, such as
     * youtube's api-key) are settings their provider files name: the two cannot drift apart.
     */
    @Test
    void everyProviderSettingTheMetadataDocumentsIsOneItsProviderKnows() throws IOException {
        Map<String, String> documented = new LinkedHashMap<>();
        try (InputStream in =
                getClass().getResourceAsStream("/META-INF/additional-spring-configuration-metadata.json")) {
            for (JsonNode property : new ObjectMapper().readTree(in).path("properties")) {
                String name = property.path("name").asText();
                if (name.startsWith("ticker.providers.")) {
                    documented.put(name, "x");
                }
            }
        }
        assertThat(documented).hasSizeGreaterThanOrEqualTo(3);
        assertThat(problems(documented)).isEmpty();
    }

    private List<ConfigurationProblem> problems(Map<String, String> properties) {
        return problems(properties, provider -> true);
    }

    private List<ConfigurationProblem> problems(Map<String, String> properties, Predicate<String> judged) {
        return new ProviderSettingsCheck(
                        environment(properties),
                        catalog,
                        files(),
                        new RoutesProperties(routes.path().toString(), false))
                .problems(defined(), judged);
    }

    /** The provider routes a started service defines: every file loaded, and the built-in demo. */
    private Set<String> defined() {
        Set<String> defined = new TreeSet<>(catalog.loaded().keySet());
        defined.add("demo");
        return defined;
    }

    private ProviderRouteFiles files() {
        return new ProviderRouteFiles(new RoutesProperties(routes.path().toString(), false));
    }

    private static ConfigurableEnvironment environment(Map<String, String> properties) {
        ConfigurableEnvironment environment = new AbstractEnvironment() {};
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        CommandLinePropertySource.COMMAND_LINE_PROPERTY_SOURCE_NAME, Map.copyOf(properties)));
        return environment;
    }

    private static ConfigurableEnvironment variables(Map<String, Object> variables) {
        ConfigurableEnvironment environment = new AbstractEnvironment() {};
        environment
                .getPropertySources()
                .addFirst(new SystemEnvironmentPropertySource(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
        return environment;
    }
}
