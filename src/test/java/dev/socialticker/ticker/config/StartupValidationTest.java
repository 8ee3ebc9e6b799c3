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

/** Bad configuration stops start-up with a message that names the property. */
@ExtendWith(OutputCaptureExtension.class)
class StartupValidationTest {

    @Test
    void aShortAdminTokenIsRefusedWithoutPrintingIt(CapturedOutput output) {
        assertStartFails(output, "ticker.admin.token", "must be at least 16 characters", "ticker.admin.token=letmein");
        assertThat(output.getAll()).doesNotContain("letmein");
    }

    @Test
    void aZeroPeriodIsRefused(CapturedOutput output) {
        assertStartFails(output, "ticker.refresh.period", "must be greater than 0", "ticker.refresh.period=0s");
    }

    @Test
    void aMalformedIdIsRefused(CapturedOutput output) {
        assertStartFails(
                output,
                "ticker.sources[0].id",
                "must match",
                "ticker.sources[0].id=Not An Id",
                "ticker.sources[0].provider=demo",
                "ticker.sources[0].account=x");
    }

    @Test
    void anUnknownProviderIsRefusedWithTheListOfProviders(CapturedOutput output) {
        assertStartFails(
                output,
                "ticker.sources[0].provider",
                "unknown provider 'myspace'; available providers: bluesky, demo, github, instagram, mastodon, threads, twitch,"
                        + " youtube",
                "ticker.sources[0].provider=myspace",
                "ticker.sources[0].account=tom");
    }

    @Test
    void instagramWithoutATokenIsRefused(CapturedOutput output) {
        assertStartFails(
                output,
                "ticker.providers.instagram.access-token",
                "is required by source 'instagram-17841400000000000'",
                "ticker.sources[0].provider=instagram",
                "ticker.sources[0].account=17841400000000000");
    }

    @Test
    void anInstagramAccountMustBeTheNumericUserId(CapturedOutput output) {
        assertStartFails(
                output,
                "ticker.sources[0].account",
                "numeric Instagram user id",
                "ticker.sources[0].provider=instagram",
                "ticker.sources[0].account=acme",
                "ticker.providers.instagram.access-token=t");
    }

    @Test
    void youtubeWithoutAnApiKeyIsRefused(CapturedOutput output) {
        assertStartFails(
                output,
                "ticker.providers.youtube.api-key",
                "is required by source 'youtube-uc-x5xg1ov2p6uzz5fsm9ttw'",
                "ticker.sources[0].provider=youtube",
                "ticker.sources[0].account=UC_x5XG1OV2P6uZZ5FSM9Ttw");
    }

    @Test
    void twitchWithoutItsClientSecretIsRefusedNamingTheProperty(CapturedOutput output) {
        assertStartFails(
                output,
                "ticker.providers.twitch.client-secret",
                "is required by source 'twitch-141981764' (the token is obtained with it",
                "ticker.sources[0].provider=twitch",
                "ticker.sources[0].account=141981764",
                "ticker.providers.twitch.client-id=uo6dggojyb8d6soh92zknwmi5ej1q2");
    }

    @Test
    void aSettingAHeaderNamesIsRequiredNamingTheProperty(CapturedOutput output) {
        assertStartFails(
                output,
                "ticker.providers.twitch.client-id",
                "is required by source 'twitch-141981764' (header Client-Id of",
                "ticker.sources[0].provider=twitch",
                "ticker.sources[0].account=141981764",
                "ticker.providers.twitch.client-secret=twitch-client-secret-7f6e5d4c");
        assertThat(output.getAll()).doesNotContain("twitch-client-secret-7f6e5d4c");
    }

