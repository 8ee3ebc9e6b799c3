package dev.socialticker.ticker.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.socialticker.ticker.support.ApiClient;
import dev.socialticker.ticker.support.SharedServiceTest;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.rest.RestDefinition;
import org.apache.camel.model.rest.VerbDefinition;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document at {@value ApiDocument#PATH}: valid OpenAPI 3, every operation the REST DSL
 * declares (and no other), each described, admin ones behind the bearer scheme, and a schema that
 * knows every field a real answer has.
 */
class OpenApiDocumentTest extends SharedServiceTest {
    static final Path KEPT = Path.of("src/test/resources/openapi/openapi.json");
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void isAValidOpenApi3DocumentOfEveryRestOperation() {
        HttpResponse<String> response = api.get(ApiDocument.PATH);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));

        OpenAPI document = parse(response.body());
        assertThat(document.getOpenapi()).startsWith("3.0.");

        int declared = 0;
        for (RestDefinition rest : ((ModelCamelContext) camel).getRestDefinitions()) {
            for (VerbDefinition verb : rest.getVerbs()) {
                if ("false".equals(verb.getApiDocs())) {
                    // The document's own operation (GET /api/openapi.json) is not listed in it.
                    assertThat(verb.getId()).isEqualTo("api-openapi");
                    continue;
                }
                declared++;
                String path = rest.getPath() + (verb.getPath() == null ? "" : verb.getPath());
                String method = verb.asVerb().toUpperCase(Locale.ROOT);
                PathItem item = document.getPaths().get(path);
                assertThat(item).as("%s in the document", path).isNotNull();
                Operation operation = item.readOperationsMap().get(PathItem.HttpMethod.valueOf(method));
                assertThat(operation).as("%s %s in the document", method, path).isNotNull();
                System.out.printf(
                        "[openapi] %-6s %-26s %s %s%n",
                        method,
                        path,
                        operation.getOperationId(),
                        operation.getResponses().keySet());
                assertThat(operation.getOperationId()).isEqualTo(verb.getId());
                assertThat(operation.getSummary())
                        .as("%s %s described", method, path)
                        .isNotBlank();
                assertThat(operation.getResponses())
                        .as("%s %s answers", method, path)
                        .isNotEmpty();
                operation
                        .getResponses()
                        .forEach((status, answer) -> assertThat(answer.getDescription())
                                .as("%s %s %s", method, path, status)
                                .isNotBlank());
                if (path.startsWith("/admin")) {
                    assertThat(operation.getSecurity())
                            .as("%s %s needs the token", method, path)
                            .anySatisfy(requirement -> assertThat(requirement).containsKey(ApiDocument.ADMIN_SCHEME));
                    assertThat(operation.getResponses()).containsKey("401");
                } else {
                    assertThat(operation.getSecurity())
                            .as("%s %s is public, and says so", method, path)
                            .isEmpty();
                }
                assertThat(operation.getResponses().keySet())
                        .as("%s %s names a 4XX answer", method, path)
                        .anyMatch(status -> status.startsWith("4"));
                if (path.contains("{id}")) {
                    assertThat(operation.getParameters()).anySatisfy(parameter -> {
                        assertThat(parameter.getName()).isEqualTo("id");
                        assertThat(parameter.getIn()).isEqualTo("path");
                    });
                }
            }
        }
        long documented = document.getPaths().values().stream()
                .mapToLong(item -> item.readOperations().size())
                .sum();
        assertThat(declared).as("the admin API is on in this test").isEqualTo(18);
        assertThat(documented).as("no operation the REST DSL does not declare").isEqualTo(declared);

        SecurityScheme bearer = document.getComponents().getSecuritySchemes().get(ApiDocument.ADMIN_SCHEME);
        assertThat(bearer.getType()).isEqualTo(SecurityScheme.Type.HTTP);
        assertThat(bearer.getScheme()).isEqualTo("bearer");
        // Paths are relative to the one server entry, the API's base path.
        assertThat(document.getServers())
                .singleElement()
                .satisfies(server -> assertThat(server.getUrl()).isEqualTo("/api"));
        Operation metrics = document.getPaths().get("/metrics").getGet();
        assertThat(metrics.getResponses().get("200").getHeaders())
                .containsKeys("Cache-Control", "ETag", "Last-Modified");
        assertThat(metrics.getResponses()).containsKeys("200", "304", "400", "503");
        assertThat(metrics.getParameters())
                .anySatisfy(parameter -> assertThat(parameter.getSchema().getEnum())
                        .containsExactly("smiirl", "shields", "lametric", "awtrix"));
        Operation badge = document.getPaths().get("/metrics/{id}/badge.svg").getGet();
        assertThat(badge.getResponses()).containsKeys("200", "304", "400", "404");
        // A badge's refusals are badges; a problem is JSON alone, whatever else an operation produces.
        for (String status : List.of("200", "400", "404")) {
            assertThat(badge.getResponses().get(status).getContent()).as(status).containsOnlyKeys("image/svg+xml");
        }
        assertThat(document.getPaths()
                        .get("/metrics/badge.svg")
                        .getGet()
                        .getResponses()
                        .get("400")
                        .getContent())
                .containsOnlyKeys("application/json");
        assertThat(document.getPaths()
                        .get("/metrics/{id}/history")
                        .getGet()
                        .getResponses()
                        .get("404")
                        .getContent())
                .containsOnlyKeys("application/json");
    }

    /**
     * The document as served is the one kept in the repository, which {@code .ci/lint} checks with
     * Redocly's recommended rules: a change to the API shows up as a change to that file.
     * {@code ./mvnw test -Dtest=OpenApiDocumentTest -Dopenapi.write=true} rewrites it.
     */
    @Test
    void isTheDocumentKeptInTheRepository() throws IOException {
        String served = api.get(ApiDocument.PATH).body();
        if (Boolean.getBoolean("openapi.write")) {
            Files.writeString(
                    KEPT, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(served)) + "\n");
        }
        // Compared as JSON trees; on a difference the message says what to do (both documents are long).
        assertThat(JSON.readTree(served).equals(JSON.readTree(Files.readString(KEPT))))
                .as(
                        "%s differs from the served document: after a deliberate API change, rerun with "
                                + "-Dopenapi.write=true and review the diff",
                        KEPT)
                .isTrue();
    }

    @Test
    void isYamlWhenAskedFor() {
        HttpResponse<String> response = api.get(ApiDocument.PATH, "Accept", "application/yaml");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("openapi: 3.0.3").contains("security: []");
    }

    @Test
    void theSchemaKnowsEveryFieldOfARealAnswer() {
        everySourceRefreshed();
        JsonNode body = await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> ApiClient.json(api.get("/api/metrics")),
                        json -> json.path("total").isNumber());
        OpenAPI document = parse(api.get(ApiDocument.PATH).body());

        assertThat(propertiesOf(document, "MetricsDocument")).containsExactlyElementsOf(fieldsOf(body));
        assertThat(propertiesOf(document, "SourceDocument"))
                .containsExactlyElementsOf(fieldsOf(body.path("sources").get(0)));
        assertThat(propertiesOf(document, "UiConfig"))
                .containsExactlyInAnyOrderElementsOf(fieldsOf(ApiClient.json(api.get("/api/ui-config"))));
        assertThat(propertiesOf(document, "ProblemError"))
                .containsExactlyElementsOf(
                        fieldsOf(ApiClient.json(api.get("/api/metrics/nope")).path("error")));
    }

    @Test
    void echoesNoRequestHeaderBack() {
        HttpResponse<String> response =
                api.get(ApiDocument.PATH, "Authorization", "Bearer not-for-echo", "X-Request-Tag", "echo-me");
        assertThat(response.headers().map().keySet())
                .map(name -> name.toLowerCase(Locale.ROOT))
                .doesNotContain("authorization", "x-request-tag", "user-agent");
    }

    private static OpenAPI parse(String json) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(json, null, options);
        assertThat(result.getMessages()).as("OpenAPI 3 validation messages").isEmpty();
        return result.getOpenAPI();
    }

    private static List<String> propertiesOf(OpenAPI document, String schema) {
        Schema<?> model = document.getComponents().getSchemas().get(schema);
        assertThat(model).as("schema %s", schema).isNotNull();
        return List.copyOf(model.getProperties().keySet());
    }

    private static List<String> fieldsOf(JsonNode object) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
