package dev.socialticker.ticker.api;

import dev.socialticker.ticker.config.TickerProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Lets the origins in {@code ticker.cors.allowed-origins} load {@code ticker.js} (module scripts
 * need CORS) and read the API. Read-only: GET and HEAD; ETag is exposed for conditional polling.
 */
@Configuration(proxyBeanMethods = false)
class CorsConfiguration implements WebMvcConfigurer {
    private final TickerProperties properties;

    CorsConfiguration(TickerProperties properties) {
        this.properties = properties;
    }

    @Override
    public void addCorsMappings(CorsRegistry registry) {
        if (properties.cors().allowedOrigins().isEmpty()) {
            return;
        }
        registry.addMapping("/**")
                .allowedOrigins(properties.cors().allowedOrigins().toArray(String[]::new))
                .allowedMethods("GET", "HEAD")
                .allowedHeaders("If-None-Match", "If-Modified-Since")
                .exposedHeaders("ETag", "Last-Modified", "Cache-Control", "Retry-After")
                .maxAge(3600);
    }
}
