package dev.socialticker.ticker.provider.file;

import dev.socialticker.ticker.provider.contract.ProviderEndpoints;
import dev.socialticker.ticker.provider.contract.RefreshStepConfiguration;
import dev.socialticker.ticker.provider.http.JsonOverHttpSpec;
import dev.socialticker.ticker.provider.http.JsonOverHttpTemplate;
import dev.socialticker.ticker.routefile.RouteFile;
import dev.socialticker.ticker.routefile.RouteFiles;
import dev.socialticker.ticker.routefile.problem.InvalidParametersException;
import dev.socialticker.ticker.routefile.problem.RouteFileException;
import dev.socialticker.ticker.routefile.problem.RouteFileProblem;
import dev.socialticker.ticker.routefile.problem.RouteFileText;
import dev.socialticker.ticker.routefile.problem.Spelling;
import dev.socialticker.ticker.routefile.problem.TemplatedRouteYaml;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.apache.camel.model.ToDynamicDefinition;
import org.apache.camel.model.TryDefinition;
import org.apache.camel.reifier.RouteReifier;

/**
 * The provider contract of routes/README.md, checked on a file before any of it runs: one route
 * {@code provider-<name>} from {@code direct:provider-<name>} that returns its result to the refresh
 * route, calls none of the service's own routes, and has no error handling of its own (failures
 * belong to the shared refresh route, which classifies, retries and records them).
 *
 * <p>Every breach is reported at once, each at its line where the file has one: a file on the
 * template is checked on its YAML ({@link TemplatedRouteYaml}), so a misspelt key does not hide the
 * parameters after it; a plain route is checked on Camel's reading of it and built once on the side.
 */
final class ProviderContract {
    static final String CONTRACT_1_STORE = ProviderEndpoints.CONTRACT_1_STORE;
    /** The step Camel could not create (its endpoint, when it has one) and why. */
    private static final Pattern FAILED_STEP = Pattern.compile(">>> \\w+\\[([^\\],]*)].*? <<<.*?because: (.*)$");

    /** A file that keeps the contract: its definitions, not added yet, and the provider as the catalog keeps it. */
    record Checked(RouteBuilder builder, ProviderCatalog.Loaded provider) {}

    /** A breach, and the key or endpoint of the file it is about (to find its line), when there is one. */
    private record Breach(String message, String key, String endpoint) {
        RouteFileProblem in(RouteFileText text) {
            if (key != null) {
                return text.atKey(key, message, null);
            }
            if (endpoint != null) {
                return text.atScalar(value -> endpoint.equals(withoutOptions(value)), message, null);
            }
            return RouteFileProblem.of(message);
        }
    }

    private ProviderContract() {}

