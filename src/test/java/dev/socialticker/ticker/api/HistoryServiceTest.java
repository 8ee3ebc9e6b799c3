package dev.socialticker.ticker.api;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.socialticker.ticker.domain.TickerSource;
import dev.socialticker.ticker.state.StateKey;
import dev.socialticker.ticker.state.StateRepository;
import dev.socialticker.ticker.support.ApiClient;
import dev.socialticker.ticker.support.Fixtures;
import dev.socialticker.ticker.support.ForwardingStateRepository;
import dev.socialticker.ticker.support.SharedServiceTest;
import dev.socialticker.ticker.support.UpstreamServiceTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * The service with sources of its own for the history's API (HistoryApiTest, BackfillTest,
 * GrowthInBodyTest share it): a history is kept for ever and a backfill only reaches days before a
 * source's first live reading, so each test works on GitHub logins no other test reads, answered
 * with the counts it chooses. {@code ticker.history.max-points} is small so the bound is cheap to
 * reach. The history of {@link #UNREACHABLE} cannot be written, as when Redis is down. The formats'
 * icons are set, so their bodies show one.
 */
@CamelSpringBootTest
// Prometheus on, as in production: the history's size gauge is read from /actuator/prometheus.
@AutoConfigureObservability(tracing = false)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "ticker.sources[0].provider=github",
            "ticker.sources[0].account=grow",
            "ticker.sources[1].provider=github",
            "ticker.sources[1].account=fast",
            "ticker.sources[2].provider=github",
            "ticker.sources[2].account=slow",
            "ticker.sources[3].provider=github",
            "ticker.sources[3].account=flat",
            "ticker.sources[4].provider=github",
            "ticker.sources[4].account=points",
            "ticker.sources[5].provider=github",
            "ticker.sources[5].account=suma",
            "ticker.sources[6].provider=github",
            "ticker.sources[6].account=sumb",
            "ticker.sources[7].provider=github",
            "ticker.sources[7].account=kept",
            "ticker.sources[8].provider=github",
            "ticker.sources[8].account=again",
            "ticker.sources[9].provider=github",
            "ticker.sources[9].account=many",
            "ticker.sources[10].provider=github",
            "ticker.sources[10].account=" + HistoryServiceTest.UNREACHABLE_LOGIN,
            "ticker.sources[11].provider=youtube",
            "ticker.sources[11].account=" + SharedServiceTest.YOUTUBE_CHANNEL,
            "ticker.providers.youtube.api-key=" + SharedServiceTest.YOUTUBE_KEY,
            "ticker.sources[12].provider=github",
            "ticker.sources[12].account=single",
            // FormatsApiTest: a source per format, and one never read.
            "ticker.sources[13].provider=github",
            "ticker.sources[13].account=lametric",
            "ticker.sources[14].provider=github",
            "ticker.sources[14].account=awtrix",
            "ticker.sources[15].provider=github",
            "ticker.sources[15].account=shields",
            "ticker.sources[16].provider=github",
            "ticker.sources[16].account=badge",
            "ticker.sources[17].provider=github",
            "ticker.sources[17].account=unread",
            "ticker.sources[18].provider=github",
            "ticker.sources[18].account=metered",
            // GrowthInBodyTest: a ticker of two sources, only one of them backfilled.
            "ticker.sources[19].provider=github",
            "ticker.sources[19].account=older",
            "ticker.sources[20].provider=github",
            "ticker.sources[20].account=newer",
            // ServedJsonBytesTest: the served bytes of every JSON document, for one source and its ticker.
            "ticker.sources[21].provider=github",
            "ticker.sources[21].account=golden",
            // FormatsApiTest: each format's own ETag.
            "ticker.sources[22].provider=github",
            "ticker.sources[22].account=etags",
            // GrowthInBodyTest: a read right after a refresh.
            "ticker.sources[23].provider=github",
            "ticker.sources[23].account=instant",
            "ticker.tickers.golden.sources[0]=github-golden",
            "ticker.tickers.halves.sources[0]=github-older",
            "ticker.tickers.halves.sources[1]=github-newer",
            "ticker.formats.lametric-icon=i3389",
            "ticker.formats.awtrix-icon=followers",
            "ticker.tickers.pair.sources[0]=github-grow",
            "ticker.tickers.pair.sources[1]=github-fast",
            // HistoryApiTest: a named ticker's history.
            "ticker.tickers.sums.sources[0]=github-sumb",
            "ticker.tickers.sums.sources[1]=github-suma",
            "ticker.admin.token=" + SharedServiceTest.ADMIN_TOKEN,
            "ticker.history.max-points=50",
            "ticker.refresh.initial-delay=1h",
            "ticker.refresh.retry.backoff=10ms"
        })
