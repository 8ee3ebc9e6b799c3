package dev.socialticker.ticker.token;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.socialticker.ticker.config.SourceCatalog;
import dev.socialticker.ticker.config.SourceProperties;
import dev.socialticker.ticker.provider.contract.ProviderProperties;
import dev.socialticker.ticker.state.StateRepository;
import dev.socialticker.ticker.support.BuiltInDisplays;
import dev.socialticker.ticker.support.TestJson;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.mock.env.MockEnvironment;

/**
 * The routes that keep a token follow the provider file: installed when a file declaring a kept
 * token is loaded, replaced when it is loaded again, removed when the file goes back to a static
 * credential or is gone, and never installed for a provider no source uses or a refresh without its
 * token file.
 */
class TokenKeeperTest {
    static final TokenPolicy CLIENT_CREDENTIALS = TokenPolicy.parse(
            "{ kind: client-credentials, url: \"https://id.twitch.tv/oauth2/token\", clientId: client-id,"
                    + " clientSecret: client-secret }");
    static final TokenPolicy REFRESH = TokenPolicy.parse(
            "{ kind: refresh, url: \"https://graph.threads.net/refresh_access_token?grant_type=th_refresh_token\" }");

    final DefaultCamelContext context = new DefaultCamelContext();

    @AfterEach
    void stop() {
        context.stop();
    }

    @Test
    void theRoutesFollowTheFile() throws Exception {
        TokenKeeper keeper = keeper("twitch", Map.of());
        context.start();

        keeper.keep(context, "twitch", CLIENT_CREDENTIALS, name -> null, Map.of());
        assertThat(context.getRoute("twitch-token-refresh")).isNotNull();
        assertThat(context.getRoute("twitch-token-refresh-timer")).isNotNull();

        keeper.keep(context, "twitch", CLIENT_CREDENTIALS, name -> null, Map.of());
        // The timer, the renewal and the token endpoint's call; no sign-in's code exchange (not oauth2).
        assertThat(context.getRoutes())
                .extracting(route -> route.getRouteId())
                .containsExactlyInAnyOrder("twitch-token-refresh-timer", "twitch-token-refresh", "twitch-token-call");

        keeper.keep(context, "twitch", TokenPolicy.STATIC, name -> null, Map.of());
        assertThat(context.getRoutes()).isEmpty();

        keeper.keep(context, "twitch", CLIENT_CREDENTIALS, name -> null, Map.of());
        keeper.forget(context, "twitch");
        assertThat(context.getRoutes()).isEmpty();
    }

    @Test
    void aProviderNoSourceUsesOrARefreshWithoutItsTokenFileKeepsNothing() throws Exception {
        TokenKeeper keeper = keeper("threads", Map.of());
        context.start();

        keeper.keep(context, "twitch", CLIENT_CREDENTIALS, name -> null, Map.of());
        keeper.keep(context, "threads", REFRESH, name -> null, Map.of());

        assertThat(context.getRoutes()).isEmpty();
    }

    private static TokenKeeper keeper(String provider, Map<String, String> settings) {
        MockEnvironment environment = new MockEnvironment();
        settings.forEach((name, value) -> environment.setProperty("ticker.providers." + provider + "." + name, value));
        ProviderProperties providers = Binder.get(environment).bindOrCreate("ticker", ProviderProperties.class);
        SourceCatalog sources = new SourceCatalog(
                new SourceProperties(List.of(new SourceProperties.Source(null, provider, "141981764")), null));
        ObjectMapper json = new ObjectMapper().findAndRegisterModules();
        TokenStatus status =
                new TokenStatus(sources, providers, json, StateRepository.memory(Map.of()), Clock.systemUTC());
        return new TokenKeeper(
                status, sources, providers, BuiltInDisplays.INSTANCE, TestJson.documents(), Clock.systemUTC());
    }
}
