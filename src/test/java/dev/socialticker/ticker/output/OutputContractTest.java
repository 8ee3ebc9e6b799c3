package dev.socialticker.ticker.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

import dev.socialticker.ticker.routefile.RouteFile;
import dev.socialticker.ticker.routefile.TemplateDefinition;
import dev.socialticker.ticker.routefile.problem.ParameterProblem;
import dev.socialticker.ticker.routefile.problem.RouteFileException;
import dev.socialticker.ticker.routefile.problem.RouteFileProblem;
import dev.socialticker.ticker.routefile.problem.RouteFileText;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * An output file's mistakes are reported all at once, each at its line: a misspelt template does not
 * hide an unknown key, a missing parameter or a bad value after it. The templates here are the
 * built-in declarations (what a template checks beyond them, a setting being set, is
 * {@code OutputsTest}'s).
 */
class OutputContractTest {
    static final Map<String, OutputTemplate> TEMPLATES = new TreeMap<>();

    static {
        for (String id : List.of("webhook", "smiirl-push", "awtrix-http", "mqtt")) {
            TemplateDefinition definition = TemplateDefinition.load("output/" + id + ".definition.yaml", Map.of());
            TEMPLATES.put(id, new OutputTemplate() {
                @Override
                public String id() {
                    return id;
                }

                @Override
                public TemplateDefinition definition() {
                    return definition;
                }
            });
        }
    }

    static final Set<String> SOURCES = Set.of("github-octocat", "github-torvalds");

    @Test
    void aBadTemplateAMissingParameterAnUnknownKeyAndABadValueAreReportedTogether() {
        List<RouteFileProblem> problems = problems("hook", """
                - templatedRoute:
                    routeTemplateRef: webhok
                    routeId: output-hook
                    retries: 3
                    parameters:
                      - { name: colour, value: blue }
                      - { name: timeout, value: 5 seconds }
                """);

        assertThat(problems)
                .extracting(RouteFileProblem::line, RouteFileProblem::column, RouteFileProblem::message)
                .containsExactly(
                        tuple(2, 23, "routeTemplateRef 'webhok' is not an output template"),
                        tuple(4, 5, "unknown key 'retries' in templatedRoute"),
                        tuple(5, 5, "parameter 'name' is required (Output name," + " for example office-counter)"),
                        tuple(6, 17, "unknown parameter 'colour'"),
                        tuple(
                                7,
                                33,
                                "parameter 'timeout' must match [1-9][0-9]*(ms|s) (for example 2s), not"
                                        + " '5 seconds'"));
        assertThat(problems.get(0).hint()).startsWith("did you mean 'webhook'? built-in: awtrix-http, mqtt,");
        assertThat(problems.get(1).hint()).isEqualTo("the keys are routeTemplateRef, routeId, parameters");
    }

    @Test
    void aMisspeltKeyIsToldItsRightSpellingAndWhatItHoldsIsStillChecked() {
        List<RouteFileProblem> problems = problems("counter", """
                - templatedRoute:
                    routeTemplateRef: smiirl-push
                    routeId: output-counter
                    paramters:
                      - { name: name, value: counter }
                      - { nmae: sources, value: github-nobody }
                """);

        assertThat(problems)
                .extracting(RouteFileProblem::line, RouteFileProblem::message, RouteFileProblem::hint)
                .containsExactly(
                        tuple(4, "unknown key 'paramters' in templatedRoute", "did you mean 'parameters'?"),
                        tuple(4, "parameter 'mac' is required (Counter MAC, for example e08e3c37e388)", null),
                        tuple(6, "unknown key 'nmae' in a parameter", "did you mean 'name'?"),
                        tuple(
                                6,
                                "parameter 'sources' names unknown sources [github-nobody]",
                                "configured: github-octocat, github-torvalds"));
    }

    @Test
    void theFormOfEachParameterIsCheckedToo() {
        List<RouteFileProblem> problems = problems("hook", """
                - templatedRoute:
                    routeTemplateRef: webhook
                    routeId: output-hook
                    parameters:
                      - { name: name, value: hook }
                      - { name: url }
                      - { name: url, value: "https://b.example" }
                      - { value: github-octocat }
                      - { name: retries, value: [1, 2] }
                """);

        assertThat(problems)
                .extracting(RouteFileProblem::line, RouteFileProblem::message)
                .containsExactly(
                        tuple(6, "parameter 'url' has no value"),
                        tuple(7, "parameter 'url' is given twice"),
                        tuple(8, "a parameter without a name"),
                        tuple(9, "the value of parameter 'retries' is a list or a mapping; a value is text"));
        assertThat(problems.get(1).hint()).isEqualTo("it is first given at line 6; keep one");
    }

    @Test
    void aTemplatesOwnChecksRunThoughAnotherValueIsBad() {
        TemplateDefinition webhook = TemplateDefinition.load("output/webhook.definition.yaml", Map.of());
        // A template that checks what its declaration cannot: here, that the setting a file names is set.
        OutputTemplate strict = new OutputTemplate() {
            @Override
            public String id() {
                return "webhook";
            }

            @Override
            public TemplateDefinition definition() {
                return webhook;
            }

            @Override
            public List<ParameterProblem> problems(OutputSpec spec) {
                return List.of(
                        new ParameterProblem("bearer", "the setting " + spec.value("bearer") + " is not set", "set it"),
                        new ParameterProblem(null, "the login is incomplete", null));
            }
        };

        RouteFileException refused = catchThrowableOfType(
                RouteFileException.class,
                () -> OutputContract.check(file("hook"), text("""
                                - templatedRoute:
                                    routeTemplateRef: webhook
                                    routeId: output-hook
                                    parameters:
                                      - { name: name, value: hook }
                                      - { name: url, value: "https://hooks.example.com/ticker" }
                                      - { name: timeout, value: 5 seconds }
                                      - { name: bearer, value: hook-token }
                                """), Map.of("webhook", strict), SOURCES));

        assertThat(refused.problems())
                .extracting(RouteFileProblem::line, RouteFileProblem::message)
                .containsExactly(
                        tuple(4, "the login is incomplete"),
                        tuple(7, "parameter 'timeout' must match [1-9][0-9]*(ms|s) (for example 2s), not '5 seconds'"),
                        tuple(8, "the setting hook-token is not set"));
    }

    @Test
    void aGoodFileGivesItsParameters() throws RouteFileException {
        OutputSpec spec = OutputContract.check(file("hook"), text("""
                - templatedRoute:
                    routeTemplateRef: webhook
                    routeId: output-hook
                    parameters:
                      - { name: name, value: hook }
                      - { name: sources, value: "github-octocat, github-torvalds" }
                      - { name: url, value: "https://hooks.example.com/ticker" }
                      - { name: retries, value: "3" }
                """), TEMPLATES, SOURCES);

        assertThat(spec.template()).isEqualTo("webhook");
        assertThat(spec.sources()).containsExactlyInAnyOrder("github-octocat", "github-torvalds");
        assertThat(spec.retries()).isEqualTo(3);
    }

    @Test
    void aFileThatIsNotOneTemplatedRouteIsToldWhatItShouldBe() {
        assertThat(problems("hook", "- route:\n    from: { uri: direct:x }\n"))
                .singleElement()
                .satisfies(problem -> {
                    assertThat(problem.line()).isZero();
                    assertThat(problem.message())
                            .isEqualTo("an output file is exactly one templatedRoute of a built-in output template"
                                    + " (awtrix-http, mqtt, smiirl-push, webhook), routeId output-hook");
                });
    }

    private static List<RouteFileProblem> problems(String name, String yaml) {
        RouteFileException refused = catchThrowableOfType(
                RouteFileException.class, () -> OutputContract.check(file(name), text(yaml), TEMPLATES, SOURCES));
        assertThat(refused).as("refused").isNotNull();
        return refused.problems();
    }

    private static RouteFile file(String name) {
        return new RouteFile(
                name, "routes/outputs/" + name + RouteFile.SUFFIX, "file:" + name + RouteFile.SUFFIX, false);
    }

    private static RouteFileText text(String yaml) {
        try {
            return RouteFileText.of("routes/outputs/x.camel.yaml", yaml);
        } catch (RouteFileException notYaml) {
            throw new AssertionError(notYaml.getMessage(), notYaml);
        }
    }
}
