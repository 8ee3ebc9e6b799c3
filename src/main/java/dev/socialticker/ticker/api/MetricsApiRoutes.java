package dev.socialticker.ticker.api;

import dev.socialticker.ticker.refresh.RefreshHeaders;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.rest.RestBindingMode;
import org.springframework.stereotype.Component;

/**
 * REST DSL for the read API. A stale answer is returned at once; the refresh it calls for is
 * wire-tapped off the request, so no reader ever waits on an upstream.
 */
@Component
class MetricsApiRoutes extends RouteBuilder {
    private final MetricsResponder responder;
    private final MetricsRenderer renderer;
    private final UiConfigResponder uiConfig;

    MetricsApiRoutes(MetricsResponder responder, MetricsRenderer renderer, UiConfigResponder uiConfig) {
        this.responder = responder;
        this.renderer = renderer;
        this.uiConfig = uiConfig;
    }

    @Override
    public void configure() {
        restConfiguration().component("platform-http").bindingMode(RestBindingMode.off)
                .endpointProperty("headerFilterStrategy", "#" + ApiHeaderFilterStrategy.BEAN)
                // An unexpected failure answers 500 without a stack trace in the body.
                .endpointProperty("muteException", "true");

        rest("/api/metrics")
                .get().id("api-metrics").produces("application/json").to("direct:api-get-metrics")
                .get("/{id}").id("api-metrics-source").produces("application/json").to("direct:api-get-source");

        rest("/api/ui-config")
                .get().id("api-ui-config").produces("application/json").to("direct:api-get-ui-config");

        from("direct:api-get-ui-config")
                .routeId("api-get-ui-config")
                .routeConfigurationId(ApiRejections.ID)
                .process(uiConfig);

        from("direct:api-get-metrics")
                .routeId("api-get-metrics")
                .routeConfigurationId(ApiRejections.ID)
                .process(responder::all)
                .to("direct:refresh-if-stale");

        from("direct:api-get-source")
                .routeId("api-get-source")
                .routeConfigurationId(ApiRejections.ID)
                .process(responder::one)
                .to("direct:refresh-if-stale");

        from("direct:refresh-if-stale")
                .routeId("refresh-if-stale")
                .filter(header(RefreshHeaders.STALE_SOURCES).isNotNull())
                    .wireTap("direct:refresh-stale")
                .end()
                .removeHeader(RefreshHeaders.STALE_SOURCES);

        // Every store and every recorded failure lands here: render once, serve many times.
        from("direct:render-view")
                .routeId("render-view")
                .process(exchange -> renderer.render());
    }
}
