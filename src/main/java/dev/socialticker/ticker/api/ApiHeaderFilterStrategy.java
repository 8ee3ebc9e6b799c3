package dev.socialticker.ticker.api;

import org.apache.camel.http.common.HttpHeaderFilterStrategy;
import org.springframework.stereotype.Component;

/**
 * Camel's HTTP header filter, minus {@code Cache-Control}: Camel drops that header from responses
 * by default, and the read API's caching contract depends on it.
 */
@Component
class ApiHeaderFilterStrategy extends HttpHeaderFilterStrategy {
    static final String BEAN = "apiHeaderFilterStrategy";

    @Override
    protected void initialize() {
        super.initialize();
        getOutFilter().remove("cache-control");
    }
}
