package dev.socialticker.ticker.provider;

import static dev.socialticker.ticker.TickerHeaders.ACCOUNT;
import static dev.socialticker.ticker.TickerHeaders.PROFILE;
import static dev.socialticker.ticker.TickerHeaders.QUOTA;
import static dev.socialticker.ticker.TickerHeaders.RAW_TOTAL;

import dev.socialticker.ticker.config.TickerProperties;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.jsonpath.JsonPathExpression;
import org.springframework.stereotype.Component;

/**
 * {@code direct:provider-instagram}: the Instagram Graph API.
 * {@code GET {base-url}/{ig-user-id}?fields=followers_count,username&access_token=…}.
 *
 * <p>The token travels in the {@code CamelHttpQuery} header, not in the endpoint URI, so it never
 * becomes part of an endpoint name that Camel registers, logs or exposes as a metric tag.
 */
@Component
class InstagramProviderRoute extends RouteBuilder {
    private final TickerProperties properties;

    InstagramProviderRoute(TickerProperties properties) {
        this.properties = properties;
    }

    @Override
    public void configure() {
        TickerProperties.Provider instagram = properties.provider("instagram");
        String query = "fields=followers_count,username&access_token="
                + (instagram.hasAccessToken()
                        ? URLEncoder.encode(instagram.accessToken(), StandardCharsets.UTF_8) : "");
        String baseUrl = instagram.baseUrl() == null ? "" : instagram.baseUrl().toString().replaceAll("/+$", "");

        from("direct:provider-instagram")
                .routeId("provider-instagram")
                .routeConfigurationId(ProviderRouteConfiguration.ID)
                .setHeader(Exchange.HTTP_METHOD, constant("GET"))
                .setHeader(Exchange.HTTP_QUERY, constant(query))
                .toD(baseUrl + "/${header." + ACCOUNT + "}?" + HttpTimeouts.endpointOptions(instagram))
                .removeHeader(Exchange.HTTP_QUERY)
                .setHeader(RAW_TOTAL, optionalJsonPath("$.followers_count"))
                .setHeader(PROFILE, optionalJsonPath("$.username"))
                .process(exchange -> exchange.getIn().setHeader(QUOTA, InstagramUsageHeaders.parse(
                        exchange.getIn().getHeader(InstagramUsageHeaders.APP_USAGE, String.class),
                        exchange.getIn().getHeader(InstagramUsageHeaders.BUSINESS_USE_CASE, String.class))));
    }

    /** A missing field yields null (reported as INVALID_PAYLOAD by the store), not an exception. */
    private static JsonPathExpression optionalJsonPath(String path) {
        JsonPathExpression expression = new JsonPathExpression(path);
        expression.setSuppressExceptions(true);
        return expression;
    }
}
