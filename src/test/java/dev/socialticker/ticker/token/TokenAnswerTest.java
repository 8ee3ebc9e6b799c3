package dev.socialticker.ticker.token;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.socialticker.ticker.config.SourceCatalog;
import dev.socialticker.ticker.config.SourceProperties;
import dev.socialticker.ticker.provider.contract.ProviderProperties;
import dev.socialticker.ticker.state.StateRepository;
import dev.socialticker.ticker.support.TestJson;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.mock.env.MockEnvironment;

/**
 * The token route reads the token endpoint's answer with the service's JSON data format: the token
 * and its lifetime are kept; an answer that is not JSON, or lacks either field, or a refusal, keeps
 * the current token and says why.
 */
class TokenAnswerTest {
    static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");
    static final TokenPolicy REFRESH = TokenPolicy.parse(
            "{ kind: refresh, url: \"https://graph.threads.net/refresh_access_token?grant_type=th_refresh_token\" }");

    @RegisterExtension
    static WireMockExtension upstream = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    final DefaultCamelContext camel = new DefaultCamelContext();
    TokenStatus status;

    @BeforeEach
    void start() throws Exception {
        ObjectMapper json = TestJson.MAPPER;
        SourceCatalog sources = new SourceCatalog(
                new SourceProperties(List.of(new SourceProperties.Source(null, "threads", "141981764")), null));
        ProviderProperties providers =
                Binder.get(new MockEnvironment()).bindOrCreate("ticker", ProviderProperties.class);
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        status = new TokenStatus(sources, providers, json, StateRepository.memory(Map.of()), clock);
        camel.addRoutes(new ProviderTokenRoutes(
                "threads",
                "Threads",
                REFRESH,
                URI.create(upstream.baseUrl()),
                name -> name.equals(TokenStatus.CREDENTIAL) ? "THQ-current" : null,
                Map.of(),
                status,
                TestJson.documents().reading(ProviderTokenRoutes.TokenAnswer.class),
                clock));
        camel.start();
    }

    @AfterEach
    void stop() {
        camel.stop();
    }

    private void answers(ResponseDefinitionBuilder answer) {
        upstream.stubFor(get(urlPathEqualTo("/refresh_access_token")).willReturn(answer));
        camel.createProducerTemplate().sendBody(TokenEndpoints.refresh("threads"), null);
    }

    @Test
    void keepsTheTokenAndItsLifetime() {
        answers(okJson("{\"access_token\": \"THQ-new\", \"token_type\": \"bearer\", \"expires_in\": 5183944}"));

        assertThat(status.rotatedToken("threads")).hasValue("THQ-new");
        assertThat(status.expiresAt("threads")).isEqualTo(NOW.plusSeconds(5183944));
        assertThat(status.refreshProblem("threads")).isNull();
    }

    /** A lifetime written as a string of digits is still a lifetime. */
    @Test
    void readsALifetimeWrittenAsText() {
        answers(okJson("{\"access_token\": \"THQ-new\", \"expires_in\": \"5183944\"}"));

        assertThat(status.expiresAt("threads")).isEqualTo(NOW.plusSeconds(5183944));
    }

    @Test
    void anAnswerThatIsNotJsonKeepsTheToken() {
        answers(aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "text/html")
                .withBody("<html><body>Sorry, something went wrong.</body></html>"));

        assertThat(status.rotatedToken("threads")).isEmpty();
        assertThat(status.refreshProblem("threads"))
                .isEqualTo("refreshing the token failed: the new token could not be read or kept (JsonParseException)");
    }

    @Test
    void anAnswerWithoutTheTokenOrItsLifetimeKeepsTheToken() {
        answers(okJson("{\"token_type\": \"bearer\", \"expires_in\": 5183944}"));
        assertThat(status.refreshProblem("threads"))
                .isEqualTo("refreshing the token failed: Threads's answer had no access_token or expires_in");

        answers(okJson("{\"access_token\": \"THQ-new\"}"));
        assertThat(status.rotatedToken("threads")).isEmpty();
        assertThat(status.refreshProblem("threads"))
                .isEqualTo("refreshing the token failed: Threads's answer had no access_token or expires_in");
    }

    @Test
    void aRefusalSaysItsStatus() {
        answers(aResponse()
                .withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\": {\"message\": \"Session has expired\", \"code\": 190}}"));

        assertThat(status.rotatedToken("threads")).isEmpty();
        assertThat(status.refreshProblem("threads"))
                .isEqualTo("refreshing the token failed: Threads answered HTTP 400");
    }
}
