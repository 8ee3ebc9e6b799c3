package dev.socialticker.ticker.output;

import dev.socialticker.ticker.routefile.RouteFile;
import dev.socialticker.ticker.routefile.problem.InvalidParametersException;
import dev.socialticker.ticker.routefile.problem.ParameterProblem;
import dev.socialticker.ticker.routefile.problem.RouteFileException;
import dev.socialticker.ticker.routefile.problem.RouteFileProblem;
import dev.socialticker.ticker.routefile.problem.RouteFileText;
import dev.socialticker.ticker.routefile.problem.Spelling;
import dev.socialticker.ticker.routefile.problem.TemplatedRouteYaml;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What an output file must be, checked on its YAML before any of it runs: exactly one
 * {@code templatedRoute} of a built-in output template, with the route id {@code output-<name>}, known
 * parameters whose values fit their declarations, sources that exist, and the settings its template
 * needs. An output is a template's parameters, nothing else: its retries, timeouts and dead letters
 * are the service's, so one written by hand could not be kept from blocking its worker or the others.
 *
 * <p>Every mistake is reported at once, each at its line: a misspelt template still has its other
 * parameters checked (those every output has, and any that no template knows).
 */
final class OutputContract {
    private OutputContract() {}

    /**
     * @param templates the built-in templates by id
     * @param sources   the configured source ids
     * @throws RouteFileException naming every problem found
     */
    static OutputSpec check(
            RouteFile file, RouteFileText text, Map<String, OutputTemplate> templates, Set<String> sources)
            throws RouteFileException {
        String name = file.name();
        String id = OutputEndpoints.routeId(name);
        Set<String> builtIn = new TreeSet<>(templates.keySet());
        TemplatedRouteYaml route = TemplatedRouteYaml.of(text)
                .orElseThrow(() -> new RouteFileException(List.of(RouteFileProblem.of(
                        "an output file is exactly one templatedRoute of a built-in output template ("
                                + String.join(", ", builtIn) + "), routeId " + id,
                        "copy an example from routes/outputs/README.md"))));
        List<RouteFileProblem> problems = new ArrayList<>(route.problems());

        OutputTemplate template = route.templateRef() == null ? null : templates.get(route.templateRef());
        if (route.templateRef() == null) {
            problems.add(route.atTemplateRef("routeTemplateRef is missing", "one of " + String.join(", ", builtIn)));
        } else if (template == null) {
            String guess = Spelling.suggestion(route.templateRef(), builtIn);
            problems.add(route.atTemplateRef(
                    "routeTemplateRef '" + route.templateRef() + "' is not an output template",
                    (guess == null ? "" : guess + " ") + "built-in: " + String.join(", ", builtIn)));
        }
        route.routeIdProblem(id, name + RouteFile.SUFFIX).ifPresent(problems::add);

        // With no template to go by, a parameter no template declares is still unknown for sure.
        Set<String> known = new LinkedHashSet<>(OutputSpec.COMMON.names());
        if (template != null) {
            known.addAll(template.definition().names());
        } else {
            templates.values().forEach(each -> known.addAll(each.definition().names()));
        }
        for (String parameter : route.parameters().keySet()) {
            if (!known.contains(parameter)) {
                String guess = Spelling.suggestion(parameter, known);
                problems.add(route.atParameterName(
                        parameter,
                        "unknown parameter '" + parameter + "'",
                        guess != null
                                ? guess
                                : template != null
                                        ? "known: " + String.join(", ", known)
                                        : "no output template has it"));
            }
        }

        OutputSpec spec = null;
        Set<String> faulty = new HashSet<>();
        if (template == null) {
            List<ParameterProblem> common = new ArrayList<>();
            OutputSpec.COMMON.read(route.parameters()::get, common);
            common.forEach(problem -> {
                add(problems, route, problem);
                faulty.add(problem.parameter());
            });
        } else {
            try {
                spec = OutputSpec.from(template, route.parameters()::get);
            } catch (InvalidParametersException invalid) {
                invalid.problems().forEach(problem -> {
                    add(problems, route, problem);
                    faulty.add(problem.parameter());
                });
            }
            // The template's own checks (a setting that must be set) need every value: with the faulty
            // ones at their declared examples, they still run, and say nothing more of those.
            OutputSpec checked = spec != null ? spec : standIn(template, name, route, faulty);
            if (checked != null) {
                template.problems(checked).stream()
                        .filter(problem -> !faulty.contains(problem.parameter()))
                        .forEach(problem -> add(problems, route, problem));
            }
        }
        String named = route.parameters().get("name");
        if (!faulty.contains("name") && named != null && !named.strip().equals(name)) {
            problems.add(route.atParameter(
                    "name",
                    "parameter 'name' must be '" + name + "' (the file is " + name + RouteFile.SUFFIX + "), not '"
                            + named.strip() + "'",
                    null));
        }
        if (!faulty.contains("sources")) {
            Set<String> unknown =
                    new TreeSet<>(OutputSpec.sources(route.parameters().getOrDefault("sources", "")));
            unknown.removeAll(sources);
            if (!unknown.isEmpty()) {
                problems.add(route.atParameter(
                        "sources",
                        "parameter 'sources' names unknown sources " + unknown,
                        "configured: " + String.join(", ", new TreeSet<>(sources))));
            }
        }
        if (!problems.isEmpty()) {
            throw new RouteFileException(problems);
        }
        return spec;
    }

    /**
     * The file's values with the faulty ones replaced by their declared examples (the name by the
     * file's); null when even that fails.
     */
    private static OutputSpec standIn(
            OutputTemplate template, String name, TemplatedRouteYaml route, Set<String> faulty) {
        try {
            return OutputSpec.from(template, parameter -> {
                if (!faulty.contains(parameter)) {
                    return route.parameters().get(parameter);
                }
                // The settings are the file's own, whatever its name parameter says.
                return parameter.equals("name") ? name : OutputSpec.example(template, parameter);
            });
        } catch (InvalidParametersException stillInvalid) {
            return null;
        }
    }

    private static void add(List<RouteFileProblem> problems, TemplatedRouteYaml route, ParameterProblem problem) {
        if (!route.reported(problem.parameter())) {
            problems.add(route.atParameter(problem.parameter(), problem.message(), problem.hint()));
        }
    }
}
