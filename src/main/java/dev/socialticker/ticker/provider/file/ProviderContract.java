package dev.socialticker.ticker.provider.file;

import dev.socialticker.ticker.provider.contract.ProviderEndpoints;
import dev.socialticker.ticker.provider.contract.RefreshStepConfiguration;
import dev.socialticker.ticker.provider.http.JsonOverHttpSpec;
import dev.socialticker.ticker.provider.http.JsonOverHttpTemplate;
import dev.socialticker.ticker.routefile.RouteFile;
import dev.socialticker.ticker.routefile.RouteFileException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.apache.camel.model.CircuitBreakerDefinition;
import org.apache.camel.model.Model;
import org.apache.camel.model.OnCompletionDefinition;
import org.apache.camel.model.OnExceptionDefinition;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.SendDefinition;
import org.apache.camel.model.TemplatedRouteDefinition;
import org.apache.camel.model.TemplatedRouteParameterDefinition;
import org.apache.camel.model.ToDynamicDefinition;
import org.apache.camel.model.TryDefinition;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * The provider contract of routes/README.md, checked on a parsed file before any of it runs: one
 * route {@code provider-<name>} from {@code direct:provider-<name>} that returns its result to the
 * refresh route, calls none of the service's own routes, and has no error handling of its own
 * (failures belong to the shared refresh route, which classifies, retries and records them).
 */
final class ProviderContract {
    static final String CONTRACT_1_STORE = ProviderEndpoints.CONTRACT_1_STORE;

    private ProviderContract() {}

    /**
     * Checks the routes a file defines, and points a plain route at the shared provider route
     * configuration.
     *
     * @return the provider as the catalog keeps it
     * @throws RouteFileException naming every breach found
     */
    static ProviderCatalog.Loaded check(RouteFile file, RouteBuilder builder, Set<String> internal)
            throws RouteFileException {
        String name = file.name();
        List<String> problems = new ArrayList<>();
        if (!builder.getRouteTemplateCollection().getRouteTemplates().isEmpty()) {
            problems.add("defines a route template; a provider file defines its provider route only");
        }
        if (!builder.getRestCollection().getRests().isEmpty()) {
            problems.add("defines a REST service; a provider file defines its provider route only");
        }
        if (builder instanceof RouteConfigurationBuilder configurations
                && !configurations
                        .getRouteConfigurationCollection()
                        .getRouteConfigurations()
                        .isEmpty()) {
            problems.add("declares a routeConfiguration; error handling is shared, not per provider");
        }
        if (builder.hasErrorHandlerFactory()
                || !builder.getRouteCollection().getOnExceptions().isEmpty()
                || !builder.getRouteCollection().getOnCompletions().isEmpty()
                || !builder.getRouteCollection().getIntercepts().isEmpty()
                || !builder.getRouteCollection().getInterceptFroms().isEmpty()
                || !builder.getRouteCollection().getInterceptSendTos().isEmpty()) {
            problems.add("declares its own error handling (errorHandler, onException, onCompletion or intercept);"
                    + " failures are classified, retried and recorded by the shared refresh route");
        }
        List<RouteDefinition> routes = builder.getRouteCollection().getRoutes();
        List<TemplatedRouteDefinition> templated =
                builder.getTemplatedRouteCollection().getTemplatedRoutes();
        JsonOverHttpSpec spec = null;
        if (routes.size() + templated.size() != 1) {
            problems.add("must define exactly one route, provider-" + name + " (found "
                    + (routes.size() + templated.size()) + ")");
        } else if (!routes.isEmpty()) {
            checkRoute(name, routes.get(0), internal, problems);
        } else {
            spec = checkTemplated(name, templated.get(0), problems);
        }
        if (!problems.isEmpty()) {
            throw new RouteFileException(String.join("; ", problems));
        }
        Set<String> settings = new TreeSet<>(spec == null ? Set.of() : spec.settings());
        settings.addAll(settingsNamedIn(file));
        return new ProviderCatalog.Loaded(name, file.location(), spec, settings);
    }

