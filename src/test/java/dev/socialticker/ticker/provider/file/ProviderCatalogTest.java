package dev.socialticker.ticker.provider.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.socialticker.ticker.provider.contract.RefreshStepConfiguration;
import dev.socialticker.ticker.provider.http.JsonOverHttpSpec;
import dev.socialticker.ticker.provider.http.JsonOverHttpTemplate;
import dev.socialticker.ticker.routefile.RouteFile;
import dev.socialticker.ticker.routefile.RouteFiles;
import dev.socialticker.ticker.routefile.TemplateDefinition;
import dev.socialticker.ticker.routefile.problem.ParameterProblem;
import dev.socialticker.ticker.routefile.problem.RouteFileText;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.Model;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.RouteTemplateDefinition;
import org.apache.camel.model.RouteTemplateParameterDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Every file under {@code routes/} keeps the provider contract: it parses, defines exactly
 * {@code provider-<name>} from {@code direct:provider-<name>}, calls none of the service's routes, and handles no
 * failure itself, both as written and as the route the template makes of it.
 */
public class ProviderCatalogTest {
    static final Path ROUTES = Path.of("routes");

    private DefaultCamelContext context;

    @BeforeEach
    void camel() throws Exception {
        context = new DefaultCamelContext();
        context.addRoutes(new JsonOverHttpTemplate(null, Clock.systemUTC()));
    }

    @AfterEach
    void stop() {
        context.stop();
    }

