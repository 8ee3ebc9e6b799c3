package dev.socialticker.ticker.provider.http;

import dev.socialticker.ticker.provider.contract.ProviderProperties;
import dev.socialticker.ticker.token.TokenStatus;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * A provider's settings under {@code ticker.providers.<name>}: the typed ones (base URL, timeouts,
 * access token) bound in {@link ProviderProperties}, and free-form ones (an API key, anything a
 * provider file names) read by name, so a provider file can name a setting without any Java knowing
 * of it.
 */
@Component
public class ProviderSettings {
    private final ProviderProperties properties;
    private final Environment environment;
    private final TokenStatus tokens;

    ProviderSettings(ProviderProperties properties, Environment environment, TokenStatus tokens) {
        this.properties = properties;
        this.environment = environment;
        this.tokens = tokens;
    }

    public ProviderProperties.Provider of(String provider) {
        return properties.of(provider);
    }

    /**
     * A setting a provider file names, such as {@code access-token} or {@code api-key}, or null when
     * unset or blank. The access token is the typed one (or the one a token refresh obtained); any
     * other name is free-form, read through the Environment so every relaxed form works
     * ({@code TICKER_PROVIDERS_YOUTUBE_APIKEY} too).
     */
    public String setting(String provider, String name) {
        String value;
        if (TokenStatus.CREDENTIAL.equals(name)) {
            // A token a refresh obtained replaces the configured one (see token.TokenStatus).
            value = tokens.rotatedToken(provider).orElse(properties.of(provider).accessToken());
        } else {
            value = environment.getProperty("ticker.providers." + provider + "." + name);
        }
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** The configured base URL without a trailing slash, or null when the provider's default applies. */
    String baseUrlOverride(String provider) {
        ProviderProperties.Provider settings = properties.of(provider);
        if (settings.baseUrl() == null || settings.baseUrl().toString().isBlank()) {
            return null;
        }
        return settings.baseUrl().toString().replaceAll("/+$", "");
    }
}
