package dev.socialticker.ticker.provider.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.socialticker.ticker.config.SourceCatalog;
import dev.socialticker.ticker.config.SourceProperties;
import dev.socialticker.ticker.provider.contract.ProviderProperties;
import dev.socialticker.ticker.provider.contract.TickerHeaders;
import dev.socialticker.ticker.token.TokenStatus;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.mock.env.MockEnvironment;

/** How a provider's parameters become the upstream request. */
public class JsonOverHttpRequestTest {
    private final MockEnvironment environment = new MockEnvironment();

    @Test
    void aUserAtHostAccountIsLookedUpOnItsOwnServer() throws Exception {
        Exchange exchange = prepare(mastodon(), Map.of(), "Gargron@mastodon.social");

        assertThat(exchange.getProperty(JsonOverHttpRequest.UPSTREAM_URI, String.class))
                .startsWith("https://mastodon.social/api/v1/accounts/lookup?");
        assertThat(exchange.getIn().getHeader(Exchange.HTTP_QUERY)).isEqualTo("acct=Gargron");
    }

    @Test
    void allAccountsOfAProviderShareOneEndpointAndDifferByTheirUri() throws Exception {
        JsonOverHttpSpec spec = spec("x", "https://api.example/v2", "/u/{account}", "", "", "bearer");

        Exchange a = prepare(spec, Map.of(), "alice");
        Exchange b = prepare(spec, Map.of(), "bob");

        assertThat(a.getProperty(JsonOverHttpRequest.UPSTREAM_ENDPOINT, String.class))
                .startsWith("https://api.example/v2?throwExceptionOnFailure=false&")
                .isEqualTo(b.getProperty(JsonOverHttpRequest.UPSTREAM_ENDPOINT, String.class));
        assertThat(a.getIn().getHeader(Exchange.HTTP_URI)).isEqualTo("https://api.example/v2/u/alice");
        assertThat(b.getIn().getHeader(Exchange.HTTP_URI)).isEqualTo("https://api.example/v2/u/bob");
    }

    @Test
    void aLeadingAtIsNotPartOfTheAccount() throws Exception {
        JsonOverHttpSpec bluesky = spec(
                "bluesky",
                "https://public.api.bsky.app",
                "/xrpc/app.bsky.actor.getProfile",
                "actor={account}",
                "",
                "bearer");

        Exchange exchange = prepare(bluesky, Map.of(), "@bsky.app");

        assertThat(exchange.getIn().getHeader(Exchange.HTTP_QUERY)).isEqualTo("actor=bsky.app");
    }

    @Test
    void aConfiguredBaseUrlWinsOverTheDefault() throws Exception {
        Exchange exchange = prepare(mastodon(), Map.of("mastodon", URI.create("http://127.0.0.1:9/")), "@a@b.social");

        assertThat(exchange.getProperty(JsonOverHttpRequest.UPSTREAM_URI, String.class))
                .startsWith("http://127.0.0.1:9/api/v1/accounts/lookup?throwExceptionOnFailure=false&httpClient.");
        assertThat(exchange.getIn().getHeader(Exchange.HTTP_QUERY)).isEqualTo("acct=a");
    }

    @Test
    void accountsAreUrlEncodedAndCredentialsStayOutOfTheUri() throws Exception {
        environment.setProperty("ticker.providers.x.api-key", "k&y=1");
        JsonOverHttpSpec spec =
                spec("x", "https://api.example", "/u/{account}", "id={account}", "api-key", "query:key");

        Exchange exchange = prepare(spec, Map.of(), "a b/../c?d");

        String uri = exchange.getProperty(JsonOverHttpRequest.UPSTREAM_URI, String.class);
        assertThat(uri).startsWith("https://api.example/u/a%20b%2F..%2Fc%3Fd?").doesNotContain("k&y");
        assertThat(exchange.getIn().getHeader(Exchange.HTTP_QUERY)).isEqualTo("id=a%20b%2F..%2Fc%3Fd&key=k%26y%3D1");
    }

    @Test
    void aCredentialInThePathIsSentThereAndReportedMasked() throws Exception {
        environment.setProperty("ticker.providers.x.bot-token", "110201543:AAH/dq+T");
        JsonOverHttpSpec spec = spec(
                "x",
                "https://api.example",
                "/bot{credential}/getChatMemberCount",
                "chat_id=%40{account}",
                "bot-token",
                "path");

        Exchange exchange = prepare(spec, Map.of(), "@channel");

        // The colon stays (a path segment may hold it); what would end or change the segment is encoded.
        assertThat(exchange.getIn().getHeader(Exchange.HTTP_URI))
                .isEqualTo("https://api.example/bot110201543:AAH%2Fdq%2BT/getChatMemberCount");
        assertThat(exchange.getProperty(JsonOverHttpRequest.UPSTREAM_URI, String.class))
                .startsWith("https://api.example/bot****/getChatMemberCount?");
        assertThat(exchange.getProperty(JsonOverHttpRequest.UPSTREAM_ENDPOINT, String.class))
                .startsWith("https://api.example?")
                .doesNotContain("110201543");
        assertThat(exchange.getIn().getHeader(Exchange.HTTP_QUERY)).isEqualTo("chat_id=%40channel");
        assertThat(exchange.getIn().getHeader("Authorization")).isNull();
    }

    @Test
    void aBearerCredentialAndAStoredEntityTagBecomeHeaders() throws Exception {
        environment.setProperty("ticker.providers.x.access-token", "t0k");
        JsonOverHttpSpec spec = spec("x", "https://api.example", "/u/{account}", "", "access-token", "bearer");
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getIn().setHeader(TickerHeaders.ACCOUNT, "a");
        exchange.getIn().setHeader(TickerHeaders.ETAG, "\"e1\"");

        new JsonOverHttpRequest(spec, settings(Map.of())).process(exchange);

        assertThat(exchange.getIn().getHeader("Authorization")).isEqualTo("Bearer t0k");
        assertThat(exchange.getIn().getHeader("If-None-Match")).isEqualTo("\"e1\"");
        assertThat(exchange.getIn().getHeader(Exchange.HTTP_QUERY)).isNull();
    }

    private Exchange prepare(JsonOverHttpSpec spec, Map<String, URI> baseUrls, String account) throws Exception {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getIn().setHeader(TickerHeaders.ACCOUNT, account);
        new JsonOverHttpRequest(spec, settings(baseUrls)).process(exchange);
        return exchange;
    }

    private ProviderSettings settings(Map<String, URI> baseUrls) {
        baseUrls.forEach(
                (name, url) -> environment.setProperty("ticker.providers." + name + ".base-url", url.toString()));
        // Bound as the service binds them: typed settings from the same properties as the free-form ones.
        ProviderProperties properties = Binder.get(environment).bindOrCreate("ticker", ProviderProperties.class);
        return new ProviderSettings(
                properties,
                environment,
                new TokenStatus(
                        new SourceCatalog(new SourceProperties(List.of(), null)), properties, new ObjectMapper()));
    }

    private static JsonOverHttpSpec mastodon() {
        return spec("mastodon", "https://{host}", "/api/v1/accounts/lookup", "acct={user}", "", "bearer");
    }

    private static JsonOverHttpSpec spec(
            String name, String baseUrl, String path, String query, String credential, String credentialIn) {
        Map<String, String> parameters = Map.of(
                "name",
                name,
                "baseUrl",
                baseUrl,
                "path",
                path,
                "query",
                query,
                "count",
                "$.n",
                "credential",
                credential,
                "credentialIn",
                credentialIn);
        return JsonOverHttpSpec.from(parameters::get);
    }
}