    /**
     * The settings of its own provider a file names in full, {@code ticker.providers.<name>.<setting>},
     * wherever it writes them: a {@code {{placeholder}}}, a {@code ${properties:…}} expression, the
     * comment that explains it. A plain route declares no parameters; what it reads is what it names.
     */
    static Set<String> settingsNamedIn(RouteFile file) {
        String text;
        try (InputStream in =
                new DefaultResourceLoader().getResource(file.uri()).getInputStream()) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            return Set.of(); // it was parsed a moment ago; nothing more to learn from it
        }
        Matcher named = Pattern.compile("ticker\\.providers\\." + Pattern.quote(file.name())
                        + "\\.([A-Za-z0-9][A-Za-z0-9_-]*(?:\\.[A-Za-z0-9][A-Za-z0-9_-]*)*)")
                .matcher(text);
        Set<String> settings = new TreeSet<>();
        while (named.find()) {
            settings.add(named.group(1));
        }
        return settings;
    }

    /** The breaches of one route definition, as written or as created from the template. */
    static List<String> breaches(String name, RouteDefinition route, Set<String> internal) {
        List<String> problems = new ArrayList<>();
        checkRoute(name, route, internal, problems);
        return problems;
    }

    /**
     * The service's own endpoints, read from the running context: where every route that is not a
     * provider's starts (timers, queues, direct routes), without their options. A provider returns
     * its result; it does not write or trigger anything, so it calls none of them. Read, not listed:
     * a route added later is covered without anyone remembering to extend a list.
     */
    static Set<String> internalEndpoints(CamelContext context) {
        Model model = context.getCamelContextExtension().getContextPlugin(Model.class);
        Set<String> internal = new TreeSet<>();
        for (RouteDefinition route : model.getRouteDefinitions()) {
            String id = route.getRouteId();
            if (route.getInput() != null && (id == null || !id.startsWith(ProviderEndpoints.ROUTE_ID_PREFIX))) {
                internal.add(withoutOptions(route.getInput().getEndpointUri()));
            }
        }
        return internal;
    }

    /** {@code seda://x?size=1} and {@code seda:x} name the same endpoint: {@code seda:x}. */
    static String withoutOptions(String uri) {
        return uri == null ? null : uri.replaceFirst("\\?.*$", "").replaceFirst("^([a-z0-9+.-]+)://", "$1:");
    }

    private static void checkRoute(
            String name, RouteDefinition route, Set<String> internalEndpoints, List<String> problems) {
        String id = ProviderEndpoints.routeId(name);
        if (!id.equals(route.getRouteId())) {
            problems.add("route id must be '" + id + "' (the file is " + name + RouteFile.SUFFIX + "), not '"
                    + route.getRouteId() + "'");
        }
        String from = route.getInput() == null
                ? null
                : withTemplateParameters(route, route.getInput().getEndpointUri());
        if (!ProviderEndpoints.of(name).equals(from)) {
            problems.add("route must start from '" + ProviderEndpoints.of(name) + "', not '" + from + "'");
        }
        if (route.isErrorHandlerFactorySet() || route.getErrorHandler() != null) {
            problems.add("route declares an errorHandler; failures are handled by the shared refresh route");
        }
        if (route.getRouteConfigurationId() != null
                && !route.getRouteConfigurationId().equals(RefreshStepConfiguration.ID)) {
            problems.add("route uses routeConfigurationId '" + route.getRouteConfigurationId()
                    + "'; provider routes use the shared '" + RefreshStepConfiguration.ID + "' (or none)");
        }
        List<String> handling = new ArrayList<>();
        Set<String> internal = new TreeSet<>();
        walk(route.getOutputs(), internalEndpoints, handling, internal);
        if (!handling.isEmpty()) {
            problems.add("route handles failures itself (" + String.join(", ", handling)
                    + "); failures are classified, retried and recorded by the shared refresh route");
        }
        if (internal.remove(CONTRACT_1_STORE)) {
            problems.add("route ends at " + CONTRACT_1_STORE + ", as provider contract 1 asked; delete that step:"
                    + " a provider now returns its result headers and the refresh route stores them"
                    + " (routes/README.md, \"Upgrading a provider file\")");
        }
        if (!internal.isEmpty()) {
            problems.add("route calls the service's own " + String.join(", ", internal)
                    + "; a provider only returns its result headers");
        }
        // The shared "no error handler of its own" configuration applies to every provider route.
        route.setRouteConfigurationId(RefreshStepConfiguration.ID);
    }

    /** A route created from a template keeps {{placeholders}} until Camel starts it; fill them in. */
    private static String withTemplateParameters(RouteDefinition route, String text) {
        if (text == null || route.getTemplateParameters() == null) {
            return text;
        }
        String resolved = text;
        for (Map.Entry<String, Object> parameter : route.getTemplateParameters().entrySet()) {
            resolved = resolved.replace("{{" + parameter.getKey() + "}}", String.valueOf(parameter.getValue()));
        }
        return resolved;
    }

    private static void walk(
            List<ProcessorDefinition<?>> outputs,
            Set<String> internalEndpoints,
            List<String> handling,
            Set<String> internal) {
        for (ProcessorDefinition<?> output : outputs) {
            if (output instanceof TryDefinition) {
                handling.add("doTry");
            } else if (output instanceof OnExceptionDefinition) {
                handling.add("onException");
            } else if (output instanceof OnCompletionDefinition) {
                handling.add("onCompletion");
            } else if (output instanceof CircuitBreakerDefinition) {
                handling.add("circuitBreaker");
            }
            String uri = output instanceof SendDefinition<?> send
                    ? send.getUri()
                    : output instanceof ToDynamicDefinition dynamic ? dynamic.getUri() : null;
            String endpoint = withoutOptions(uri);
            if (endpoint != null && (endpoint.equals(CONTRACT_1_STORE) || internalEndpoints.contains(endpoint))) {
                internal.add(endpoint);
            }
            walk(output.getOutputs(), internalEndpoints, handling, internal);
        }
    }

    private static JsonOverHttpSpec checkTemplated(String name, TemplatedRouteDefinition route, List<String> problems) {
        String id = ProviderEndpoints.routeId(name);
        if (!JsonOverHttpTemplate.ID.equals(route.getRouteTemplateRef())) {
            problems.add("templatedRoute must use routeTemplateRef '" + JsonOverHttpTemplate.ID + "', not '"
                    + route.getRouteTemplateRef() + "'");
        }
        if (!id.equals(route.getRouteId())) {
            problems.add("routeId must be '" + id + "' (the file is " + name + RouteFile.SUFFIX + "), not '"
                    + route.getRouteId() + "'");
        }
        Map<String, String> parameters = new HashMap<>();
        for (TemplatedRouteParameterDefinition parameter : route.getParameters()) {
            parameters.put(parameter.getName(), parameter.getValue());
            if (!JsonOverHttpSpec.DEFINITION.names().contains(parameter.getName())) {
                problems.add("unknown parameter '" + parameter.getName() + "' (known: "
                        + String.join(", ", JsonOverHttpSpec.DEFINITION.names()) + ")");
            }
        }
        try {
            JsonOverHttpSpec spec = JsonOverHttpSpec.from(parameters::get);
            if (!name.equals(spec.name())) {
                problems.add("parameter 'name' must be '" + name + "' (the file is " + name + RouteFile.SUFFIX
                        + "), not '" + spec.name() + "'");
            }
            return spec;
        } catch (IllegalArgumentException invalid) {
            problems.add(invalid.getMessage());
            return null;
        }
    }
}
