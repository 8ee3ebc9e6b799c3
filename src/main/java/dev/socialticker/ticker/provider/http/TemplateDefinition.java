package dev.socialticker.ticker.provider.http;

import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.springframework.core.io.ClassPathResource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The one declaration of a route template's parameters, read from a JSON Schema in the shape of a
 * Camel Kamelet's {@code spec.definition} (title, description, type, default, example, pattern,
 * format). The template declares its parameters from it, a provider file's values are checked
 * against it, and routes/README.md's parameter table is rendered from it (a test keeps them equal).
 *
 * <p>Not a Kamelet itself: measured on Camel 4.17, a Kamelet checks only {@code required}, leaves
 * its route running when the provider route that used it is removed (a reload leak), creates and
 * starts that route even when a file is only being checked, and puts every parameter, secrets
 * included, into an endpoint URI. The declaration keeps the Kamelet's form, so moving later is cheap.
 */
public final class TemplateDefinition {
    static final TemplateDefinition JSON_OVER_HTTP = load("provider/json-over-http.definition.yaml");

    /** One declared parameter; {@code fallback} is its default, null when it is required. */
    public record Parameter(
            String name,
            String title,
            String description,
            String type,
            String fallback,
            String pattern,
            String format,
            String example) {

        public boolean required() {
            return fallback == null;
        }

        public boolean secret() {
            return "password".equals(format);
        }
    }

    private final List<Parameter> parameters;

    private TemplateDefinition(List<Parameter> parameters) {
        this.parameters = List.copyOf(parameters);
    }

    public List<Parameter> parameters() {
        return parameters;
    }

    public Set<String> names() {
        Set<String> names = new java.util.LinkedHashSet<>();
        parameters.forEach(parameter -> names.add(parameter.name()));
        return names;
    }

    /**
     * A provider file's values, defaults filled in, each checked against its declaration; every
     * problem found is added to {@code problems}.
     */
    public Map<String, String> read(Function<String, String> lookup, List<String> problems) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Parameter parameter : parameters) {
            String value = lookup.apply(parameter.name());
            if (value == null || value.isBlank()) {
                if (parameter.required()) {
                    problems.add("parameter '" + parameter.name() + "' is required (" + parameter.title()
                            + ", for example " + parameter.example() + ")");
                }
                value = parameter.required() ? "" : parameter.fallback();
            }
            value = value.strip();
            values.put(parameter.name(), value);
            if (!value.isEmpty()) {
                check(parameter, value, problems);
            }
        }
        return values;
    }

    private static void check(Parameter parameter, String value, List<String> problems) {
        String name = parameter.name();
        if ("boolean".equals(parameter.type()) && !value.equals("true") && !value.equals("false")) {
            problems.add("parameter '" + name + "' must be true or false, not '" + value + "'");
        }
        if (parameter.pattern() != null && !Pattern.matches(parameter.pattern(), value)) {
            problems.add("parameter '" + name + "' must match " + parameter.pattern() + " (for example "
                    + parameter.example() + "), not '" + value + "'");
        }
        if (parameter.format() == null) {
            return;
        }
        switch (parameter.format()) {
            case "jsonpath" -> {
                try {
                    JsonPath.compile(value);
                } catch (InvalidPathException | IllegalArgumentException invalid) {
                    problems.add("parameter '" + name + "' is not a JSONPath: " + invalid.getMessage());
                }
            }
            case "regex" -> {
                try {
                    Pattern.compile(value);
                } catch (PatternSyntaxException invalid) {
                    problems.add("parameter '" + name + "' is not a regular expression: " + invalid.getDescription());
                }
            }
            case "error-rules" -> {
                try {
                    ErrorRules.parse(value);
                } catch (IllegalArgumentException invalid) {
                    problems.add(invalid.getMessage());
                }
            }
            default -> {
                // password: a setting's name, nothing to check in the file itself
            }
        }
    }

    /** The parameter table of routes/README.md. */
    public String markdownTable() {
        StringBuilder table = new StringBuilder("| parameter | default | meaning |\n|---|---|---|\n");
        for (Parameter parameter : parameters) {
            String fallback = parameter.required()
                    ? "required"
                    : parameter.fallback().isEmpty() ? "empty" : "`" + parameter.fallback() + "`";
            table.append("| `")
                    .append(parameter.name())
                    .append("` | ")
                    .append(fallback)
                    .append(" | ")
                    .append(parameter.description())
                    .append(" |\n");
        }
        return table.toString();
    }

    static TemplateDefinition load(String resource) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            Map<String, Object> schema = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            @SuppressWarnings("unchecked")
            List<String> required = (List<String>) schema.getOrDefault("required", List.of());
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> properties = (Map<String, Map<String, Object>>) schema.get("properties");
            List<Parameter> parameters = new ArrayList<>();
            properties.forEach((name, property) -> {
                String fallback = text(property.get("default"));
                if (required.contains(name) == (fallback != null)) {
                    throw new IllegalStateException(
                            resource + ": parameter '" + name + "' must be either required or have a default");
                }
                parameters.add(new Parameter(
                        name,
                        text(property.get("title")),
                        text(property.get("description")),
                        text(property.get("type")),
                        fallback,
                        text(property.get("pattern")),
                        text(property.get("format")),
                        text(property.get("example"))));
            });
            return new TemplateDefinition(parameters);
        } catch (IOException unreadable) {
            throw new UncheckedIOException("Cannot read " + resource, unreadable);
        }
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }
}
