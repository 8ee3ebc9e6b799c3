package dev.socialticker.ticker.provider.http;

import dev.socialticker.ticker.config.TickerProperties;
import dev.socialticker.ticker.token.TokenStatus;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * A provider's settings under {@code ticker.providers.<name>}: the typed ones (base URL, timeouts)
 * bound in {@link TickerProperties}, and free-form ones (a token, an API key) read by name, so a
 * provider file can name a setting without any Java knowing of it.
 */
@Component
public class ProviderSettings {
    private final TickerProperties properties;
    private final Environment environment;
    private final TokenStatus tokens;

    ProviderSettings(TickerProperties properties, Environment environment, TokenStatus tokens) {
        this.properties = properties;
        this.environment = environment;
        this.tokens = tokens;
    }

    public TickerProperties.Provider of(String provider) {
        return properties.provider(provider);
    }

    /**
     * A free-form setting such as {@code api-key}, or null when unset or blank. Read through the
     * Environment, so every relaxed form works ({@code TICKER_PROVIDERS_YOUTUBE_APIKEY} too).
     */
    public String setting(String provider, String name) {
        if (TokenStatus.CREDENTIAL.equals(name)) {
            // A token a refresh obtained replaces the configured one (see token.TokenStatus).
            String rotated = tokens.rotatedToken(provider).orElse(null);
            if (rotated != null) {
                return rotated;
            }
        }
        String value = environment.getProperty("ticker.providers." + provider + "." + name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** The configured base URL without a trailing slash, or null when the provider's default applies. */
    String baseUrlOverride(String provider) {
        TickerProperties.Provider settings = properties.provider(provider);
        if (settings.baseUrl() == null || settings.baseUrl().toString().isBlank()) {
            return null;
        }
        return settings.baseUrl().toString().replaceAll("/+$", "");
    }
}
