package dev.socialticker.ticker.output;

import dev.socialticker.ticker.routefile.RouteFile;
import dev.socialticker.ticker.routefile.RouteFileException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.apache.camel.model.TemplatedRouteDefinition;
import org.apache.camel.model.TemplatedRouteParameterDefinition;

/**
 * What an output file must be, checked on the parsed file before any of it runs: exactly one
 * {@code templatedRoute} of a built-in output template, with the route id {@code output-<name>}, known
 * parameters whose values fit their declarations, sources that exist, and the settings its template
 * needs. An output is a template's parameters, nothing else: its retries, timeouts and dead letters
 * are the service's, so one written by hand could not be kept from blocking its worker or the others.
 */
final class OutputContract {
    private OutputContract() {}

    /**
     * @param templates the built-in templates by id
     * @param sources   the configured source ids
     * @throws RouteFileException naming every problem found
     */
    static OutputSpec check(
            RouteFile file, RouteBuilder builder, Map<String, OutputTemplate> templates, Set<String> sources)
            throws RouteFileException {
        String name = file.name();
        List<String> problems = new ArrayList<>();
        List<TemplatedRouteDefinition> templated =
                builder.getTemplatedRouteCollection().getTemplatedRoutes();
        int others = builder.getRouteCollection().getRoutes().size()
                + builder.getRouteTemplateCollection().getRouteTemplates().size()
                + builder.getRestCollection().getRests().size()
                + (builder instanceof RouteConfigurationBuilder configurations
                        ? configurations
                                .getRouteConfigurationCollection()
                                .getRouteConfigurations()
                                .size()
                        : 0);
        if (templated.size() != 1 || others > 0) {
            throw new RouteFileException("an output file is exactly one templatedRoute of a built-in output template ("
                    + String.join(", ", new TreeSet<>(templates.keySet())) + "), routeId "
                    + OutputEndpoints.routeId(name));
        }
        TemplatedRouteDefinition route = templated.get(0);
        OutputTemplate template = templates.get(route.getRouteTemplateRef());
        if (template == null) {
            throw new RouteFileException("routeTemplateRef '" + route.getRouteTemplateRef()
                    + "' is not an output template; built-in: " + String.join(", ", new TreeSet<>(templates.keySet())));
        }
        String id = OutputEndpoints.routeId(name);
        if (!id.equals(route.getRouteId())) {
            problems.add("routeId must be '" + id + "' (the file is " + name + RouteFile.SUFFIX + "), not '"
                    + route.getRouteId() + "'");
        }
        Set<String> known = new LinkedHashSet<>(OutputSpec.COMMON.names());
        known.addAll(template.definition().names());
        Map<String, String> parameters = new HashMap<>();
        for (TemplatedRouteParameterDefinition parameter : route.getParameters()) {
            parameters.put(parameter.getName(), parameter.getValue());
            if (!known.contains(parameter.getName())) {
                problems.add(
                        "unknown parameter '" + parameter.getName() + "' (known: " + String.join(", ", known) + ")");
            }
        }
        OutputSpec spec = null;
        try {
            spec = OutputSpec.from(template, parameters::get);
        } catch (IllegalArgumentException invalid) {
            problems.add(invalid.getMessage());
        }
        if (spec != null) {
            if (!name.equals(spec.name())) {
                problems.add("parameter 'name' must be '" + name + "' (the file is " + name + RouteFile.SUFFIX
                        + "), not '" + spec.name() + "'");
            }
            Set<String> unknown = new TreeSet<>(spec.sources());
            unknown.removeAll(sources);
            if (!unknown.isEmpty()) {
                problems.add("parameter 'sources' names unknown sources " + unknown + "; configured: "
                        + String.join(", ", new TreeSet<>(sources)));
            }
            problems.addAll(template.problems(spec));
        }
        if (!problems.isEmpty()) {
            throw new RouteFileException(String.join("; ", problems));
        }
        return spec;
    }
}
