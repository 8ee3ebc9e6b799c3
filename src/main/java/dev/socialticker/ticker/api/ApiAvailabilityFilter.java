package dev.socialticker.ticker.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.camel.CamelContext;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The web server opens before Camel starts the routes that serve the API, and closes after Camel
 * stopped them. In between, API paths answer {@code 503} with {@code Retry-After: 1} and a JSON error
 * instead of Spring's {@code 404} page: a ticker or a load balancer polling during a restart reads
 * "come back in a second", not "not found".
 */
class ApiAvailabilityFilter extends OncePerRequestFilter implements ApplicationListener<ContextClosedEvent> {
    private final CamelContext camel;
    private final byte[] starting;
    private final byte[] stopping;
    /** Camel reports "stopped" both before its start and after its stop; this tells them apart. */
    private volatile boolean closing;

    ApiAvailabilityFilter(CamelContext camel) {
        this.camel = camel;
        this.starting = ProblemDocument.json("STARTING", "The service is starting; try again in a second");
        this.stopping = ProblemDocument.json("STOPPING", "The service is stopping; try again in a second");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (camel.isStarted()) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", "1");
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("application/json");
        response.getOutputStream().write(closing ? stopping : starting);
    }

    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        closing = true;
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {
        @Bean
        ApiAvailabilityFilter apiAvailabilityFilter(CamelContext camel) {
            return new ApiAvailabilityFilter(camel);
        }

        @Bean
        FilterRegistrationBean<ApiAvailabilityFilter> apiAvailabilityFilterRegistration(ApiAvailabilityFilter filter) {
            FilterRegistrationBean<ApiAvailabilityFilter> registration = new FilterRegistrationBean<>(filter);
            registration.addUrlPatterns("/api/*");
            // After CORS (highest precedence), so an embedding page can read the 503 too.
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
            return registration;
        }
    }
}