    /**
     * Checks a file read by {@link RouteFiles#read}, and points a plain route at the shared provider
     * route configuration.
     *
     * @throws RouteFileException naming every breach found
     */
    static Checked check(CamelContext context, RouteFile file, RouteFileText text) throws RouteFileException {
        Optional<TemplatedRouteYaml> templated = TemplatedRouteYaml.of(text);
        if (templated.isPresent()) {
            JsonOverHttpSpec spec = checkTemplated(file.name(), templated.get());
            RouteBuilder builder = RouteFiles.parse(context, file, text);
            Set<String> settings = new TreeSet<>(spec.settings());
            settings.addAll(settingsNamedIn(file.name(), text.text()));
            return new Checked(builder, new ProviderCatalog.Loaded(file.name(), file.location(), spec, settings));
        }
        Set<String> internal = internalEndpoints(context);
        RouteBuilder builder = RouteFiles.parse(context, file, text);
        List<RouteFileProblem> problems = new ArrayList<>();
        checkRoutes(file.name(), builder, internal).forEach(breach -> problems.add(breach.in(text)));
        if (builder.getTemplatedRouteCollection().getTemplatedRoutes().isEmpty()) {
            // Built once on the side: an unknown endpoint, a missing {{property}} or a bad expression
            // refuses this file instead of failing Camel's start for every provider.
            for (RouteDefinition route : builder.getRouteCollection().getRoutes()) {
                try {
                    new RouteReifier(context, route).createRoute();
                } catch (RuntimeException unbuildable) {
                    problems.add(
                            unbuildable(text, RouteFiles.reason(unbuildable).replace(file.uri(), file.location())));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new RouteFileException(problems);
        }
        return new Checked(
                builder,
                new ProviderCatalog.Loaded(
                        file.name(), file.location(), null, settingsNamedIn(file.name(), text.text())));
    }

    /**
     * The settings of its own provider a file names in full, {@code ticker.providers.<name>.<setting>},
     * wherever it writes them: a {@code {{placeholder}}}, a {@code ${properties:…}} expression, the
     * comment that explains it. A plain route declares no parameters; what it reads is what it names.
     */
    static Set<String> settingsNamedIn(String name, String text) {
        Matcher named = Pattern.compile("ticker\\.providers\\." + Pattern.quote(name)
                        + "\\.([A-Za-z0-9][A-Za-z0-9_-]*(?:\\.[A-Za-z0-9][A-Za-z0-9_-]*)*)")
                .matcher(text);
        Set<String> settings = new TreeSet<>();
        while (named.find()) {
            settings.add(named.group(1));
        }
        return settings;
    }

    /**
     * Camel's "Failed to create route: … at: >>> to[uri] <<< in route: … because: why", said as the
     * why, at the step's endpoint when the file writes it as such.
     */
    private static RouteFileProblem unbuildable(RouteFileText text, String reason) {
        Matcher failed = FAILED_STEP.matcher(reason);
        if (!failed.find()) {
            return RouteFileProblem.of("route cannot be built: " + reason);
        }
        String endpoint = failed.group(1);
        return text.atScalar(
                value -> value.equals(endpoint),
                "route cannot be built: " + failed.group(2).strip(),
                null);
    }

    /** What a file that is not one templatedRoute defines, against the contract. */
    private static List<Breach> checkRoutes(String name, RouteBuilder builder, Set<String> internal) {
        List<Breach> problems = new ArrayList<>();
        if (!builder.getRouteTemplateCollection().getRouteTemplates().isEmpty()) {
            problems.add(new Breach(
                    "defines a route template; a provider file defines its provider route only",
                    "routeTemplate",
                    null));
        }
        if (!builder.getRestCollection().getRests().isEmpty()) {
            problems.add(new Breach(
                    "defines a REST service; a provider file defines its provider route only", "rest", null));
        }
        if (builder instanceof RouteConfigurationBuilder configurations
                && !configurations
                        .getRouteConfigurationCollection()
                        .getRouteConfigurations()
                        .isEmpty()) {
            problems.add(new Breach(
                    "declares a routeConfiguration; error handling is shared, not per provider",
                    "routeConfiguration",
                    null));
        }
        if (builder.hasErrorHandlerFactory()
                || !builder.getRouteCollection().getOnExceptions().isEmpty()
                || !builder.getRouteCollection().getOnCompletions().isEmpty()
                || !builder.getRouteCollection().getIntercepts().isEmpty()
                || !builder.getRouteCollection().getInterceptFroms().isEmpty()
                || !builder.getRouteCollection().getInterceptSendTos().isEmpty()) {
            problems.add(new Breach(
                    "declares its own error handling (errorHandler, onException, onCompletion or intercept);"
                            + " failures are classified, retried and recorded by the shared refresh route",
                    null,
                    null));
        }
        List<RouteDefinition> routes = builder.getRouteCollection().getRoutes();
        int templated =
                builder.getTemplatedRouteCollection().getTemplatedRoutes().size();
        if (routes.size() + templated != 1) {
            problems.add(new Breach(
                    "must define exactly one route, provider-" + name + " (found " + (routes.size() + templated) + ")",
                    null,
                    null));
        } else if (templated == 1) {
            problems.add(new Breach("a templatedRoute must be the only item of its file", "templatedRoute", null));
        } else {
            checkRoute(name, routes.get(0), internal, problems);
        }
        return problems;
    }

    /**
     * The breaches of the file's templated route, read from its YAML, every one at once: its form,
     * the template, the route id, each parameter against its declaration.
     */
    private static JsonOverHttpSpec checkTemplated(String name, TemplatedRouteYaml route) throws RouteFileException {
        List<RouteFileProblem> problems = new ArrayList<>(route.problems());
        String id = ProviderEndpoints.routeId(name);
        if (route.templateRef() == null) {
            problems.add(route.atTemplateRef(
                    "routeTemplateRef is missing", "write routeTemplateRef: " + JsonOverHttpTemplate.ID));
        } else if (!JsonOverHttpTemplate.ID.equals(route.templateRef())) {
            problems.add(route.atTemplateRef(
                    "templatedRoute must use routeTemplateRef '" + JsonOverHttpTemplate.ID + "', not '"
                            + route.templateRef() + "'",
                    null));
        }
        route.routeIdProblem(id, name + RouteFile.SUFFIX).ifPresent(problems::add);
        Set<String> known = JsonOverHttpSpec.DEFINITION.names();
        for (String parameter : route.parameters().keySet()) {
            if (!known.contains(parameter)) {
                String guess = Spelling.suggestion(parameter, known);
                problems.add(route.atParameterName(
                        parameter,
                        "unknown parameter '" + parameter + "'",
                        guess != null ? guess : "known: " + String.join(", ", known)));
            }
        }
        Set<String> faulty = new HashSet<>();
        JsonOverHttpSpec spec = null;
        try {
            spec = JsonOverHttpSpec.from(route.parameters()::get);
        } catch (InvalidParametersException invalid) {
            invalid.problems().forEach(problem -> {
                if (!route.reported(problem.parameter())) {
                    problems.add(route.atParameter(problem.parameter(), problem.message(), problem.hint()));
                }
                faulty.add(problem.parameter());
            });
        }
        String named = route.parameters().get("name");
        if (!faulty.contains("name") && named != null && !named.strip().equals(name)) {
            problems.add(route.atParameter(
                    "name",
                    "parameter 'name' must be '" + name + "' (the file is " + name + RouteFile.SUFFIX + "), not '"
                            + named.strip() + "'",
                    null));
        }
        if (!problems.isEmpty()) {
            throw new RouteFileException(problems);
        }
        return spec;
    }

    /** The breaches of one route definition, as written or as created from the template. */
    static List<String> breaches(String name, RouteDefinition route, Set<String> internal) {
        List<Breach> problems = new ArrayList<>();
        checkRoute(name, route, internal, problems);
        return problems.stream().map(Breach::message).toList();
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
            String name, RouteDefinition route, Set<String> internalEndpoints, List<Breach> problems) {
        String id = ProviderEndpoints.routeId(name);
        if (!id.equals(route.getRouteId())) {
            problems.add(new Breach(
                    "route id must be '" + id + "' (the file is " + name + RouteFile.SUFFIX + "), not '"
                            + route.getRouteId() + "'",
                    "id",
                    null));
        }
        String from = route.getInput() == null
                ? null
                : withTemplateParameters(route, route.getInput().getEndpointUri());
        if (!ProviderEndpoints.of(name).equals(from)) {
            problems.add(new Breach(
                    "route must start from '" + ProviderEndpoints.of(name) + "', not '" + from + "'", "from", null));
        }
        if (route.isErrorHandlerFactorySet() || route.getErrorHandler() != null) {
            problems.add(new Breach(
                    "route declares an errorHandler; failures are handled by the shared refresh route",
                    "errorHandler",
                    null));
        }
        if (route.getRouteConfigurationId() != null
                && !route.getRouteConfigurationId().equals(RefreshStepConfiguration.ID)) {
            problems.add(new Breach(
                    "route uses routeConfigurationId '" + route.getRouteConfigurationId()
                            + "'; provider routes use the shared '" + RefreshStepConfiguration.ID + "' (or none)",
                    "routeConfigurationId",
                    null));
        }
        List<String> handling = new ArrayList<>();
        Set<String> internal = new TreeSet<>();
        walk(route.getOutputs(), internalEndpoints, handling, internal);
        if (!handling.isEmpty()) {
            problems.add(new Breach(
                    "route handles failures itself (" + String.join(", ", handling)
                            + "); failures are classified, retried and recorded by the shared refresh route",
                    handling.get(0),
                    null));
        }
        if (internal.remove(CONTRACT_1_STORE)) {
            problems.add(new Breach(
                    "route ends at " + CONTRACT_1_STORE + ", as provider contract 1 asked; delete that step:"
                            + " a provider now returns its result headers and the refresh route stores them"
                            + " (routes/README.md, \"Upgrading a provider file\")",
                    null,
                    CONTRACT_1_STORE));
        }
        if (!internal.isEmpty()) {
            problems.add(new Breach(
                    "route calls the service's own " + String.join(", ", internal)
                            + "; a provider only returns its result headers",
                    null,
                    internal.iterator().next()));
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
}
