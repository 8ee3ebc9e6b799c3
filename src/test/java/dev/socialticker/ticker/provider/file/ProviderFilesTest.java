package dev.socialticker.ticker.provider.file;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.socialticker.ticker.domain.TickerSource;
import dev.socialticker.ticker.refresh.RefreshGate;
import dev.socialticker.ticker.support.ApiClient;
import dev.socialticker.ticker.support.Fixtures;
import dev.socialticker.ticker.support.RoutesDir;
import dev.socialticker.ticker.support.UpstreamServiceTest;
import java.net.http.HttpResponse;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Provider files from {@code ticker.routes.dir}, no Java added: a new provider on the template, a
 * plain-route provider, an override of a built-in one, and broken files that are refused one by
 * one while everything else keeps working and {@code /actuator/health} says why.
 */
@CamelSpringBootTest
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "ticker.sources[0].provider=pixelfed",
            "ticker.sources[0].account=dansup@pixelfed.social",
            "ticker.sources[1].provider=github",
            "ticker.sources[1].account=octocat",
            "ticker.sources[2].id=newsletter",
            "ticker.sources[2].provider=manual",
            "ticker.sources[2].account=newsletter",
            "ticker.providers.manual.count=1500",
            "ticker.sources[3].provider=imposter",
            "ticker.sources[3].account=someone",
            "ticker.sources[4].provider=fussy",
            "ticker.sources[4].account=ada",
            "ticker.refresh.initial-delay=1h"
        })
class ProviderFilesTest extends UpstreamServiceTest {
    static final RoutesDir ROUTES = new RoutesDir(
            "pixelfed.camel.yaml",
            "manual.camel.yaml",
            "github.camel.yaml",
            "broken.camel.yaml",
            "unnamed.camel.yaml",
            "contract1.camel.yaml",
            "catcher.camel.yaml",
            "Bad_Name.yaml",
            "unbuildable.camel.yaml",
            "imposter.camel.yaml",
            "fussy.camel.yaml",
            "meddler.camel.yaml");
    static final TickerSource PIXELFED =
            new TickerSource("pixelfed-dansup-pixelfed-social", "pixelfed", "dansup@pixelfed.social");
    static final TickerSource GITHUB = new TickerSource("github-octocat", "github", "octocat");
    static final TickerSource MANUAL = new TickerSource("newsletter", "manual", "newsletter");
    static final TickerSource IMPOSTER = new TickerSource("imposter-someone", "imposter", "someone");
    static final TickerSource FUSSY = new TickerSource("fussy-ada", "fussy", "ada");

    @DynamicPropertySource
    static void routesDir(DynamicPropertyRegistry registry) {
        registry.add("ticker.routes.dir", () -> ROUTES.path().toString());
        registry.add("ticker.providers.pixelfed.base-url", () -> upstream.baseUrl());
        registry.add("ticker.providers.fussy.base-url", () -> upstream.baseUrl());
    }

    @Autowired
    RefreshGate gate;

    @AfterAll
    static void removeRoutesDir() {
        ROUTES.close();
    }

    @Test
    void newProvidersFromTheFolderServeTheirCountsSummedWithTheOthers() {
        upstream.stubFor(get(urlPathEqualTo("/api/v1/accounts/lookup"))
                .withQueryParam("acct", equalTo("dansup"))
                .willReturn(okJson(Fixtures.read("mastodon", "account.json").replace("\"Gargron\"", "\"dansup\""))));
        upstream.stubFor(
                get(urlPathEqualTo("/users/octocat")).willReturn(okJson(Fixtures.read("github", "user.json"))));

        refresh(PIXELFED, GITHUB, MANUAL);

        JsonNode body = ApiClient.json(api.get("/api/metrics"));
        assertThat(body.get("error").isNull()).as(body.toString()).isTrue();
        assertThat(body.get("total").asLong()).isEqualTo(322930 + 20 + 1500);
        JsonNode pixelfed = ApiClient.json(api.get("/api/metrics/" + PIXELFED.id()));
        assertThat(pixelfed.get("total").asLong()).isEqualTo(322930);
        assertThat(pixelfed.get("profile").asText()).isEqualTo("dansup");
        assertThat(ApiClient.json(api.get("/api/metrics/newsletter"))
                        .get("total")
                        .asLong())
                .isEqualTo(1500);
    }

