package dev.socialticker.ticker.provider.http;

import org.apache.camel.Ordered;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.http.base.HttpHeaderFilterStrategy;
import org.apache.camel.spi.ComponentCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How every provider talks HTTP to its upstream. */
@Configuration(proxyBeanMethods = false)
class UpstreamHttpConfiguration {

    /**
     * Internal {@code Ticker*} headers (source ids, raw results) stay inside the service both ways:
     * camel-http would otherwise send every message header to the upstream as a request header, and
     * copy every response header into the message, letting an upstream overwrite which source it
     * is answering for or what count it reported.
     */
    @Bean
    ComponentCustomizer upstreamHeaderFilter() {
        // Last, after camel-http-starter's customizer (see UpstreamCallControl).
        return ComponentCustomizer.builder(HttpComponent.class)
                .withOrder(Ordered.LOWEST)
                .build(http -> {
                    HttpHeaderFilterStrategy filter = new HttpHeaderFilterStrategy();
                    filter.setOutFilterStartsWith("Camel", "camel", "org.apache.camel.", "Ticker", "ticker");
                    filter.setInFilterStartsWith("Camel", "camel", "org.apache.camel.", "Ticker", "ticker");
                    http.setHeaderFilterStrategy(filter);
                });
    }
}