@Import(HistoryServiceTest.UnreachableHistory.class)
abstract class HistoryServiceTest extends UpstreamServiceTest {
    static final String UNREACHABLE_LOGIN = "unreachable";
    static final String UNREACHABLE = "github-" + UNREACHABLE_LOGIN;
    static final String TOKEN = SharedServiceTest.ADMIN_TOKEN;
    static final TickerSource YOUTUBE =
            new TickerSource("youtube-uc-x5xg1ov2p6uzz5fsm9ttw", "youtube", SharedServiceTest.YOUTUBE_CHANNEL);

    static TickerSource github(String login) {
        return new TickerSource("github-" + login, "github", login);
    }

    /** Today (UTC) on the test clock. */
    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /** GitHub answers {@code followers} for {@code login}; the source is refreshed and its body shows it. */
    JsonNode read(String login, long followers) {
        upstream.stubFor(get(urlPathEqualTo("/users/" + login))
                .willReturn(okJson("{\"login\": \"" + login + "\", \"followers\": " + followers + "}")));
        refresh(github(login));
        return await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> ApiClient.json(api.get("/api/metrics/github-" + login)),
                        body -> body.path("total").asLong(-1) == followers);
    }

    /** The YouTube source refreshed from its fixture (2,480,000 subscribers, rounded by YouTube). */
    JsonNode readYouTube() {
        upstream.stubFor(get(urlPathEqualTo("/youtube/v3/channels"))
                .willReturn(okJson(Fixtures.read("youtube", "channel.json"))));
        refresh(YOUTUBE);
        return await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> ApiClient.json(api.get("/api/metrics/" + YOUTUBE.id())),
                        body -> body.path("total").isNumber());
    }

    /** {@code POST /api/admin/history/{id}} with the admin token and a CSV body. */
    HttpResponse<String> backfill(String id, String csv) {
        return post("/api/admin/history/" + id, "text/csv", "Bearer " + TOKEN, csv);
    }

    HttpResponse<String> post(String path, String contentType, String authorization, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.base() + path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return api.http().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("POST " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A 400-class answer in the API's JSON error shape, with {@code code}; its message. */
    static String assertProblem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode error = ApiClient.json(response).path("error");
        assertThat(error.path("code").asText()).as(response.body()).isEqualTo(code);
        assertThat(error.path("message").asText()).isNotBlank();
        return error.path("message").asText();
    }

    /**
     * The in-memory state of these tests, except that {@link #UNREACHABLE}'s history can be neither
     * read nor written: what the history sees of a Redis that is down (an {@link IOException}).
     */
    @TestConfiguration(proxyBeanMethods = false)
    static class UnreachableHistory {
        @Bean
        @Primary
        StateRepository unreachableForOneHistory(@Qualifier("stateInMemory") StateRepository memory) {
            StateKey broken = StateKey.history(UNREACHABLE);
            return new ForwardingStateRepository(memory) {
                @Override
                public Optional<byte[]> read(StateKey key) throws IOException {
                    refuse(key);
                    return super.read(key);
                }

                @Override
                public void write(StateKey key, byte[] document) throws IOException {
                    refuse(key);
                    super.write(key, document);
                }

                private void refuse(StateKey key) throws IOException {
                    if (key.equals(broken)) {
                        throw new IOException("Connection refused (a stand-in for Redis down)");
                    }
                }
            };
        }
    }
}
