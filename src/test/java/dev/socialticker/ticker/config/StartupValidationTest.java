package dev.socialticker.ticker.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.socialticker.ticker.TickerApplication;
import dev.socialticker.ticker.domain.TickerSource;
import dev.socialticker.ticker.provider.file.ProviderCatalog;
import dev.socialticker.ticker.refresh.RefreshSchedule;
import dev.socialticker.ticker.support.RoutesDir;
import java.io.IOException;
import java.nio.file.Files;
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
 * Bad configuration stops start-up with one report that names every property (or file) at fault,
 * and good configuration starts. The whole application is started here only where it is the point:
 * the problems of one start, from the properties and from the provider files, in one refusal. Each
 * rule is tested where it lives, without a start: {@link PropertiesCheckTest} (the properties
 * alone), {@code ProviderSettingsCheckTest} (each provider's settings).
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupValidationTest {

    @Test
    void everyProblemOfOneStartIsReportedInOneRefusalWithoutASecretsValue(CapturedOutput output) {
        assertThatThrownBy(() -> start(
                                // Properties alone: an unknown key, a value out of range, a guessable token.
                                "ticker.refresh.min-intervall=5s",
                                "ticker.refresh.period=0s",
                                "ticker.admin.token=letmein",
                                // What the provider files tell: each source against its provider's file ...
                                "ticker.sources[0].provider=instagram",
                                "ticker.sources[0].account=acme",
                                "ticker.sources[1].provider=myspace",
                                "ticker.sources[1].account=tom",
                                "ticker.sources[2].provider=youtube",
                                "ticker.sources[2].account=UC_x5XG1OV2P6uZZ5FSM9Ttw",
                                "ticker.sources[3].provider=twitch",
                                "ticker.sources[3].account=141981764",
                                "ticker.sources[4].provider=mastodon",
                                "ticker.sources[4].account=Gargron",
                                // ... and every provider's settings against what it knows.
                                "ticker.providers.github.base-uri=http://127.0.0.1:9",
                                "ticker.providers.instagarm.access-token=IGQVJmisplacedToken0123456789")
                        .close())
                .isInstanceOf(Exception.class);

        assertThat(output.getAll())
                .contains("APPLICATION FAILED TO START")
                .contains("Invalid Social Ticker configuration (12 problems):")
                .contains("  ticker.refresh.min-intervall: unknown property; did you mean ticker.refresh.min-interval?")
                .contains("  ticker.refresh.period: must be greater than 0 (set to 0s on the command line)")
                .contains("  ticker.admin.token: must be at least 16 characters")
                .contains("  ticker.sources[0].account: 'acme' is not an account of provider 'instagram'; expected the"
                        + " numeric Instagram user id")
                .contains("  ticker.providers.instagram.access-token: required by source 'instagram-acme'")
                .contains(
                        "  ticker.sources[1].provider: unknown provider 'myspace'; available providers: bluesky, demo,"
                                + " discord, facebook, github, instagram, linkedin, mastodon, peertube,"
                                + " peertube-channel, reddit, spotify, telegram, threads, tiktok, twitch, x, youtube")
                .contains("  ticker.providers.youtube.api-key: required by source 'youtube-uc-x5xg1ov2p6uzz5fsm9ttw'")
                .contains("  ticker.providers.twitch.client-id: required by source 'twitch-141981764' (header"
                        + " Client-Id of")
                .contains("  ticker.providers.twitch.client-secret: required by source 'twitch-141981764' (the token"
                        + " is obtained with it")
                .contains("  ticker.sources[4].account: 'Gargron' is not an account of provider 'mastodon'; expected"
                        + " user@host")
                .contains("  ticker.providers.github.base-uri: not a setting of provider 'github'; did you mean"
                        + " ticker.providers.github.base-url?")
                .contains("  ticker.providers.instagarm.access-token: no provider is named 'instagarm' (settings:"
                        + " access-token); did you mean instagram?")
                .doesNotContain("letmein")
                .doesNotContain("IGQVJmisplacedToken0123456789");
    }

    @Test
    void aSourceWhoseProviderFileIsBrokenIsRefusedNamingTheFile(CapturedOutput output) throws IOException {
        try (RoutesDir routes = new RoutesDir("broken.camel.yaml")) {
            Files.createDirectories(routes.path().resolve("outputs"));
            routes.write("outputs/hook.camel.yaml", "- templatedRoute: { routeTemplateRef: webhok }\n");
            assertStartFails(
                    output,
                    "ticker.sources[0].provider",
                    "provider 'broken' is not available, its file was refused: "
                            + routes.path().resolve("broken.camel.yaml")
                            + ":8:8: this line's indentation does not match the lines around it",
                    "ticker.sources[0].provider=broken",
                    "ticker.sources[0].account=a",
                    "ticker.routes.dir=" + routes.path());
            // The log shows the line as written, with a caret under the place.
            assertThat(output.getAll()).contains("  8 |        - log: \"misindented\"\n    |        ^");
            // Every refused file is reported in the start that is refused, the output files too.
            assertThat(output.getAll())
                    .contains(routes.path().resolve("outputs/hook.camel.yaml")
                            + ":1:39: routeTemplateRef 'webhok' is not an output template");
        }
    }

    @Test
    void aBrokenFileNoSourceUsesLeavesEveryOtherProviderRunning(CapturedOutput output) {
        try (RoutesDir routes = new RoutesDir("broken.camel.yaml");
                ConfigurableApplicationContext context = start("ticker.routes.dir=" + routes.path())) {
            ProviderCatalog catalog = context.getBean(ProviderCatalog.class);
            assertThat(catalog.loaded().keySet())
                    .containsExactly(
                            "bluesky",
                            "discord",
                            "facebook",
                            "github",
                            "instagram",
                            "linkedin",
                            "mastodon",
                            "peertube",
                            "peertube-channel",
                            "reddit",
                            "spotify",
                            "telegram",
                            "threads",
                            "tiktok",
                            "twitch",
                            "x",
                            "youtube");
            assertThat(catalog.broken().keySet()).containsExactly("broken");
            assertThat(output.getAll())
                    .contains("Provider file " + routes.path().resolve("broken.camel.yaml") + " is not used:");
        }
    }

    @Test
    void knownPropertiesInAnyRelaxedFormAndTheSettingsEachProviderKnowsAreAccepted() {
        try (ConfigurableApplicationContext context = start(
                "ticker.providers.youtube.apiKey=AIzaExampleKey0123456789",
                "ticker.providers.twitch.client-id=uo6dggojyb8d6soh92zknwmi5ej1q2",
                "ticker.providers.instagram.connect-timeout=3s",
                "ticker.cors.allowed-origins[0]=https://a.example",
                "ticker.refresh.staleAfter=3m",
                "ticker.refresh.retry.give_up_after=20s")) {
            assertThat(context.getBean(RefreshSchedule.class).staleAfter()).isEqualTo(Duration.ofMinutes(3));
        }
    }

    @Test
    void noSourcesMeansTheDemoSourceRefreshedEveryFewSeconds(CapturedOutput output) {
        try (ConfigurableApplicationContext context = start()) {
            assertThat(context.getBean(SourceCatalog.class).all())
                    .containsExactly(new TickerSource("demo", "demo", "demo"));
            assertThat(output.getOut()).contains("serving the built-in demo source");
            RefreshSchedule schedule = context.getBean(RefreshSchedule.class);
            assertThat(schedule.period()).isEqualTo(Duration.ofSeconds(5));
            assertThat(schedule.minInterval()).isEqualTo(Duration.ofSeconds(5));
            assertThat(schedule.staleAfter()).isEqualTo(Duration.ofSeconds(10));
        }
    }

    @Test
    void theDemoKeepsACadenceTheUserSet() {
        try (ConfigurableApplicationContext context = start("ticker.refresh.period=2m")) {
            RefreshSchedule schedule = context.getBean(RefreshSchedule.class);
            assertThat(schedule.period()).isEqualTo(Duration.ofMinutes(2));
            assertThat(schedule.minInterval()).isEqualTo(Duration.ofSeconds(30));
            assertThat(schedule.staleAfter()).isEqualTo(Duration.ofMinutes(4));
        }
    }

    @Test
    void configuredSourcesUseTheDocumentedDefaults() {
        try (ConfigurableApplicationContext context =
                start("ticker.sources[0].provider=demo", "ticker.sources[0].account=a")) {
            RefreshSchedule schedule = context.getBean(RefreshSchedule.class);
            assertThat(schedule.period()).isEqualTo(Duration.ofSeconds(60));
            assertThat(schedule.minInterval()).isEqualTo(Duration.ofSeconds(30));
            assertThat(schedule.staleAfter()).isEqualTo(Duration.ofSeconds(120));
        }
    }

    private static void assertStartFails(CapturedOutput output, String property, String reason, String... properties) {
        assertThatThrownBy(() -> start(properties).close()).isInstanceOf(Exception.class);
        // Boot's failure report: one description naming the property and what is allowed.
        assertThat(output.getAll())
                .contains("APPLICATION FAILED TO START")
                .contains(property)
                .contains(reason);
    }

    /** Properties as command-line arguments: they win over application.yaml, as an operator's would. */
    private static ConfigurableApplicationContext start(String... properties) {
        List<String> args = new ArrayList<>();
        for (String property : properties) {
            args.add("--" + property);
        }
        args.add("--server.port=0");
        args.add("--ticker.refresh.initial-delay=1h");
        return new SpringApplicationBuilder(TickerApplication.class).run(args.toArray(String[]::new));
    }
}
