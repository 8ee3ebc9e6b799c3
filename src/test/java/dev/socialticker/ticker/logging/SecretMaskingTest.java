package dev.socialticker.ticker.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretMaskingTest {

    @Test
    void masksSecretsInQueryStrings() {
        assertThat(SecretMasking.mask("GET https://graph.facebook.com/v25.0/1?fields=a,b&access_token=EAAB123xyz&x=1"))
                .isEqualTo("GET https://graph.facebook.com/v25.0/1?fields=a,b&access_token=****&x=1");
        assertThat(SecretMasking.mask("https://www.googleapis.com/youtube/v3/channels?id=UC1&key=AIzaSy999"))
                .endsWith("key=****");
        assertThat(SecretMasking.mask("fb_exchange_token=abc&client_secret=def"))
                .isEqualTo("fb_exchange_token=****&client_secret=****");
    }

    @Test
    void masksSecretsInJsonAndAuthorizationHeaders() {
        assertThat(SecretMasking.mask("{\"access_token\": \"EAAB123\", \"token_type\": \"bearer\"}"))
                .isEqualTo("{\"access_token\": \"****\", \"token_type\": \"bearer\"}");
        assertThat(SecretMasking.mask("Authorization: Bearer ghp_abc.def-123")).isEqualTo("Authorization: Bearer ****");
        assertThat(SecretMasking.mask("{\"refresh_token\":\"rt-0123456789\",\"scope\":\"a b\"}"))
                .isEqualTo("{\"refresh_token\":\"****\",\"scope\":\"a b\"}");
        assertThat(SecretMasking.mask("grant_type=refresh_token&refresh_token=rt-0123&code_verifier=v-123"))
                .isEqualTo("grant_type=refresh_token&refresh_token=****&code_verifier=****");
    }

    @Test
    void leavesWordsThatOnlyLookLikeASchemeAlone() {
        // A scope ending in "basic", and the version of "OAuth 2.0": no credential follows either.
        assertThat(SecretMasking.mask("scopes: user.info.basic user.info.stats"))
                .isEqualTo("scopes: user.info.basic user.info.stats");
        assertThat(SecretMasking.mask("obtained with OAuth 2.0's refresh grant"))
                .isEqualTo("obtained with OAuth 2.0's refresh grant");
        assertThat(SecretMasking.mask("Authorization: Basic dXNlcjpzZWNyZXQ=")).isEqualTo("Authorization: Basic ****");
    }

    @Test
    void masksARegisteredCredentialWhateverCarriesIt() {
        SecretMasking.register("appid-0123456789abcdef");
        SecretMasking.register("short");

        assertThat(SecretMasking.mask("GET https://api.example/x?appid=appid-0123456789abcdef failed"))
                .isEqualTo("GET https://api.example/x?appid=**** failed");
        assertThat(SecretMasking.mask("a short word")).isEqualTo("a short word");
    }

    @Test
    void leavesOrdinaryTextAlone() {
        String text = "Refresh of source instagram-1 failed: RATE_LIMITED after 1 attempt(s)";
        assertThat(SecretMasking.mask(text)).isSameAs(text);
        assertThat(SecretMasking.mask(null)).isNull();
    }
}
