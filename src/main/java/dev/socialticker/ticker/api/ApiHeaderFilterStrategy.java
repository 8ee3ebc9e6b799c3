package dev.socialticker.ticker.api;

import java.util.Locale;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.http.common.HttpHeaderFilterStrategy;
import org.springframework.stereotype.Component;

/**
 * Which message headers become response headers of the REST DSL's routes: only those the API
 * means to send. Camel's HTTP binding copies the request's headers into the message, and they
 * would go back out (Accept, User-Agent, even Authorization); an allow-list also covers routes
 * whose answer the service does not write itself, such as the OpenAPI document's. Camel's own filter also drops
 * {@code Cache-Control} by default, which the read API's caching contract depends on.
 */
@Component(ApiHeaderFilterStrategy.BEAN)
class ApiHeaderFilterStrategy extends HttpHeaderFilterStrategy {
    static final String BEAN = "apiHeaderFilterStrategy";

    private static final Set<String> RESPONSE_HEADERS = Set.of(
            "content-type",
            "cache-control",
            "etag",
            "last-modified",
            "retry-after",
            "www-authenticate",
            "vary",
            // the admin sign-in's redirect to the provider, and its page's
            "location",
            "referrer-policy");

    @Override
    protected void initialize() {
        super.initialize();
        getOutFilter().remove("cache-control");
    }

    @Override
    public boolean applyFilterToCamelHeaders(String headerName, Object headerValue, Exchange exchange) {
        return !RESPONSE_HEADERS.contains(headerName.toLowerCase(Locale.ROOT))
                || super.applyFilterToCamelHeaders(headerName, headerValue, exchange);
    }
}
