package dev.socialticker.ticker.api;

import static dev.socialticker.ticker.provider.contract.TickerHeaders.SOURCE_ID;

import dev.socialticker.ticker.config.SourceCatalog;
import dev.socialticker.ticker.domain.TickerSource;
import dev.socialticker.ticker.json.JsonConfiguration;
import dev.socialticker.ticker.refresh.RefreshEndpoints;
import dev.socialticker.ticker.store.StoreEndpoints;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.rest.RestDefinition;
import org.apache.camel.model.rest.RestParamType;
import org.springframework.stereotype.Component;

/**
 * The admin API for operators, on only when {@code ticker.admin.token} is set:
 * {@code POST /api/admin/refresh[/{id}]} (202; the refresh passes the same gate as any other) and
 * {@code DELETE /api/admin/cache[/{id}]} (204) and {@code POST /api/admin/history/{id}} (a backfill, 200),
 * and the admin sign-in of a provider's account, {@code GET /api/admin/authorize/{provider}} (302 to the
 * provider) and its callback, {@code GET /api/authorize/{provider}/callback} ({@link AdminSignIns}).
 */
@Component
class AdminRoutes extends RouteBuilder {
    private final ApiProperties properties;
    private final SourceCatalog catalog;
    private final AdminAuthorizer authorizer;
    private final HistoryBackfiller backfiller;
    private final AdminSignIns signIns;

    AdminRoutes(
            ApiProperties properties,
            SourceCatalog catalog,
            AdminAuthorizer authorizer,
            HistoryBackfiller backfiller,
            AdminSignIns signIns) {
        this.properties = properties;
        this.catalog = catalog;
        this.authorizer = authorizer;
        this.backfiller = backfiller;
        this.signIns = signIns;
    }

