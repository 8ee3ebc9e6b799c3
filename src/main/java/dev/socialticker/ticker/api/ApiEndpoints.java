package dev.socialticker.ticker.api;

/**
 * The routes behind the REST DSL operations, named once here. Internal to the API: each is the
 * target of one operation and nothing else sends to it.
 */
final class ApiEndpoints {
    static final String GET_METRICS = "direct:api-get-metrics";
    static final String GET_SOURCE = "direct:api-get-source";
    static final String GET_TICKER = "direct:api-get-ticker";
    static final String GET_BADGE = "direct:api-get-badge";
    static final String GET_SOURCE_BADGE = "direct:api-get-source-badge";
    static final String GET_TICKER_BADGE = "direct:api-get-ticker-badge";
    static final String GET_SOURCE_HISTORY = "direct:api-get-source-history";
    static final String GET_HISTORY_SUM = "direct:api-get-history-sum";
    static final String GET_TICKER_HISTORY = "direct:api-get-ticker-history";
    static final String GET_UI_CONFIG = "direct:api-get-ui-config";
    static final String GET_STATUS = "direct:api-get-status";
    static final String GET_OPENAPI_DOCUMENT = "direct:api-get-openapi-document";
    static final String ADMIN_REFRESH_ALL = "direct:api-admin-refresh-all";
    static final String ADMIN_REFRESH_ONE = "direct:api-admin-refresh-one";
    static final String ADMIN_INVALIDATE_ALL = "direct:api-admin-invalidate-all";
    static final String ADMIN_INVALIDATE_ONE = "direct:api-admin-invalidate-one";
    static final String ADMIN_REFRESH = "direct:api-admin-refresh";
    static final String ADMIN_INVALIDATE = "direct:api-admin-invalidate";
    static final String ADMIN_BACKFILL_HISTORY = "direct:api-admin-backfill-history";
    static final String ADMIN_AUTHORIZE = "direct:api-admin-authorize";
    static final String ADMIN_AUTHORIZE_CALLBACK = "direct:api-authorize-callback";

    private ApiEndpoints() {}
}