    @Test
    void anAccountOfTheWrongFormIsRefusedWithAnExample(CapturedOutput output) {
        assertStartFails(
                output,
                "ticker.sources[0].account",
                "'Gargron' is not an account of provider 'mastodon'; expected user@host",
                "ticker.sources[0].provider=mastodon",
                "ticker.sources[0].account=Gargron");
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
                    .containsExactly("bluesky", "github", "instagram", "mastodon", "threads", "twitch", "youtube");
            assertThat(catalog.broken().keySet()).containsExactly("broken");
            assertThat(output.getAll())
                    .contains("Provider file " + routes.path().resolve("broken.camel.yaml") + " is not used:");
        }
    }

    @Test
    void aMisspelledPropertyIsRefusedNamingTheClosestKnownOne(CapturedOutput output) {
        assertStartFails(
                output,
                "ticker.refresh.min-intervall",
                "is not a Social Ticker property; did you mean ticker.refresh.min-interval?",
                "ticker.refresh.min-intervall=5s");
    }

    @Test
    void aMisspelledSourcePropertyIsRefusedToo(CapturedOutput output) {
        assertStartFails(
                output,
                "ticker.sources[0].acount",
                "did you mean ticker.sources[0].account?",
                "ticker.sources[0].provider=demo",
                "ticker.sources[0].acount=a",
                "ticker.sources[0].account=a");
    }

    @Test
    void aMisspelledRequiredSourcePropertyIsNamedNotReportedAsMissing(CapturedOutput output) {
        assertStartFails(
                output,
                "ticker.sources[0].acount",
                "did you mean ticker.sources[0].account?",
                "ticker.sources[0].provider=demo",
                "ticker.sources[0].acount=a");
        assertThat(output.getAll()).doesNotContain("is required (the account at the provider)");
    }

    @Test
    void aNamedTickerOfAnUnknownSourceIsRefused(CapturedOutput output) {
        assertStartFails(
                output,
                "ticker.tickers.lobby.sources",
                "'demo-b' is not the id of a configured source",
                "ticker.sources[0].provider=demo",
                "ticker.sources[0].account=a",
                "ticker.tickers.lobby.sources=demo-b");
    }

    @Test
    void aNamedTickerWithoutSourcesOrWithAMisspeltKeyIsRefused(CapturedOutput output) {
        assertStartFails(
                output,
                "ticker.tickers.lobby.source",
                "did you mean ticker.tickers.<name>.sources?",
                "ticker.tickers.lobby.source=demo");
    }

    @Test
    void knownPropertiesInAnyRelaxedFormAndProviderSettingsOfAnyNameAreAccepted() {
        try (ConfigurableApplicationContext context = start(
                "ticker.providers.manual.count=1500",
                "ticker.providers.instagram.connect-timeout=3s",
                "ticker.cors.allowed-origins[0]=https://a.example",
                "ticker.refresh.staleAfter=3m",
                "ticker.refresh.retry.give_up_after=20s")) {
            assertThat(context.getBean(RefreshSchedule.class).staleAfter()).isEqualTo(Duration.ofMinutes(3));
        }
    }

    @Test
    void duplicateIdsAreRefused(CapturedOutput output) {
        assertStartFails(
                output,
                "ticker.sources[1].id",
                "already used",
                "ticker.sources[0].provider=demo",
                "ticker.sources[0].account=a",
                "ticker.sources[1].provider=demo",
                "ticker.sources[1].account=a");
    }

    @Test
    void anIdThatIsAPathOfTheApiIsRefused(CapturedOutput output) {
        assertStartFails(
                output,
                "ticker.sources[0].id",
                "'history' is a path of the API",
                "ticker.sources[0].provider=demo",
                "ticker.sources[0].account=a",
                "ticker.sources[0].id=history");
    }

    @Test
    void aTooFastUiPollIsRefused(CapturedOutput output) {
        // Boot names record components in camelCase, a form relaxed binding accepts too.
        assertStartFails(output, "ticker.ui.pollInterval", "must be at least 2s", "ticker.ui.poll-interval=500ms");
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

    @Test
    void emailAlertsWithoutRecipientsAreRefused(CapturedOutput output) {
        assertStartFails(
                output,
                "ticker.alerts.email.to",
                "required when ticker.alerts.email.host is set",
                "ticker.alerts.email.host=smtp.example.com",
                "ticker.alerts.email.from=ticker@example.com");
    }

    @Test
    void aQuotaThresholdAboveAHundredPercentIsRefused(CapturedOutput output) {
        assertStartFails(
                output,
                "ticker.alerts.rules.quota.percent",
                "must be between 1 and 100",
                "ticker.alerts.rules.quota.percent=120");
    }

    @Test
    void aTokenExpiryThatIsNotADateIsRefused(CapturedOutput output) {
        assertStartFails(
                output,
                "ticker.providers.demo.token-expires-at",
                "is not a date (2026-12-31)",
                "ticker.providers.demo.token-expires-at=next tuesday");
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