    @Test
    void aFileInTheFolderReplacesTheBuiltInProviderOfTheSameName() {
        upstream.stubFor(
                get(urlPathEqualTo("/users/octocat")).willReturn(okJson(Fixtures.read("github", "user.json"))));

        refresh(GITHUB);

        JsonNode github = ApiClient.json(api.get("/api/metrics/" + GITHUB.id()));
        assertThat(github.get("profile").asText())
                .as("the folder's file reads $.name")
                .isEqualTo("monalisa octocat");
    }

    @Test
    void aProviderCannotWriteAnotherSourcesEntry() {
        upstream.stubFor(
                get(urlPathEqualTo("/users/octocat")).willReturn(okJson(Fixtures.read("github", "user.json"))));
        refresh(GITHUB);

        refresh(IMPOSTER);

        assertThat(ApiClient.json(api.get("/api/metrics/" + IMPOSTER.id()))
                        .get("total")
                        .asLong())
                .isEqualTo(99);
        assertThat(ApiClient.json(api.get("/api/metrics/" + GITHUB.id()))
                        .get("total")
                        .asLong())
                .as("the source named in the headers is untouched")
                .isEqualTo(20);
    }

    @Test
    void anUpstreamWithItsOwnErrorShapeIsUnderstoodFromItsFileAlone() {
        upstream.stubFor(get(urlPathEqualTo("/v1/followers/ada"))
                .willReturn(okJson("{\"status\": \"ok\", \"data\": {\"followers\": 321}}")));
        refresh(FUSSY);
        upstream.stubFor(get(urlPathEqualTo("/v1/followers/ada"))
                .willReturn(okJson("{\"status\": \"fail\", \"reason\": \"quota\", \"retry_after_seconds\": 600}")));

        refresh(FUSSY);

        JsonNode fussy = ApiClient.json(api.get("/api/metrics/" + FUSSY.id()));
        assertThat(fussy.get("total").asLong()).as("last good count kept").isEqualTo(321);
        assertThat(fussy.at("/error/code").asText()).isEqualTo("RATE_LIMITED");
        assertThat(fussy.at("/error/httpStatus").asInt()).isEqualTo(200);
        assertThat(fussy.at("/error/message").asText())
                .startsWith("The provider's daily quota is spent; next call not before ");
        assertThat(gate.nextAttemptAt(FUSSY.id())).isEqualTo(clock.instant().plusSeconds(600));
    }

    @Test
    void healthNamesEveryRefusedFileAndWhy() {
        HttpResponse<String> health = management.get("/actuator/health");

        assertThat(health.statusCode()).isEqualTo(503);
        JsonNode providers = ApiClient.json(health).at("/components/providers");
        assertThat(providers.get("status").asText()).isEqualTo("DOWN");
        String why = providers.get("description").asText();
        // Each mistake as file:line:column: what (hint), the file as configured.
        assertThat(why)
                .contains(ROUTES.path().resolve("broken.camel.yaml")
                        + ":8:8: this line's indentation does not match the lines around it (entries of one block"
                        + " start in the same column: this line has 7 spaces, line 7 above has 10)");
        assertThat(why)
                .contains(
                        "unnamed.camel.yaml:2:5: route id must be 'provider-unnamed' (the file is unnamed.camel.yaml),"
                                + " not 'followers'");
        assertThat(why)
                .contains("contract1.camel.yaml:11:18: route ends at direct:store-metrics, as provider contract 1"
                        + " asked; delete that step: a provider now returns its result headers and the refresh route stores"
                        + " them");
        assertThat(why).contains("catcher.camel.yaml:6:11: route handles failures itself (doTry)");
        // The service's own endpoints are read from the running context, not from a list kept by hand.
        assertThat(why)
                .contains("meddler.camel.yaml:8:18: route calls the service's own direct:invalidate-cache,"
                        + " seda:ticker-events; a provider only returns its result headers");
        assertThat(why).contains("Bad_Name.yaml: not loaded: a provider file is named <provider>.camel.yaml");
        assertThat(why)
                .contains("unbuildable.camel.yaml:7:18: route cannot be built: No endpoint could be found for:"
                        + " nosuchcomponent://somewhere");
        assertThat(ApiClient.json(management.get("/actuator/health/readiness"))
                        .get("status")
                        .asText())
                .as("the service itself is ready")
                .isEqualTo("UP");
    }
}
