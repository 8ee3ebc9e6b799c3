package dev.socialticker.ticker.provider.http;

import dev.socialticker.ticker.config.TickerProperties;
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

    ProviderSettings(TickerProperties properties, Environment environment) {
        this.properties = properties;
        this.environment = environment;
    }

    public TickerProperties.Provider of(String provider) {
        return properties.provider(provider);
    }

    /**
     * A free-form setting such as {@code api-key}, or null when unset or blank. Read through the
     * Environment, so every relaxed form works ({@code TICKER_PROVIDERS_YOUTUBE_APIKEY} too).
     */
    public String setting(String provider, String name) {
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