    static Stream<Path> providerFiles() throws IOException {
        try (Stream<Path> files = Files.list(ROUTES)) {
            return files
                    .filter(Files::isRegularFile)
                    .filter(file -> !file.getFileName().toString().equals("README.md"))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providerFiles")
    void keepsTheProviderContract(Path path) throws Exception {
        String name = RouteFile.nameOf(path.getFileName().toString());
        assertThat(name).as("file name <provider>.camel.yaml").isNotNull();
        RouteFile file = new RouteFile(name, path.toString(), "file:" + path.toAbsolutePath(), false);

        ProviderContract.Checked checked = ProviderContract.check(context, file, RouteFiles.read(context, file));
        ProviderCatalog.Loaded provider = checked.provider();
        context.addRoutes(checked.builder());
        context.addTemplatedRoutes(checked.builder());

        RouteDefinition route =
                context.getCamelContextExtension().getContextPlugin(Model.class).getRouteDefinition("provider-" + name);
        assertThat(route).as("route provider-" + name).isNotNull();
        // Read before breaches(), which points a hand-written route at the shared configuration.
        assertThat(route.getRouteConfigurationId()).isEqualTo(RefreshStepConfiguration.ID);
        assertThat(ProviderContract.breaches(name, route, ProviderContract.internalEndpoints(context)))
                .isEmpty();
        assertThat(provider.spec()).as("built-in providers use the template").isNotNull();
        assertThat(Files.readString(path, StandardCharsets.UTF_8))
                .as("says what it calls")
                .startsWith("# ");
    }

    /**
     * Integrators edit provider files in tools that validate against Camel's YAML DSL schema (shipped
     * in camel-yaml-dsl as {@code schema/camelYamlDsl.json}); every file in routes/ passes it.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("providerFiles")
    void matchesCamelsYamlDslSchema(Path path) throws IOException {
        assertThat(yamlDslViolations(Files.readString(path, StandardCharsets.UTF_8)))
                .isEmpty();
    }

    @ParameterizedTest
    @MethodSource("guideExamples")
    void theGuidesExamplesMatchCamelsYamlDslSchema(String yaml) {
        assertThat(yamlDslViolations(yaml)).isEmpty();
    }

    @Test
    void theSchemaCheckCatchesAMistake() {
        assertThat(yamlDslViolations("- route:\n    id: provider-x\n    frm:\n      uri: direct:provider-x\n"))
                .isNotEmpty();
    }

    private static Set<String> yamlDslViolations(String yaml) {
        Object parsed = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        Set<String> violations = new TreeSet<>();
        YamlDslSchema.SCHEMA
                .validate(new ObjectMapper().valueToTree(parsed))
                .forEach(message -> violations.add(message.getMessage()));
        return violations;
    }

    /** Camel's YAML DSL schema, read once: it is large, and every check above would read it again. */
    private static final class YamlDslSchema {
        static final JsonSchema SCHEMA = load();

        private static JsonSchema load() {
            try (InputStream schema = org.apache.camel.dsl.yaml.YamlRoutesBuilderLoader.class.getResourceAsStream(
                    "/schema/camelYamlDsl.json")) {
                return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(schema);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Test
    void theSevenBuiltInProvidersAreThere() throws IOException {
        // "contains": an integrator's own file in routes/ is checked above, not refused here.
        assertThat(providerFiles().map(file -> file.getFileName().toString()))
                .contains(
                        "bluesky.camel.yaml",
                        "github.camel.yaml",
                        "instagram.camel.yaml",
                        "mastodon.camel.yaml",
                        "threads.camel.yaml",
                        "twitch.camel.yaml",
                        "youtube.camel.yaml");
    }

    /** The provider files shown in routes/README.md, so the guide's examples cannot rot. */
    static Stream<String> guideExamples() throws IOException {
        String guide = Files.readString(ROUTES.resolve("README.md"), StandardCharsets.UTF_8);
        Matcher block = Pattern.compile("(?m)^( *)```yaml\\n(.*?)^\\1```", Pattern.DOTALL)
                .matcher(guide);
        List<String> examples = new ArrayList<>();
        while (block.find()) {
            // A block inside a numbered step is indented like its fence.
            String yaml = block.group(2).replaceAll("(?m)^" + block.group(1), "");
            if (yaml.contains("provider-")) {
                examples.add(yaml);
            }
        }
        return examples.stream();
    }

    @ParameterizedTest
    @MethodSource("guideExamples")
    void theGuidesExamplesKeepTheContract(String yaml) throws Exception {
        Matcher id = Pattern.compile("(?:routeId|id): provider-([a-z0-9-]+)").matcher(yaml);
        assertThat(id.find()).isTrue();
        String name = id.group(1);
        RouteFile file = new RouteFile(name, "routes/README.md", name + RouteFile.SUFFIX, false);
        // The guide's plain route reads the setting it tells the reader to set; the check builds the route.
        context.getPropertiesComponent().addInitialProperty("ticker.providers.manual.count", "1500");

        ProviderContract.check(context, file, RouteFileText.of(file.location(), yaml));
    }

    @Test
    void theGuideShowsTheTemplateAndAPlainRoute() throws IOException {
        assertThat(guideExamples().toList())
                .hasSizeGreaterThanOrEqualTo(3)
                .anyMatch(yaml -> yaml.contains("templatedRoute:"))
                .anyMatch(yaml -> yaml.contains("- route:"));
    }

    @Test
    void theIntegratorGuidesParameterTableIsTheDeclaration() throws IOException {
        String guide = Files.readString(ROUTES.resolve("README.md"), StandardCharsets.UTF_8);
        assertThat(guide).contains(JsonOverHttpSpec.DEFINITION.markdownTable());
    }

    /** Like the Kamelet catalog's validator: nothing declared goes unread, nothing read is undeclared. */
    @Test
    void everyDeclaredParameterIsReadAndEveryParameterReadIsDeclared() {
        Set<String> declared = JsonOverHttpSpec.DEFINITION.names();
        // What the template's code uses is the spec it builds from the values: one component each.
        assertThat(Stream.of(JsonOverHttpSpec.class.getRecordComponents()).map(RecordComponent::getName))
                .containsExactlyInAnyOrderElementsOf(declared);
        RouteTemplateDefinition template = context.getCamelContextExtension()
                .getContextPlugin(Model.class)
                .getRouteTemplateDefinition(JsonOverHttpTemplate.ID);
        Set<String> placeholders = new TreeSet<>();
        Matcher placeholder = Pattern.compile("\\{\\{([A-Za-z0-9]+)}}").matcher(template.toString());
        while (placeholder.find()) {
            placeholders.add(placeholder.group(1));
        }
        Set<String> beans = new TreeSet<>();
        template.getTemplateBeans().forEach(bean -> beans.add(bean.getName()));
        placeholders.removeAll(beans);
        assertThat(declared).as("placeholders of the template").containsAll(placeholders);
        assertThat(template.getTemplateParameters())
                .extracting(RouteTemplateParameterDefinition::getName)
                .containsExactlyElementsOf(declared);
    }

    @Test
    void eachDeclaredExampleIsValidAndEachDeclarationIsComplete() {
        for (TemplateDefinition.Parameter parameter : JsonOverHttpSpec.DEFINITION.parameters()) {
            assertThat(parameter.title()).as(parameter.name()).isNotBlank();
            assertThat(parameter.description()).as(parameter.name()).isNotBlank();
            assertThat(parameter.example()).as(parameter.name()).isNotBlank();
            List<ParameterProblem> problems = new ArrayList<>();
            JsonOverHttpSpec.DEFINITION.read(
                    name -> name.equals(parameter.name()) ? parameter.example() : null, problems);
            // Only the other required parameters may be missing: the example itself passes every check.
            assertThat(problems)
                    .as(parameter.name())
                    .allMatch(problem -> problem.message().contains(" is required (")
                            && !problem.parameter().equals(parameter.name()));
        }
        assertThat(JsonOverHttpSpec.DEFINITION.parameters())
                .filteredOn(TemplateDefinition.Parameter::secret)
                .extracting(TemplateDefinition.Parameter::name)
                .containsExactly("credential");
    }

    @Test
    void aValueAgainstItsDeclarationIsRefusedSayingWhatIsExpected() {
        assertThatThrownBy(() -> JsonOverHttpSpec.from(Map.of(
                        "name",
                        "Git Hub",
                        "baseUrl",
                        "ftp://x",
                        "path",
                        "/u",
                        "count",
                        "$.[",
                        "credentialRequired",
                        "maybe",
                        "errors",
                        "- code: NOPE")::get))
                .hasMessageContaining(
                        "parameter 'name' must match [a-z0-9][a-z0-9-]{0,40} (for example github), not 'Git Hub'")
                .hasMessageContaining("parameter 'baseUrl' must match https?://.+")
                .hasMessageContaining("parameter 'count' is not a JSONPath")
                .hasMessageContaining("parameter 'credentialRequired' must be true or false, not 'maybe'")
                .hasMessageContaining("errors[0].code must be one of");
        assertThatThrownBy(() -> JsonOverHttpSpec.from(name -> null))
                .hasMessageContaining("parameter 'count' is required (Count, for example $.followers)");
    }
}