    // spotless:off (the route DSL is indented by its blocks: filter, choice, split ... end)
    @Override
    public void configure() {
        if (!properties.admin().enabled()) {
            return;
        }
        // The REST DSL wants one target per verb; the all/one pairs then share one route each.
        RestDefinition admin = rest("/admin").description("For operators: forced refresh, cache invalidation, history backfill")
                .securityDefinitions()
                    .bearerToken(ApiDocument.ADMIN_SCHEME, "The value of ticker.admin.token")
                .end();
        ApiDocument.adminResponses(admin
                .post("/refresh").id("api-admin-refresh-all")
                    .description("Refresh every source now, in the background (single-flight and min-interval still apply)"),
                        202, "Accepted: the refresh runs in the background")
                .to(ApiEndpoints.ADMIN_REFRESH_ALL);
        ApiDocument.adminResponses(admin
                .post("/refresh/{id}").id("api-admin-refresh-one").param(ApiDocument.sourceId())
                    .description("Refresh one source now, in the background"),
                        202, "Accepted: the refresh runs in the background")
                .responseMessage().code(404).message("No source has this id (SOURCE_NOT_FOUND)")
                    .responseModel(ProblemDocument.class).endResponseMessage()
                .to(ApiEndpoints.ADMIN_REFRESH_ONE);
        ApiDocument.adminResponses(admin
                .delete("/cache").id("api-admin-invalidate-all")
                    .description("Forget every source's data (reads answer NO_DATA until the next refresh); "
                            + "a cache in front of the service is not purged"),
                        204, "Forgotten")
                .to(ApiEndpoints.ADMIN_INVALIDATE_ALL);
        ApiDocument.adminResponses(admin
                .delete("/cache/{id}").id("api-admin-invalidate-one").param(ApiDocument.sourceId())
                    .description("Forget one source's data"),
                        204, "Forgotten")
                .responseMessage().code(404).message("No source has this id (SOURCE_NOT_FOUND)")
                    .responseModel(ProblemDocument.class).endResponseMessage()
                .to(ApiEndpoints.ADMIN_INVALIDATE_ONE);
        ApiDocument.adminResponses(admin
                .post("/history/{id}").id("api-admin-backfill-history").param(ApiDocument.sourceId())
                    .consumes("text/csv").produces("application/json")
                    .description("Backfill a source's daily counts from another tool: lines date,count, all or nothing; "
                            + "days on or after the source's first live reading are left alone; sending the same file "
                            + "again changes nothing")
                    .param(ApiDocument.backfillBody()),
                        200, "Stored: what was done with each day", BackfillDocument.class)
                .responseMessage().code(400).message("A bad line (INVALID_BACKFILL, naming the first 10 bad lines "
                        + "and why; nothing was stored), or a malformed id (INVALID_SOURCE_ID)")
                    .responseModel(ProblemDocument.class).endResponseMessage()
                .responseMessage().code(404).message("No source has this id (SOURCE_NOT_FOUND), or no history is "
                        + "kept (HISTORY_DISABLED)")
                    .responseModel(ProblemDocument.class).endResponseMessage()
                .responseMessage().code(413).message("The body is over 4 MiB (REQUEST_TOO_LARGE)")
                    .responseModel(ProblemDocument.class).endResponseMessage()
                .responseMessage().code(415).message("The body is not text/csv (UNSUPPORTED_MEDIA_TYPE)")
                    .responseModel(ProblemDocument.class).endResponseMessage()
                .responseMessage().code(503).message("The state store (Redis) is unreachable (STORE_UNAVAILABLE); "
                        + "nothing was stored")
                    .responseModel(ProblemDocument.class).endResponseMessage()
                .to(ApiEndpoints.ADMIN_BACKFILL_HISTORY);
        ApiDocument.adminResponses(admin
                .get("/authorize/{provider}").id("api-admin-authorize")
                    .description("Connect a provider's account: sends the admin's browser to the provider's sign-in "
                            + "(OAuth 2.0 with PKCE), which sends it back to the callback below; with Accept: "
                            + "application/json, the address to open instead")
                    .param().name("provider").type(RestParamType.path).description("A provider whose file declares "
                            + "token kind oauth2 with an authorizeUrl").endParam(),
                        200, "With Accept: application/json: the address to open, for 10 minutes", SignInDocument.class)
                .responseMessage().code(302).message("To the provider's sign-in (Location)").endResponseMessage()
                .responseMessage().code(404).message("The provider has no sign-in here (SIGN_IN_NOT_AVAILABLE)")
                    .responseModel(ProblemDocument.class).endResponseMessage()
                .responseMessage().code(503).message("The shared state (Redis) cannot keep the sign-in now "
                        + "(STORE_UNAVAILABLE)")
                    .responseModel(ProblemDocument.class).endResponseMessage()
                .to(ApiEndpoints.ADMIN_AUTHORIZE);
        // Not under /admin, whose every path takes the admin token: a provider sends the browser here and
        // cannot send one. A sign-in's state, issued to an admin above, stands for it.
        rest("/authorize").description("Where a provider sends the browser back after an admin sign-in")
                .get("/{provider}/callback").id("api-authorize-callback")
                    .description("Completes an admin sign-in: taken only with the state of a sign-in an admin started "
                            + "in the last 10 minutes (in the shared mode on any instance), once; no admin token (the "
                            + "provider cannot send one)")
                    .produces("text/html")
                    .param().name("provider").type(RestParamType.path).description("The provider signed in to")
                        .endParam()
                    .responseMessage().code(200).message("Connected: the tokens are kept").endResponseMessage()
                    .responseMessage().code(400).message("Not connected: declined, refused, or no sign-in started "
                            + "here").endResponseMessage()
                .to(ApiEndpoints.ADMIN_AUTHORIZE_CALLBACK);
        from(ApiEndpoints.ADMIN_REFRESH_ALL).routeId("api-admin-refresh-all-entry").to(ApiEndpoints.ADMIN_REFRESH);
        from(ApiEndpoints.ADMIN_REFRESH_ONE).routeId("api-admin-refresh-one-entry").to(ApiEndpoints.ADMIN_REFRESH);
        from(ApiEndpoints.ADMIN_INVALIDATE_ALL).routeId("api-admin-invalidate-all-entry").to(ApiEndpoints.ADMIN_INVALIDATE);
        from(ApiEndpoints.ADMIN_INVALIDATE_ONE).routeId("api-admin-invalidate-one-entry").to(ApiEndpoints.ADMIN_INVALIDATE);

        from(ApiEndpoints.ADMIN_REFRESH)
                .routeId("api-admin-refresh")
                .routeConfigurationId(ApiRejections.ID)
                .process(authorizer)
                .process(exchange -> exchange.getIn().setBody(sourcesOf(exchange)))
                .wireTap(RefreshEndpoints.REFRESH_SOURCES)
                .process(exchange -> ApiProblems.empty(exchange, 202));

        from(ApiEndpoints.ADMIN_INVALIDATE)
                .routeId("api-admin-invalidate")
                .routeConfigurationId(ApiRejections.ID)
                .process(authorizer)
                .process(exchange -> {
                    String id = exchange.getIn().getHeader("id", String.class);
                    sourcesOf(exchange);
                    exchange.getIn().removeHeaders("*");
                    exchange.getIn().setHeader(SOURCE_ID, id);
                })
                .to(StoreEndpoints.INVALIDATE)
                .process(exchange -> ApiProblems.empty(exchange, 204));

        // The body stays the unread request (RequestBody), read by the backfill after the token and
        // the type, to its bound; no stream caching copies it first.
        from(ApiEndpoints.ADMIN_BACKFILL_HISTORY)
                .routeId("api-admin-backfill-history")
                .streamCache("false")
                .routeConfigurationId(ApiRejections.ID)
                .process(authorizer)
                .process(backfiller::backfill)
                // The answer through the service's JSON data format, which also says application/json.
                .marshal(JsonConfiguration.DATA_FORMAT);

        from(ApiEndpoints.ADMIN_AUTHORIZE)
                .routeId("api-admin-authorize")
                .routeConfigurationId(ApiRejections.ID)
                .process(authorizer)
                .process(signIns::start)
                .filter(body().isNotNull())
                    // The answer through the service's JSON data format, which also says application/json.
                    .marshal(JsonConfiguration.DATA_FORMAT)
                .end();

        from(ApiEndpoints.ADMIN_AUTHORIZE_CALLBACK)
                .routeId("api-authorize-callback")
                .routeConfigurationId(ApiRejections.ID)
                .process(signIns::finish);
    }
    // spotless:on

    /** All sources, or the one named by {id}. */
    private List<TickerSource> sourcesOf(Exchange exchange) {
        String id = exchange.getIn().getHeader("id", String.class);
        if (id == null) {
            return catalog.all();
        }
        if (!ApiProblems.isValidId(id)) {
            throw ApiProblems.invalidId();
        }
        return List.of(catalog.find(id).orElseThrow(() -> ApiProblems.unknownId(id)));
    }
}
