package dev.socialticker.ticker.alert;

import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.socialticker.ticker.TickerApplication;
import dev.socialticker.ticker.config.SourceCatalog;
import dev.socialticker.ticker.refresh.RefreshEndpoints;
import dev.socialticker.ticker.refresh.RefreshHeaders;
import dev.socialticker.ticker.support.MutableClock;
import dev.socialticker.ticker.support.TestClockConfiguration;
import dev.socialticker.ticker.support.UpstreamServiceTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/**
 * With the file store (the default) an open incident outlives a restart: the next run neither alerts
 * again for it nor forgets to say when it is over. The whole application is started twice on one
 * folder, as an operator's restart does.
 */
class IncidentsAcrossRestartTest {
    static final String WEBHOOK_PATH = "/services/T0000/B0000/restartWebhook";
    static final String SOURCE_ID = "instagram-" + UpstreamServiceTest.IG_USER;

    @RegisterExtension
    static WireMockExtension upstream = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").gzipDisabled(true))
            .build();

    @TempDir
    Path dir;

    final MutableClock clock = new MutableClock(TestClockConfiguration.START);
    final List<ConfigurableApplicationContext> started = new ArrayList<>();

    @AfterEach
    void stop() {
        started.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void anOpenIncidentIsNeitherRepeatedNorForgottenAfterARestart() throws Exception {
        upstream.stubFor(post(urlPathEqualTo(WEBHOOK_PATH)).willReturn(ok("ok")));
        AlertStandIns.answerWell(upstream);
        ConfigurableApplicationContext first = start();
        refresh(first);
        AlertStandIns.answerExpiredToken(upstream);
        refresh(first);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> AlertStandIns.slackKinds(upstream, WEBHOOK_PATH, SOURCE_ID)
                        .equals(List.of("ALERT")));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> first.getBean(Incidents.class).outbox().isEmpty());
        first.close();
        assertThat(Files.readString(dir.resolve("alerts.json")))
                .as("the open incident, kept beside the snapshots")
                .contains("\"rule\":\"AUTH\"", "\"announced\":true");

        ConfigurableApplicationContext second = start();
        assertThat(second.getBean(Incidents.class).open())
                .extracting(incident -> incident.rule())
                .contains(AlertRule.AUTH);
        refresh(second);
        check(second);
        AlertStandIns.answerWell(upstream);
        refresh(second);
        clock.advance(Duration.ofMinutes(5));
        check(second);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> AlertStandIns.slackKinds(upstream, WEBHOOK_PATH, SOURCE_ID)
                                .size()
                        == 2);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> second.getBean(Incidents.class).outbox().isEmpty());
        check(second);
        assertThat(AlertStandIns.slackKinds(upstream, WEBHOOK_PATH, SOURCE_ID))
                .as("one alert before the restart, one resolved after it, nothing repeated")
                .containsExactly("ALERT", "RESOLVED");
        assertThat(second.getBean(Incidents.class).open()).isEmpty();
    }

    private ConfigurableApplicationContext start() {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(TickerApplication.class)
                .initializers(application -> ((GenericApplicationContext) application)
                        .registerBean(
                                "restartTestClock",
                                Clock.class,
                                () -> clock,
                                definition -> definition.setPrimary(true)))
                .run(
                        "--server.port=0",
                        "--ticker.store.type=file",
                        "--ticker.store.dir=" + dir,
                        "--ticker.sources[0].provider=instagram",
                        "--ticker.sources[0].account=" + UpstreamServiceTest.IG_USER,
                        "--ticker.providers.instagram.access-token=restart-test-token",
                        "--ticker.providers.instagram.base-url=" + upstream.baseUrl() + "/v25.0",
                        "--ticker.refresh.period=1h",
                        "--ticker.refresh.initial-delay=1h",
                        "--ticker.refresh.min-interval=100ms",
                        "--ticker.refresh.retry.backoff=10ms",
                        "--ticker.alerts.slack.webhook-url=" + upstream.baseUrl() + WEBHOOK_PATH,
                        "--ticker.alerts.resolve-after=5m",
                        "--ticker.alerts.rules.data-age.enabled=false");
        started.add(context);
        return context;
    }

    /** One refresh of every source, a minute after the last, and the alert routes done with its outcome. */
    private void refresh(ConfigurableApplicationContext context) {
        clock.advance(Duration.ofMinutes(1));
        AlertRoutes routes = context.getBean(AlertRoutes.class);
        String source = context.getBean(SourceCatalog.class).all().get(0).id();
        long before = routes.judgedUpTo(source);
        context.getBean(ProducerTemplate.class).send(RefreshEndpoints.REFRESH_SOURCES, exchange -> {
            exchange.setProperty(RefreshHeaders.SCHEDULED, false);
            exchange.getIn().setBody(context.getBean(SourceCatalog.class).all());
        });
        await("the outcome reached the alert routes")
                .atMost(Duration.ofSeconds(20))
                .until(() -> routes.judgedUpTo(source) > before);
    }

    private static void check(ConfigurableApplicationContext context) {
        context.getBean(ProducerTemplate.class).sendBody(AlertEndpoints.CHECK, null);
    }
}
