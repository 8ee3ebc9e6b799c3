package dev.socialticker.ticker.provider.file;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.socialticker.ticker.domain.SourceState;
import dev.socialticker.ticker.domain.TickerSource;
import dev.socialticker.ticker.store.SnapshotStore;
import dev.socialticker.ticker.support.ApiClient;
import dev.socialticker.ticker.support.Fixtures;
import dev.socialticker.ticker.support.RoutesDir;
import dev.socialticker.ticker.support.UpstreamServiceTest;
import java.time.Duration;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@code ticker.routes.reload=true}: provider files change under a running service. */
@CamelSpringBootTest
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "ticker.sources[0].provider=pixelfed",
            "ticker.sources[0].account=dansup@pixelfed.social",
            "ticker.routes.reload=true",
            "ticker.providers.manual.count=7",
            "ticker.refresh.initial-delay=1h"
        })
class ProviderReloadTest extends UpstreamServiceTest {
    static final RoutesDir ROUTES = new RoutesDir("pixelfed.camel.yaml");
    static final TickerSource PIXELFED =
            new TickerSource("pixelfed-dansup-pixelfed-social", "pixelfed", "dansup@pixelfed.social");
    static final Duration RELOAD = Duration.ofSeconds(30);

    @Autowired
    SnapshotStore store;

    @Autowired
    ProviderCatalog catalog;

    @DynamicPropertySource
    static void routesDir(DynamicPropertyRegistry registry) {
        registry.add("ticker.routes.dir", () -> ROUTES.path().toString());
        registry.add("ticker.providers.pixelfed.base-url", () -> upstream.baseUrl());
    }

    @AfterAll
    static void removeRoutesDir() {
        ROUTES.close();
    }

    @Test
    void aChangedFileReplacesTheRouteABrokenOneIsRefusedAndADeletedOneStopsIt() {
        upstream.stubFor(get(urlPathEqualTo("/api/v1/accounts/lookup"))
                .withHeader("If-None-Match", absent())
                .willReturn(okJson(Fixtures.read("mastodon", "account.json")).withHeader("ETag", "\"p1\"")));
        upstream.stubFor(get(urlPathEqualTo("/api/v1/accounts/lookup"))
                .withHeader("If-None-Match", equalTo("\"p1\""))
                .willReturn(aResponse().withStatus(304)));
        refresh(PIXELFED);
        assertThat(store.stateOf(PIXELFED).snapshot().total()).isEqualTo(322930);
        assertThat(store.stateOf(PIXELFED).snapshot().etag()).isEqualTo("\"p1\"");

        // The stored ETag belongs to the old route: a 304 must not keep the old field's value.
        ROUTES.write(
                "pixelfed.camel.yaml",
                RoutesDir.read("pixelfed.camel.yaml").replace("$.followers_count", "$.following_count"));
        await().atMost(RELOAD).until(() -> {
            refresh(PIXELFED);
            SourceState state = store.stateOf(PIXELFED);
            return state.snapshot() != null && state.snapshot().total() == 459;
        });

        ROUTES.write("pixelfed.camel.yaml", "- route: [this is not a route");
        await().atMost(RELOAD).until(() -> catalog.findBroken("pixelfed").isPresent());
        assertThat(ApiClient.json(management.get("/actuator/health"))
                        .at("/components/providers/description")
                        .asText())
                .contains("pixelfed.camel.yaml");
        refresh(PIXELFED);
        assertThat(store.stateOf(PIXELFED).failure())
                .as("the previous route still runs")
                .isNull();
        assertThat(store.stateOf(PIXELFED).snapshot().total()).isEqualTo(459);

        ROUTES.write(
                "pixelfed.camel.yaml", RoutesDir.read("unbuildable.camel.yaml").replace("unbuildable", "pixelfed"));
        await().atMost(RELOAD)
                .until(() -> catalog.findBroken("pixelfed")
                        .filter(broken -> broken.reason().contains("pixelfed.camel.yaml:7:18: route cannot be built"))
                        .isPresent());
        refresh(PIXELFED);
        assertThat(store.stateOf(PIXELFED).failure())
                .as("still the previous route")
                .isNull();

        ROUTES.write(
                "pixelfed.camel.yaml",
                RoutesDir.read("pixelfed.camel.yaml").replace("@?[A-Za-z0-9_.]{1,64}@[A-Za-z0-9.-]+", "[0-9]+"));
        await().atMost(RELOAD)
                .until(() -> catalog.findBroken("pixelfed")
                        .filter(broken -> broken.reason().contains("would break a source: ticker.sources[0].account"))
                        .isPresent());
        // A source's account or a setting is configuration, read at start-up: the reload says so.
        assertThat(catalog.findBroken("pixelfed").orElseThrow().reason())
                .contains("change the file back, or change the configuration and restart (settings are read when the"
                        + " service starts; ticker.routes.reload applies changed files, not changed settings)");
        refresh(PIXELFED);
        assertThat(store.stateOf(PIXELFED).failure())
                .as("the running source keeps its route")
                .isNull();

        ROUTES.copy("manual.camel.yaml", "manual.camel.yaml");
        await().atMost(RELOAD).until(() -> camel.getRoute("provider-manual") != null);
        TickerSource manual = new TickerSource("manual-x", "manual", "x");
        refresh(manual);
        assertThat(store.stateOf(manual).snapshot().total()).isEqualTo(7);

        ROUTES.delete("pixelfed.camel.yaml");
        // The catalog forgets the provider last, after its route is gone: waiting for it waits for both.
        await().atMost(RELOAD).until(() -> catalog.find("pixelfed").isEmpty());
        assertThat(camel.getRoute("provider-pixelfed")).isNull();
        assertThat(ApiClient.json(management.get("/actuator/health"))
                        .at("/components/providers/status")
                        .asText())
                .isEqualTo("UP");
    }
}
