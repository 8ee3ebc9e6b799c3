package dev.socialticker.ticker.token;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.socialticker.ticker.fleet.FleetInstances;
import dev.socialticker.ticker.fleet.FleetInstances.Instance;
import dev.socialticker.ticker.support.Fixtures;
import dev.socialticker.ticker.support.MutableClock;
import dev.socialticker.ticker.support.RedisServer;
import dev.socialticker.ticker.support.TestClockConfiguration;
import dev.socialticker.ticker.support.UpstreamServiceTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * In the shared mode a token one instance rotated is kept in Redis, not in a file, and every other
 * instance calls the provider with it within a minute.
 */
@ExtendWith(OutputCaptureExtension.class)
class SharedTokenTest {
    static final String ROTATED = "IGQVJ-rotated-by-the-fleet-4d3c2b";

    @RegisterExtension
    static WireMockExtension upstream = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").gzipDisabled(true))
            .build();

    static RedisServer redis;
    final MutableClock clock = new MutableClock(TestClockConfiguration.START);
    FleetInstances fleet;

    @TempDir
    Path dir;

    @BeforeAll
    static void startRedis() {
        redis = RedisServer.start("The shared token test");
    }

    @AfterAll
    static void stopRedis() {
        if (redis != null) {
            redis.close();
        }
    }

    @AfterEach
    void stopFleet() {
        if (fleet != null) {
            fleet.close();
        }
    }

    @Test
    void aTokenOneInstanceRotatedIsUsedByEveryInstance(CapturedOutput output) throws Exception {
        upstream.stubFor(get(urlPathEqualTo(UpstreamServiceTest.GRAPH_PATH))
                .willReturn(okJson(Fixtures.read("instagram", "ig-user.json"))));
        upstream.stubFor(get(urlPathEqualTo("/refresh_access_token"))
                .withQueryParam("access_token", equalTo(FleetInstances.TOKEN))
                .willReturn(okJson("{\"access_token\": \"" + ROTATED + "\", \"token_type\": \"bearer\","
                        + " \"expires_in\": 5184000}")));
        Path tokenFile = dir.resolve("instagram-token.json");
        fleet = new FleetInstances(
                redis.port(),
                upstream.baseUrl(),
                "shared-token:",
                "--ticker.refresh.period=1h",
                "--ticker.refresh.initial-delay=1h",
                "--ticker.refresh.min-interval=100ms",
                "--ticker.providers.instagram.token-file=" + tokenFile,
                "--ticker.providers.instagram.token-refresh-url=" + upstream.baseUrl());
        Instance a = fleet.start(clock);
        Instance b = fleet.start(clock);

        a.context().getBean(ProducerTemplate.class).sendBody(TokenEndpoints.INSTAGRAM_TOKEN_REFRESH, null);
        assertThat(redis.command("GET", "shared-token:token:instagram")).contains(ROTATED);
        assertThat(Files.exists(tokenFile))
                .as("kept in Redis, not in a file of one instance")
                .isFalse();

        clock.advance(TokenStatus.SHARED_READ_EVERY.plus(Duration.ofSeconds(1)));
        b.refreshOnDemand();
        upstream.verify(
                1,
                getRequestedFor(urlPathEqualTo(UpstreamServiceTest.GRAPH_PATH))
                        .withQueryParam("access_token", equalTo(ROTATED)));
        assertThat(b.context().getBean(TokenStatus.class).rotatedToken("instagram"))
                .hasValue(ROTATED);
        assertThat(output.getAll()).as("never logged").doesNotContain(ROTATED);
    }
}
