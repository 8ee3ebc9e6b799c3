package dev.socialticker.ticker.provider.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.socialticker.ticker.provider.contract.ProviderDisplay;
import dev.socialticker.ticker.token.TokenPolicy;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The {@code token} and {@code headers} parameters of a provider file, read and checked as the file
 * is loaded: a mistake refuses the file with the parameter and the key named.
 */
class DeclaredTokenAndHeadersTest {

    @Test
    void noTokenParameterIsTheStaticCredentialOfBefore() {
        JsonOverHttpSpec spec = spec(Map.of("credential", "access-token"));

        assertThat(spec.token()).isEqualTo(TokenPolicy.STATIC);
        assertThat(spec.headers().isEmpty()).isTrue();
    }

    @Test
    void clientCredentialsNameTheSettingsThatHoldThem() {
        JsonOverHttpSpec spec = spec(Map.of(
                "token",
                "kind: client-credentials\nurl: https://id.twitch.tv/oauth2/token\nclientId: client-id\n"
                        + "clientSecret: client-secret",
                "headers",
                "Client-Id: {setting:client-id}\nX-Tenant: {setting:tenant?}"));

        assertThat(spec.token().obtained()).isTrue();
        assertThat(spec.token().clientSecret()).isEqualTo("client-secret");
        assertThat(spec.headers().settings())
                .containsExactly(
                        new RequestHeaders.Setting("Client-Id", "client-id", false),
                        new RequestHeaders.Setting("X-Tenant", "tenant", true));
        Map<String, String> settings = Map.of("client-id", "abc123");
        assertThat(spec.headers().resolve(settings::get)).containsExactly(Map.entry("Client-Id", "abc123"));
    }

    @Test
    void aWrongTokenDeclarationIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> spec(Map.of("token", "kind: oauth\nurll: x")))
                .hasMessageContaining("token.urll is not a key of token")
                .hasMessageContaining(
                        "token.kind must be one of static, refresh, client-credentials, oauth2, not 'oauth'");
        assertThatThrownBy(() -> spec(Map.of("token", "kind: client-credentials\nurl: ftp://x/token")))
                .hasMessageContaining("token.url must be an http(s) URL, not 'ftp://x/token'")
                .hasMessageContaining("token.clientId is required with kind client-credentials")
                .hasMessageContaining("token.clientSecret is required with kind client-credentials");
        assertThatThrownBy(() -> spec(Map.of("token", "kind: refresh")))
                .hasMessageContaining("token.url is required with kind refresh");
        assertThatThrownBy(() -> spec(Map.of("token", "just text")))
                .hasMessageContaining("parameter 'token' must be a YAML map");
    }

    @Test
    void aRefreshedTokenIsTheAccessTokenSettingAndAnObtainedOneNoSettingAtAll() {
        assertThatThrownBy(() -> spec(Map.of(
                        "credential", "api-key", "token", "{ kind: refresh, url: \"https://x.example/refresh\" }")))
                .hasMessageContaining("kind refresh renews the setting access-token");
        assertThatThrownBy(
                        () -> spec(
                                Map.of(
                                        "credential",
                                        "access-token",
                                        "token",
                                        "{ kind: client-credentials, url: \"https://x.example/token\", clientId: id, clientSecret: s }")))
                .hasMessageContaining("parameter 'credential' is not used with token kind client-credentials");
    }

    @Test
    void aHeaderLineThatIsNotAHeaderIsRefusedNamingTheLine() {
        assertThatThrownBy(() -> spec(Map.of(
                        "headers",
                        "Client-Id {setting:client-id}\nTickerSourceId: x\nAuthorization: Bearer {setting:t}")))
                .hasMessageContaining("headers line 1 must read 'Name: value'")
                .hasMessageContaining("headers line 2: headers named Ticker* or Camel*")
                .hasMessageContaining("headers line 3: Authorization carries the credential");
        assertThatThrownBy(() -> spec(Map.of("headers", "X-Key: {setting:Bad_Name}")))
                .hasMessageContaining("a setting is written {setting:name}");
    }

    @Test
    void onlyTheUserAgentGoesToTheTokenEndpointToo() {
        JsonOverHttpSpec spec = spec(Map.of(
                "headers",
                "User-Agent: server:social-ticker:1 (by /u/{setting:username})\nClient-Id: {setting:client-id}"));
        Map<String, String> settings = Map.of("username", "someone", "client-id", "abc123");

        assertThat(spec.headers().forTokenCalls(settings::get))
                .containsExactly(Map.entry("User-Agent", "server:social-ticker:1 (by /u/someone)"));
        assertThat(spec(Map.of("headers", "Client-Id: x")).headers().forTokenCalls(settings::get))
                .isEmpty();
    }

    @Test
    void aCredentialInThePathGoesWhereThePathSaysOnceAndIsRequired() {
        JsonOverHttpSpec telegram = spec(Map.of(
                "path", "/bot{credential}/getChatMemberCount", "credential", "bot-token", "credentialIn", "path"));
        assertThat(telegram.credentialInPath()).isTrue();
        assertThat(telegram.credentialQueryParameter()).isNull();

        assertThatThrownBy(() -> spec(Map.of("path", "/getMe", "credential", "bot-token", "credentialIn", "path")))
                .hasMessageContaining("credentialIn: path needs {credential} exactly once in the path");
        assertThatThrownBy(() -> spec(Map.of(
                        "path", "/bot{credential}/{credential}", "credential", "bot-token", "credentialIn", "path")))
                .hasMessageContaining("exactly once");
        assertThatThrownBy(() -> spec(Map.of("path", "/bot{credential}/getMe", "credentialIn", "path")))
                .hasMessageContaining("parameter 'credential': credentialIn: path needs the setting");
        assertThatThrownBy(() -> spec(Map.of(
                        "path", "/bot{credential}/getMe",
                        "credential", "bot-token",
                        "credentialIn", "path",
                        "credentialRequired", "false")))
                .hasMessageContaining("a credential in the path cannot be left out");
        assertThatThrownBy(() -> spec(Map.of("path", "/bot{credential}/getMe", "credential", "access-token")))
                .hasMessageContaining("{credential} is replaced with credentialIn: path only");
        assertThatThrownBy(() -> spec(Map.of("credential", "bot-token", "credentialIn", "url")))
                .hasMessageContaining("credentialIn");
    }

    @Test
    void theDisplayIsReadWithTheFileAndAWrongOneRefusesIt() {
        assertThat(spec(Map.of("display", "name: Example Social\ncounts: { one: fan, other: fans }"))
                        .display())
                .isEqualTo(new ProviderDisplay(
                        "Example Social", ProviderDisplay.DEFAULT_ICON, new ProviderDisplay.Counts("fan", "fans")));
        assertThat(spec(Map.of()).display()).as("no display").isEqualTo(ProviderDisplay.defaults("example"));
        assertThatThrownBy(() -> spec(Map.of("display", "icon: youtube")))
                .hasMessageContaining("display.icon must be a Material Design Icons name");
    }

    private static JsonOverHttpSpec spec(Map<String, String> extra) {
        Map<String, String> parameters = new HashMap<>(
                Map.of("name", "example", "baseUrl", "https://api.example", "path", "/u/{account}", "count", "$.n"));
        parameters.putAll(extra);
        return JsonOverHttpSpec.from(parameters::get);
    }
}
