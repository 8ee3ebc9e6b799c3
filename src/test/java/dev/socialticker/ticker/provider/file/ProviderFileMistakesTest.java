package dev.socialticker.ticker.provider.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

import dev.socialticker.ticker.provider.http.JsonOverHttpTemplate;
import dev.socialticker.ticker.routefile.RouteFile;
import dev.socialticker.ticker.routefile.problem.RouteFileException;
import dev.socialticker.ticker.routefile.problem.RouteFileProblem;
import dev.socialticker.ticker.routefile.problem.RouteFileText;
import java.time.Clock;
import java.util.List;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A provider file's mistakes are reported all at once, each at its line: on the template every key
 * and parameter is checked though one is misspelt; a plain route's breaches of the contract and a step
 * that cannot be built are reported together; a key Camel does not know is shown where it is written.
 */
class ProviderFileMistakesTest {
    private DefaultCamelContext context;

    @BeforeEach
    void camel() throws Exception {
        context = new DefaultCamelContext();
        context.addRoutes(new JsonOverHttpTemplate(null, Clock.systemUTC()));
        // One of the service's own routes, which a provider must not call.
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:invalidate-cache").routeId("invalidate-cache").log("invalidated");
            }
        });
    }

    @AfterEach
    void stop() {
        context.stop();
    }

    @Test
    void everyMistakeOfAFileOnTheTemplateIsReportedAtItsLine() {
        List<RouteFileProblem> problems = problems("acme", """
                - templatedRoute:
                    routeTemplateRef: json-over-http
                    routeId: provider-acme
                    prefixId: acme
                    parameters:
                      - { name: name, value: acme }
                      - { name: baseUrl, value: "ftp://api.acme.example" }
                      - { name: path, value: "/users/{account}" }
                      - { name: cout, value: "$.followers" }
                      - { name: credentialRequired, value: maybe }
                """);

        assertThat(problems)
                .extracting(RouteFileProblem::line, RouteFileProblem::message)
                .containsExactly(
                        tuple(4, "'prefixId' is not used in these files"),
                        tuple(5, "parameter 'count' is required (Count, for example $.followers)"),
                        tuple(
                                7,
                                "parameter 'baseUrl' must match https?://.+ (for example https://api.github.com),"
                                        + " not 'ftp://api.acme.example'"),
                        tuple(9, "unknown parameter 'cout'"),
                        tuple(10, "parameter 'credentialRequired' must be true or false, not 'maybe'"));
        assertThat(problems.get(3).hint()).isEqualTo("did you mean 'count'?");
    }

    @Test
    void aPlainRoutesBreachesAndAStepThatCannotBeBuiltAreReportedTogether() {
        List<RouteFileProblem> problems = problems("plain", """
                - route:
                    id: provider-plain
                    from:
                      uri: direct:provider-plain
                      steps:
                        - doTry:
                            steps:
                              - to: { uri: direct:invalidate-cache }
                        - to: { uri: "nosuchcomponent:somewhere" }
                """);

        assertThat(problems)
                .extracting(RouteFileProblem::line, RouteFileProblem::message)
                .containsExactly(
                        tuple(
                                6,
                                "route handles failures itself (doTry); failures are classified, retried and"
                                        + " recorded by the shared refresh route"),
                        tuple(
                                8,
                                "route calls the service's own direct:invalidate-cache; a provider only returns its"
                                        + " result headers"),
                        tuple(
                                9,
                                "route cannot be built: No endpoint could be found for: nosuchcomponent://somewhere,"
                                        + " please check your classpath contains the needed Camel component jar."));
    }

    @Test
    void aKeyCamelDoesNotKnowIsShownWhereItIsWritten() {
        List<RouteFileProblem> problems = problems("plain", """
                - route:
                    id: provider-plain
                    frm:
                      uri: direct:provider-plain
                """);

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.block("routes/plain.camel.yaml")).isEqualTo("""
                                    routes/plain.camel.yaml:3:5: unknown key 'frm'
                                      3 |     frm:
                                        |     ^
                                      hint: Camel's YAML DSL has no 'frm' here""");
        });
    }

    @Test
    void aGoodFileIsChecked() throws RouteFileException {
        ProviderContract.Checked checked = ProviderContract.check(context, file("acme"), text("""
                - templatedRoute:
                    routeTemplateRef: json-over-http
                    routeId: provider-acme
                    parameters:
                      - { name: name, value: acme }
                      - { name: baseUrl, value: "https://api.acme.example" }
                      - { name: path, value: "/users/{account}" }
                      - { name: count, value: "$.followers" }
                """));

        assertThat(checked.provider().spec().baseUrl()).isEqualTo("https://api.acme.example");
        assertThat(checked.builder().getTemplatedRouteCollection().getTemplatedRoutes())
                .hasSize(1);
    }

    private List<RouteFileProblem> problems(String name, String yaml) {
        RouteFileException refused = catchThrowableOfType(
                RouteFileException.class, () -> ProviderContract.check(context, file(name), text(yaml)));
        assertThat(refused).as("refused").isNotNull();
        return refused.problems();
    }

    private static RouteFile file(String name) {
        return new RouteFile(name, "routes/" + name + RouteFile.SUFFIX, name + RouteFile.SUFFIX, false);
    }

    private static RouteFileText text(String yaml) {
        try {
            return RouteFileText.of("routes/x.camel.yaml", yaml);
        } catch (RouteFileException notYaml) {
            throw new AssertionError(notYaml.getMessage(), notYaml);
        }
    }
}
