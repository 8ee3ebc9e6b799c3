package dev.socialticker.ticker.token;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.socialticker.ticker.support.Fixtures;
import dev.socialticker.ticker.support.TokenProvidersServiceTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The Threads file declares {@code token: {kind: refresh}}: its long-lived token is refreshed against a
 * stand-in of graph.threads.net (grant type th_refresh_token), kept owner-only in its token file and
 * used from then on, without a line of Java of its own.
 */
@ExtendWith(OutputCaptureExtension.class)
class ThreadsTokenRefreshTest extends TokenProvidersServiceTest {
    static final String REFRESHED = "THQVJ-refreshed-token-example";

    @Autowired
    TokenStatus status;

    @Test
    void aRefreshedTokenIsKeptOwnerOnlyAndUsedFromThenOn(CapturedOutput output) throws IOException {
        String current = status.rotatedToken("threads").orElse(THREADS_TOKEN);
        upstream.stubFor(get(urlPathEqualTo("/refresh_access_token"))
                .withQueryParam("grant_type", equalTo("th_refresh_token"))
                .withQueryParam("access_token", equalTo(current))
                .willReturn(okJson(Fixtures.read("threads", "refresh-access-token.json"))));
        upstream.stubFor(get(urlPathEqualTo(THREADS_PATH))
                .willReturn(okJson(Fixtures.read("threads", "threads-insights-followers.json"))));

        producer.sendBody(TokenEndpoints.refresh("threads"), null);

        Path file = TOKEN_DIR.resolve("threads-token.json");
        assertThat(Files.readString(file)).contains(REFRESHED);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(status.expiresAt("threads")).isEqualTo(clock.instant().plusSeconds(5183944));
        assertThat(status.refreshProblem("threads")).isNull();

        refresh(THREADS);
        upstream.verify(
                getRequestedFor(urlPathEqualTo(THREADS_PATH)).withQueryParam("access_token", equalTo(REFRESHED)));
        assertThat(output.getAll())
                .contains("The Threads token was refreshed; the new one expires at")
                .doesNotContain(REFRESHED)
                .doesNotContain(THREADS_TOKEN);
    }
}
