package dev.socialticker.ticker.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Hardening headers on every response, set before anything else runs so that no answer lacks them
 * (the API's, the page's, the actuator's, an early 503): {@code X-Content-Type-Options: nosniff}
 * and {@code Referrer-Policy: no-referrer}; and on the page and its assets (everything outside
 * {@code /api} and {@code /actuator}) a {@code Content-Security-Policy} that allows only this
 * origin's scripts, styles, images and API. The page has no inline script or style (its styles are
 * {@code page.css}; the ticker's a constructed stylesheet), so the policy needs no
 * {@code 'unsafe-inline'}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ResponseHardening extends OncePerRequestFilter {
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self';"
            + " img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        if (isPageOrAsset(request)) {
            response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        }
        chain.doFilter(request, response);
    }

    /** The page and its static assets: everything but the API and the actuator. */
    static boolean isPageOrAsset(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !path.startsWith("/api/") && !path.equals("/api") && !path.startsWith("/actuator");
    }
}
