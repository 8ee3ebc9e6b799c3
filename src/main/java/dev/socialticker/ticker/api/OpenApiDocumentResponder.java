package dev.socialticker.ticker.api;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.openapi.BeanConfig;
import org.apache.camel.openapi.DefaultRestApiResponseAdapter;
import org.apache.camel.openapi.RestOpenApiSupport;
import org.apache.camel.spi.RestConfiguration;
import org.springframework.stereotype.Component;

/**
 * {@code GET /api/openapi.json}: camel-openapi-java's document of the REST DSL, with two things the
 * REST DSL cannot declare: an operation without a security requirement says {@code security: []},
 * "public on purpose", as OpenAPI linters (Redocly's security-defined rule) ask, beside the admin
 * operations' bearer requirement; and a problem ({@link ProblemDocument}) is JSON alone, where Camel
 * lists it under every type the operation produces (a history's CSV, a badge's SVG). Camel's own
 * api-context route renders the same document but offers
 * no step between building it and writing it, so this processor drives the same two calls of
 * {@link RestOpenApiSupport} and amends the model in between.
 */
@Component
class OpenApiDocumentResponder implements Processor {
    private final CamelContext camel;
    private final RestOpenApiSupport support = new RestOpenApiSupport();
    private volatile BeanConfig config;

    OpenApiDocumentResponder(CamelContext camel) {
        this.camel = camel;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        RestConfiguration rest = camel.getRestConfiguration();
        String accept = exchange.getMessage().getHeader("Accept", "", String.class);
        boolean json = !accept.toLowerCase(Locale.ROOT).contains("yaml");
        DocumentAdapter document = new DocumentAdapter();
        // Rendered per request, as Camel does with X-Forwarded headers on: "servers" follows the
        // host and prefix the client used.
        support.renderResourceListing(camel, document, config(rest), json, camel.getClassResolver(), rest, exchange);
        exchange.getMessage().removeHeaders("*");
        document.copyResult(exchange);
    }

    private BeanConfig config(RestConfiguration rest) {
        if (config == null) {
            // As camel-openapi-java's own processor factory does: the API's properties, and the
            // context path as the base every path is relative to ("servers": "/api").
            Map<String, Object> properties = new HashMap<>(rest.getApiProperties());
            properties.put("base.path", rest.getContextPath());
            BeanConfig initialised = new BeanConfig();
            support.initOpenApi(initialised, properties);
            config = initialised;
        }
        return config;
    }

    /** Receives the document's model before it is written, and marks the public operations. */
    private static final class DocumentAdapter extends DefaultRestApiResponseAdapter {
        private static final String PROBLEM = "#/components/schemas/" + ProblemDocument.class.getSimpleName();

        @Override
        public void setOpenApi(OpenAPI openApi) {
            if (openApi != null && openApi.getPaths() != null) {
                for (PathItem path : openApi.getPaths().values()) {
                    for (Operation operation : path.readOperations()) {
                        if (operation.getSecurity() == null
                                || operation.getSecurity().isEmpty()) {
                            operation.setSecurity(List.of());
                        }
                        problemsAsJson(operation);
                    }
                }
            }
            super.setOpenApi(openApi);
        }

        private static void problemsAsJson(Operation operation) {
            if (operation.getResponses() == null) {
                return;
            }
            for (ApiResponse response : operation.getResponses().values()) {
                Content content = response.getContent();
                if (content == null) {
                    continue;
                }
                content.values().stream()
                        .filter(type -> type.getSchema() != null
                                && PROBLEM.equals(type.getSchema().get$ref()))
                        .findFirst()
                        .ifPresent(problem ->
                                response.setContent(new Content().addMediaType("application/json", problem)));
            }
        }
    }
}
