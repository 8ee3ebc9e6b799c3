package dev.socialticker.ticker.output;

import dev.socialticker.ticker.routefile.RouteFile;
import dev.socialticker.ticker.routefile.TemplateDefinition;
import dev.socialticker.ticker.routefile.TemplatedRouteContract;
import dev.socialticker.ticker.routefile.problem.ParameterProblem;
import dev.socialticker.ticker.routefile.problem.RouteFileException;
import dev.socialticker.ticker.routefile.problem.RouteFileProblem;
import dev.socialticker.ticker.routefile.problem.RouteFileText;
import dev.socialticker.ticker.routefile.problem.TemplatedRouteYaml;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * What an output file must be ({@link TemplatedRouteContract}: one {@code templatedRoute} of a
 * built-in output template, route id {@code output-<name>}, its parameters good), and beyond that
 * every source it names configured.
 */
final class OutputContract implements TemplatedRouteContract.Kind<OutputSpec> {
    private final Map<String, OutputTemplate> templates;
    private final Set<String> sources;

    private OutputContract(Map<String, OutputTemplate> templates, Set<String> sources) {
        this.templates = templates;
        this.sources = sources;
    }

    /**
     * @param templates the built-in templates by id
     * @param sources   the configured source ids
     * @throws RouteFileException naming every problem found
     */
    static OutputSpec check(
            RouteFile file, RouteFileText text, Map<String, OutputTemplate> templates, Set<String> sources)
            throws RouteFileException {
        return new TemplatedRouteContract<>(new OutputContract(templates, sources)).check(file, text);
    }

    @Override
    public String noun() {
        return "output";
    }

    @Override
    public String guide() {
        return "routes/outputs/README.md";
    }

    @Override
    public String routeId(String name) {
        return OutputEndpoints.routeId(name);
    }

    @Override
    public TemplateDefinition common() {
        return OutputSpec.COMMON;
    }

    @Override
    public Set<String> templates() {
        return templates.keySet();
    }

    @Override
    public TemplateDefinition definition(String template) {
        OutputTemplate found = templates.get(template);
        return found == null ? null : found.definition();
    }

    @Override
    public OutputSpec read(String template, Function<String, String> lookup) {
        return OutputSpec.from(templates.get(template), lookup);
    }

    @Override
    public List<ParameterProblem> problems(OutputSpec spec) {
        return templates.get(spec.template()).problems(spec);
    }

    /** Every source an output names must be configured. */
    @Override
    public List<RouteFileProblem> more(TemplatedRouteYaml route, Set<String> faulty) {
        if (faulty.contains("sources")) {
            return List.of();
        }
        Set<String> unknown =
                new TreeSet<>(OutputSpec.sources(route.parameters().getOrDefault("sources", "")));
        unknown.removeAll(sources);
        if (unknown.isEmpty()) {
            return List.of();
        }
        return List.of(route.atParameter(
                "sources",
                "parameter 'sources' names unknown sources " + unknown,
                "configured: " + String.join(", ", new TreeSet<>(sources))));
    }
}
