package dev.socialticker.ticker.api;

import java.util.List;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

/**
 * Lets the origins in {@code ticker.cors.allowed-origins} load {@code ticker.js} (module scripts
 * need CORS) and read the API. A servlet filter rather than Spring MVC's CORS registry, because the
 * Camel REST routes are not Spring MVC handlers the registry knows about. Read-only: GET and HEAD;
 * ETag and friends are exposed for conditional polling.
 */
@Configuration(proxyBeanMethods = false)
class CorsConfiguration {

    @Bean
    FilterRegistrationBean<CorsFilter> tickerCorsFilter(ApiProperties properties) {
        org.springframework.web.cors.CorsConfiguration cors = new org.springframework.web.cors.CorsConfiguration();
        cors.setAllowedOrigins(properties.cors().allowedOrigins());
        cors.setAllowedMethods(List.of("GET", "HEAD"));
        cors.setAllowedHeaders(List.of("If-None-Match", "If-Modified-Since"));
        // Date and Age: the ticker reads the service's clock from them to judge staleAt (frontend poller.js).
        cors.setExposedHeaders(List.of("ETag", "Last-Modified", "Cache-Control", "Retry-After", "Date", "Age"));
        cors.setMaxAge(3600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        FilterRegistrationBean<CorsFilter> registration = new FilterRegistrationBean<>(new CorsFilter(source));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        // Decided on the bound list, so a YAML list and a comma-separated value behave alike.
        registration.setEnabled(!properties.cors().allowedOrigins().isEmpty());
        return registration;
    }
}
