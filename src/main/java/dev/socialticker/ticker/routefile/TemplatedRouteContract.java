package dev.socialticker.ticker.routefile;

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
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * What a file that is one built-in template's parameters must be (an output file, an alert channel
 * file), checked on its YAML before any of it runs: exactly one {@code templatedRoute} of a built-in
 * template of its kind, with the route id {@code <kind>-<name>}, known parameters whose values fit
 * their declarations, the name of its file, and what its template checks beyond (a setting that must
 * be set). Such a file is a template's parameters, nothing else: its retries, timeouts and dead letters
 * are the service's, so one written by hand could not be kept from blocking its worker or the others.
 *
 * <p>Every mistake is reported at once, each at its line: a misspelt template still has its other
 * parameters checked (those every file of the kind has, and any that no template knows).
 *
 * @param <S> what a good file is read into (an output's spec, a channel's)
 */
public final class TemplatedRouteContract<S> {

    /**
     * What one kind of file has: its word, its templates, the parameters every file of it has.
     *
     * @param <S> what a good file is read into
     */
    public interface Kind<S> {
        /** How messages name a file of it: "output", "channel". */
        String noun();

        /** The guide to copy an example from: "routes/outputs/README.md". */
        String guide();

        /** A file's route id: {@code output-<name>}. */
        String routeId(String name);

        /** The parameters every file of this kind has. */
        TemplateDefinition common();

        /** The built-in templates' ids. */
        Set<String> templates();

        /** A template's own parameters; null for an unknown id. */
        TemplateDefinition definition(String template);

        /**
         * The file's values read and checked; {@code lookup} returns null for a parameter not given.
         *
         * @throws InvalidParametersException listing every problem found
         */
        S read(String template, Function<String, String> lookup);

        /** What the template checks beyond its declarations (a setting that must be set). */
        List<ParameterProblem> problems(S spec);

        /** What else this kind checks of a file (sources that exist), given the parameters found faulty. */
        default List<RouteFileProblem> more(TemplatedRouteYaml route, Set<String> faulty) {
            return List.of();
        }
    }

    private final Kind<S> kind;

    public TemplatedRouteContract(Kind<S> kind) {
        this.kind = kind;
    }

    /** @throws RouteFileException naming every problem found */
    public S check(RouteFile file, RouteFileText text) throws RouteFileException {
        String name = file.name();
        String id = kind.routeId(name);
        String noun = kind.noun();
        String a = "aeiou".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ";
        Set<String> builtIn = new TreeSet<>(kind.templates());
        TemplatedRouteYaml route = TemplatedRouteYaml.of(text)
                .orElseThrow(() -> new RouteFileException(List.of(RouteFileProblem.of(
                        a + noun + " file is exactly one templatedRoute of a built-in " + noun + " template ("
                                + String.join(", ", builtIn) + "), routeId " + id,
                        "copy an example from " + kind.guide()))));
        List<RouteFileProblem> problems = new ArrayList<>(route.problems());

        String template = route.templateRef();
        TemplateDefinition definition = template == null ? null : kind.definition(template);
        if (template == null) {
            problems.add(route.atTemplateRef("routeTemplateRef is missing", "one of " + String.join(", ", builtIn)));
        } else if (definition == null) {
            String guess = Spelling.suggestion(template, builtIn);
            problems.add(route.atTemplateRef(
                    "routeTemplateRef '" + template + "' is not " + a + noun + " template",
                    (guess == null ? "" : guess + " ") + "built-in: " + String.join(", ", builtIn)));
        }
        route.routeIdProblem(id, name + RouteFile.SUFFIX).ifPresent(problems::add);

        // With no template to go by, a parameter no template declares is still unknown for sure.
        Set<String> known = new LinkedHashSet<>(kind.common().names());
        if (definition != null) {
            known.addAll(definition.names());
        } else {
            builtIn.forEach(each -> known.addAll(kind.definition(each).names()));
        }
        for (String parameter : route.parameters().keySet()) {
            if (!known.contains(parameter)) {
                String guess = Spelling.suggestion(parameter, known);
                problems.add(route.atParameterName(
                        parameter,
                        "unknown parameter '" + parameter + "'",
                        guess != null
                                ? guess
                                : definition != null
                                        ? "known: " + String.join(", ", known)
                                        : "no " + noun + " template has it"));
            }
        }

        S spec = null;
        Set<String> faulty = new HashSet<>();
        if (definition == null) {
            List<ParameterProblem> common = new ArrayList<>();
            kind.common().read(route.parameters()::get, common);
            common.forEach(problem -> {
                add(problems, route, problem);
                faulty.add(problem.parameter());
            });
        } else {
            try {
                spec = kind.read(template, route.parameters()::get);
            } catch (InvalidParametersException invalid) {
                invalid.problems().forEach(problem -> {
                    add(problems, route, problem);
                    faulty.add(problem.parameter());
                });
            }
            // The template's own checks (a setting that must be set) need every value: with the faulty
            // ones at their declared examples, they still run, and say nothing more of those.
            S checked = spec != null ? spec : standIn(template, definition, name, route, faulty);
            if (checked != null) {
                kind.problems(checked).stream()
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
        problems.addAll(kind.more(route, faulty));
        if (!problems.isEmpty()) {
            throw new RouteFileException(problems);
        }
        return spec;
    }

    /**
     * The file's values with the faulty ones replaced by their declared examples (the name by the
     * file's); null when even that fails.
     */
    private S standIn(
            String template, TemplateDefinition definition, String name, TemplatedRouteYaml route, Set<String> faulty) {
        try {
            return kind.read(template, parameter -> {
                if (!faulty.contains(parameter)) {
                    return route.parameters().get(parameter);
                }
                // The settings are the file's own, whatever its name parameter says.
                return parameter.equals("name")
                        ? name
                        : kind.common()
                                .example(parameter)
                                .orElseGet(() -> definition.example(parameter).orElse(null));
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
