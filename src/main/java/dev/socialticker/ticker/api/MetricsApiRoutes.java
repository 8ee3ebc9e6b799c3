package dev.socialticker.ticker.api;

import dev.socialticker.ticker.domain.TickerEvent;
import dev.socialticker.ticker.event.EventEndpoints;
import dev.socialticker.ticker.refresh.RefreshEndpoints;
import dev.socialticker.ticker.refresh.RefreshHeaders;
import org.apache.camel.Processor;
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
    private final OpenApiDocumentResponder openApiDocument;
    private final HistoryResponder history;
    private final StatusResponder status;

    MetricsApiRoutes(
            MetricsResponder responder,
            MetricsRenderer renderer,
            UiConfigResponder uiConfig,
            OpenApiDocumentResponder openApiDocument,
            HistoryResponder history,
            StatusResponder status) {
        this.history = history;
        this.status = status;
        this.responder = responder;
        this.renderer = renderer;
        this.uiConfig = uiConfig;
        this.openApiDocument = openApiDocument;
    }

    /**
     * A read route (its rejections answered in the API's error shape). A stale answer is already
     * written; the refresh it asks for runs off the request: a queue of
     * one that the sender never waits on (RefreshEndpoints#REFRESH_WANTED, RefreshDemand), so the read's cost does not depend on
     * the number of sources or on the upstream.
     */
    // spotless:off (the route DSL is indented by its blocks)
    private void readRefreshingWhenStale(String endpoint, String routeId, Processor read) {
        from(endpoint)
                .routeId(routeId)
                .routeConfigurationId(ApiRejections.ID)
                .process(read)
                .filter(exchangeProperty(RefreshHeaders.STALE_SOURCES).isNotNull())
                    .to(RefreshEndpoints.REFRESH_WANTED)
                .end();
    }
    // spotless:on

    // spotless:off (the route DSL is indented by its blocks: filter, choice, split ... end)
    @Override
    public void configure() {
        // Served by Camel's platform-http on its Vert.x server (ApiServer, ApiHttpServer): the API's
        // header filter (ApiHeaderFilterStrategy) on every operation, the OpenAPI document's too.
        restConfiguration().component("platform-http").contextPath(WebHandlers.API_PREFIX).bindingMode(RestBindingMode.off)
                // Each operation and its direct: route run as one route: one unit of work per read.
                .inlineRoutes(true)
                .endpointProperty("headerFilterStrategy", "#" + ApiHeaderFilterStrategy.BEAN)
                // An unexpected failure answers 500 without a stack trace in the body.
                .endpointProperty("muteException", "true")
                // Each route judges its request itself (a backfill's type after its token; the
                // OpenAPI document's format by Accept) and answers with the API's JSON problems: the
                // router does not refuse by Content-Type or Accept first.
                .componentProperty("serverRequestValidation", "false")
                // No body is read before the route asks for it (RequestBody): only a backfill reads one,
                // after its token and type.
                .endpointProperty("useBodyHandler", "false")
                // The OpenAPI 3 document of every REST DSL operation below and in AdminRoutes, by
                // camel-openapi-java (OpenApiDocumentResponder, route api-get-openapi-document).
                // "servers" is "/api" (on the host the client used), or what a proxy says in
                // X-Forwarded-Proto/-Host/-Prefix; never the bind address (0.0.0.0).
                .useXForwardHeaders(true)
                .apiProperty("openapi.version", "3.0.3")
                .apiProperty("api.title", "Social Ticker API")
                .apiProperty("api.version", ApiDocument.VERSION)
                .apiProperty("api.description", ApiDocument.DESCRIPTION)
                .apiProperty("api.license.name", "Apache-2.0")
                .apiProperty("api.license.url", "https://www.apache.org/licenses/LICENSE-2.0");

        ApiDocument.metricsResponses(rest("/metrics").description("Follower counts from the cache")
                .get().id("api-metrics").produces("application/json")
                    .description("All sources: the total, and each source's count, age and last failure")
                    .param(ApiDocument.format()).param(ApiDocument.ifNoneMatch()), "the sources' counts")
                .to(ApiEndpoints.GET_METRICS);

        // Literal paths before the templated ones: the web server's router matches routes in the order
        // they are declared, so /metrics/badge.svg and /metrics/history come before /metrics/{id}.
        ApiDocument.badgeResponses(rest("/metrics")
                .get("/badge.svg").id("api-badge").produces("image/svg+xml")
                    .description("The total as a flat SVG badge (followers | 12.3k), coloured by state")
                    .param(ApiDocument.ifNoneMatch()))
                .to(ApiEndpoints.GET_BADGE);
        ApiDocument.namedBadgeResponses(rest("/metrics")
                .get("/{id}/badge.svg").id("api-badge-source").produces("image/svg+xml")
                    .description("One source as a flat SVG badge, coloured by state")
                    .param(ApiDocument.sourceId()).param(ApiDocument.ifNoneMatch()),
                        "id", "INVALID_SOURCE_ID", "No source has this id (SOURCE_NOT_FOUND)")
                .to(ApiEndpoints.GET_SOURCE_BADGE);

        ApiDocument.historyResponses(rest("/metrics")
                .get("/history").id("api-history-sum").produces("application/json,text/csv")
                    .description("Every source's history added up (or the sources named): at each instant a source "
                            + "has a point, the sum of every source's latest count so far")
                    .param(ApiDocument.historyFrom()).param(ApiDocument.historyTo()).param(ApiDocument.historyStep())
                    .param(ApiDocument.historySources())
                    .param(ApiDocument.historyFormat()).param(ApiDocument.accept()).param(ApiDocument.ifNoneMatch()))
                .responseMessage().code(404).message("sources names an id no source has (SOURCE_NOT_FOUND), or no "
                        + "history is kept (HISTORY_DISABLED)")
                    .responseModel(ProblemDocument.class).endResponseMessage()
                .to(ApiEndpoints.GET_HISTORY_SUM);
        ApiDocument.historyResponses(rest("/metrics")
                .get("/{id}/history").id("api-history-source").produces("application/json,text/csv")
                    .description("One source's count over time: raw readings, or the last count of each hour, or "
                            + "the last, lowest and highest count of each UTC day")
                    .param(ApiDocument.sourceId())
                    .param(ApiDocument.historyFrom()).param(ApiDocument.historyTo()).param(ApiDocument.historyStep())
                    .param(ApiDocument.historyFormat()).param(ApiDocument.accept()).param(ApiDocument.ifNoneMatch()))
                .responseMessage().code(404).message("No source has this id (SOURCE_NOT_FOUND), or no history is "
                        + "kept (HISTORY_DISABLED)")
                    .responseModel(ProblemDocument.class).endResponseMessage()
                .to(ApiEndpoints.GET_SOURCE_HISTORY);
        ApiDocument.metricsResponses(rest("/metrics")
                .get("/{id}").id("api-metrics-source").produces("application/json")
                    .description("One source: the fields of a `sources` entry")
                    .param(ApiDocument.sourceId()).param(ApiDocument.format()).param(ApiDocument.ifNoneMatch()),
                        "the source's count")
                .responseMessage().code(404).message("No source has this id (SOURCE_NOT_FOUND)")
                    .responseModel(ProblemDocument.class).endResponseMessage()
                .to(ApiEndpoints.GET_SOURCE);

        ApiDocument.metricsResponses(rest("/tickers").description("Named tickers: groups of sources (ticker.tickers)")
                .get("/{name}").id("api-ticker").produces("application/json")
                    .description("A named ticker: the total, and each of its sources, shaped as GET /metrics")
                    .param(ApiDocument.tickerName()).param(ApiDocument.format()).param(ApiDocument.ifNoneMatch()),
                        "the ticker's sources")
                .responseMessage().code(404).message("No ticker has this name (TICKER_NOT_FOUND)")
                    .responseModel(ProblemDocument.class).endResponseMessage()
                .to(ApiEndpoints.GET_TICKER);

        ApiDocument.historyResponses(rest("/tickers")
                .get("/{name}/history").id("api-ticker-history").produces("application/json,text/csv")
                    .description("A named ticker's sources' history added up, as GET /metrics/history limited to them")
                    .param(ApiDocument.tickerName())
                    .param(ApiDocument.historyFrom()).param(ApiDocument.historyTo()).param(ApiDocument.historyStep())
                    .param(ApiDocument.historyFormat()).param(ApiDocument.accept()).param(ApiDocument.ifNoneMatch()))
                .responseMessage().code(404).message("No ticker has this name (TICKER_NOT_FOUND), or no history is "
                        + "kept (HISTORY_DISABLED)")
                    .responseModel(ProblemDocument.class).endResponseMessage()
                .to(ApiEndpoints.GET_TICKER_HISTORY);

        ApiDocument.namedBadgeResponses(rest("/tickers")
                .get("/{name}/badge.svg").id("api-ticker-badge").produces("image/svg+xml")
                    .description("A named ticker's total as a flat SVG badge, coloured by state")
                    .param(ApiDocument.tickerName()).param(ApiDocument.ifNoneMatch()),
                        "name", "INVALID_TICKER_NAME", "No ticker has this name (TICKER_NOT_FOUND)")
                .to(ApiEndpoints.GET_TICKER_BADGE);

        rest("/ui-config").description("The ticker page's defaults")
                .get().id("api-ui-config").produces("application/json")
                    .description("Poll interval and fallback message from ticker.ui.*, how each source's provider"
                            + " shows itself, and the milestone ladder")
                    .responseMessage().code(200).message("The page's defaults")
                        .responseModel(UiConfig.class)
                        .header("Cache-Control").description("public, max-age=300").dataType("string").endHeader()
                    .endResponseMessage()
                    .responseMessage().code(400).message("Malformed request (BAD_REQUEST)")
                        .responseModel(ProblemDocument.class).endResponseMessage()
                .to(ApiEndpoints.GET_UI_CONFIG);

        rest("/status").description("Every source as the status console (/status) shows it")
                .get().id("api-status").produces("application/json")
                    .description("Every source's state (live, stale, failing, no-data), count, last refresh, next"
                            + " attempt, failure and quota used, and its recent days; read-only, free of secrets")
                    .responseMessage().code(200).message("Every source, in the configuration's order")
                        .responseModel(StatusDocument.class)
                        .header("Cache-Control").description("no-cache").dataType("string").endHeader()
                    .endResponseMessage()
                    .responseMessage().code(400).message("Malformed request (BAD_REQUEST)")
                        .responseModel(ProblemDocument.class).endResponseMessage()
                .to(ApiEndpoints.GET_STATUS);

        // The document itself is not one of the API's operations (apiDocs false).
        rest(ApiDocument.PATH.substring(WebHandlers.API_PREFIX.length())).description("This document")
                .get().id("api-openapi").apiDocs(false).produces("application/json")
                .to(ApiEndpoints.GET_OPENAPI_DOCUMENT);

        from(ApiEndpoints.GET_OPENAPI_DOCUMENT)
                .routeId("api-get-openapi-document")
                .routeConfigurationId(ApiRejections.ID)
                .process(openApiDocument);

        from(ApiEndpoints.GET_UI_CONFIG)
                .routeId("api-get-ui-config")
                .routeConfigurationId(ApiRejections.ID)
                .process(uiConfig);

        from(ApiEndpoints.GET_STATUS)
                .routeId("api-get-status")
                .routeConfigurationId(ApiRejections.ID)
                .process(status);

        readRefreshingWhenStale(ApiEndpoints.GET_METRICS, "api-get-metrics", responder::all);
        readRefreshingWhenStale(ApiEndpoints.GET_SOURCE, "api-get-source", responder::one);
        readRefreshingWhenStale(ApiEndpoints.GET_BADGE, "api-get-badge", responder::allBadge);
        readRefreshingWhenStale(ApiEndpoints.GET_SOURCE_BADGE, "api-get-source-badge", responder::oneBadge);
        readRefreshingWhenStale(ApiEndpoints.GET_TICKER_BADGE, "api-get-ticker-badge", responder::tickerBadge);

        from(ApiEndpoints.GET_SOURCE_HISTORY)
                .routeId("api-get-source-history")
                .routeConfigurationId(ApiRejections.ID)
                .process(history::one);

        from(ApiEndpoints.GET_HISTORY_SUM)
                .routeId("api-get-history-sum")
                .routeConfigurationId(ApiRejections.ID)
                .process(history::sum);

        from(ApiEndpoints.GET_TICKER_HISTORY)
                .routeId("api-get-ticker-history")
                .routeConfigurationId(ApiRejections.ID)
                .process(history::ticker);

        readRefreshingWhenStale(ApiEndpoints.GET_TICKER, "api-get-ticker", responder::ticker);

        // The view's read model: every event is handed over (counted, so a read waits for what was
        // published before it); a change, a count turned stale or a history changed renders the view
        // again ahead of the reads (MetricsRenderer: coalesced, once for many changes).
        from(EventEndpoints.HUB)
                .routeId("render-view")
                .process(exchange -> renderer.received(exchange.getIn().getBody(TickerEvent.class)));
    }
    // spotless:on
}
