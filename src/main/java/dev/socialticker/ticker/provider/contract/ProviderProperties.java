package dev.socialticker.ticker.provider.contract;

import jakarta.validation.Valid;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The typed settings of each provider ({@code ticker.providers.<name>.*}). Any other setting under a
 * provider's name is the provider file's own: the file names it ({@code credential: api-key}, or
 * {@code {{ticker.providers.<name>.some-setting}}}) and it is read by that name, so no Java needs to
 * know of it. Binding ignores them; the provider check refuses a name neither here nor in the file.
 *
 * @param providers settings per provider name (instagram, github, youtube, or a provider file's name):
 *                  base-url (the provider's public API, named in routes/<name>.camel.yaml: instagram
 *                  https://graph.facebook.com/v25.0, github https://api.github.com, mastodon
 *                  https://{host of user@host}, bluesky https://public.api.bsky.app, youtube
 *                  https://www.googleapis.com/youtube/v3, threads https://graph.threads.net/v1.0, twitch
 *                  https://api.twitch.tv/helix, tiktok https://open.tiktokapis.com/v2, linkedin
 *                  https://api.linkedin.com/rest), connect-timeout (5s), read-timeout (10s),
 *                  access-token, token-expires-at (when the token expires, a date such as 2026-12-31
 *                  or an instant, for the token-expiry alert), token-file, token-refresh-url (replaces
 *                  the scheme, host and port of the token endpoint), refresh-token (seeds an oauth2
 *                  refresh token obtained elsewhere; --authorize is the usual way), and any other
 *                  setting a provider file names (api-key, twitch's client-id and client-secret...)
 */
@Validated
@ConfigurationProperties("ticker")
public record ProviderProperties(Map<String, @Valid Provider> providers) {

    /**
     * The typed settings every provider has ({@code base-url}, {@code connect-timeout}, …), as
     * written under {@code ticker.providers.<name>}: the components of {@link Provider}.
     */
    public static final Set<String> TYPED_SETTINGS = Arrays.stream(Provider.class.getRecordComponents())
            .map(component -> DataObjectPropertyName.toDashedForm(component.getName()))
            .collect(Collectors.collectingAndThen(
                    Collectors.toCollection(TreeSet::new), Collections::unmodifiableSortedSet));

    public ProviderProperties {
        providers = providers == null ? Map.of() : Map.copyOf(providers);
    }

    /** Settings of one provider, with built-in defaults when the provider has no entry at all. */
    public Provider of(String name) {
        Provider configured = providers.get(name);
        return configured != null ? configured : Provider.DEFAULTS;
    }

    /**
     * The typed settings of one provider.
     *
     * @param baseUrl         the upstream's base URL; the provider file's public API when not set
     * @param connectTimeout  connect timeout for that provider
     * @param readTimeout     read timeout for that provider
     * @param accessToken     the provider's access token (instagram, github); secret, never logged or
     *                        returned
     * @param tokenExpiresAt  when the provider's token expires (a date, 2026-12-31, or an instant), for
     *                        the token-expiry alert
     * @param tokenFile       where a refreshed token is kept (owner-only) and read from at start-up: set
     *                        for a provider whose file declares a refreshed token (instagram, threads), it
     *                        keeps that token alive
     * @param tokenRefreshUrl replaces the scheme, host and port of the token URL the provider file declares
     *                        (https://graph.instagram.com for instagram)
     */
    public record Provider(
            URI baseUrl,

            @DurationMin(millis = 1, message = "must be greater than 0") @DefaultValue("5s")
            Duration connectTimeout,

            @DurationMin(millis = 1, message = "must be greater than 0") @DefaultValue("10s")
            Duration readTimeout,

            String accessToken,
            Instant tokenExpiresAt,
            Path tokenFile,
            URI tokenRefreshUrl) {

        static final Provider DEFAULTS =
                new Provider(null, Duration.ofSeconds(5), Duration.ofSeconds(10), null, null, null, null);

        @Override
        public String toString() {
            return "Provider[baseUrl=" + baseUrl + ", connectTimeout=" + connectTimeout + ", readTimeout="
                    + readTimeout + ", accessToken=" + (accessToken == null ? "none" : "****") + ", tokenExpiresAt="
                    + tokenExpiresAt + ", tokenFile=" + tokenFile + ", tokenRefreshUrl=" + tokenRefreshUrl + "]";
        }
    }
}
