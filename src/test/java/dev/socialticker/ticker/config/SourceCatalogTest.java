package dev.socialticker.ticker.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SourceCatalogTest {

    @Test
    void derivesUrlSafeIdsFromProviderAndAccount() {
        assertThat(SourceCatalog.deriveId("instagram", "17841400000000000")).isEqualTo("instagram-17841400000000000");
        assertThat(SourceCatalog.deriveId("mastodon", "Gargron@mastodon.social"))
                .isEqualTo("mastodon-gargron-mastodon-social");
        assertThat(SourceCatalog.deriveId("bluesky", "@acme.bsky.social")).isEqualTo("bluesky-acme-bsky-social");
        assertThat(SourceCatalog.deriveId("github", "x".repeat(100)))
                .hasSize(63)
                .matches(SourceProperties.ID_PATTERN);
    }
}
