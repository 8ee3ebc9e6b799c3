package dev.socialticker.ticker.routefile;

import dev.socialticker.ticker.routefile.problem.ParameterProblem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.camel.model.RouteTemplateDefinition;
import org.springframework.core.io.ClassPathResource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The one declaration of a route template's parameters, read from a JSON Schema in the shape of a
 * Camel Kamelet's {@code spec.definition} (title, description, type, default, example, pattern,
 * format). The template declares its parameters from it, a provider's or output's file is checked
 * against it, and the guides' parameter tables are rendered from it (tests keep them equal). Formats
 * beyond JSON Schema's own ({@code jsonpath}, {@code error-rules}) are checked by whoever declares
 * them; {@code regex} and {@code password} (a setting's name, nothing to check) are known here.
 *
 * <p>Not a Kamelet itself: measured on Camel 4.17, a Kamelet checks only {@code required}, leaves
 * its route running when the provider route that used it is removed (a reload leak), creates and
 * starts that route even when a file is only being checked, and puts every parameter, secrets
 * included, into an endpoint URI. The declaration keeps the Kamelet's form, so moving later is cheap.
 */
public final class TemplateDefinition {

    /** Checks a value of a format of its own; returns the problem, or null when the value is good. */
    @FunctionalInterface
    public interface FormatCheck {
        String problem(String parameter, String value);
    }

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
    private final Map<String, FormatCheck> formats;

    private TemplateDefinition(List<Parameter> parameters, Map<String, FormatCheck> formats) {
        this.parameters = List.copyOf(parameters);
        this.formats = Map.copyOf(formats);
    }

    public List<Parameter> parameters() {
        return parameters;
    }

    public Set<String> names() {
        Set<String> names = new java.util.LinkedHashSet<>();
        parameters.forEach(parameter -> names.add(parameter.name()));
        return names;
    }

    /** The example a parameter's declaration gives; empty for a parameter not declared here. */
    public Optional<String> example(String name) {
        return parameters.stream()
                .filter(parameter -> parameter.name().equals(name))
                .map(Parameter::example)
                .filter(Objects::nonNull)
                .findFirst();
    }

    /** Declares every parameter on the template, with its default when it has one. */
    public void declareOn(RouteTemplateDefinition template) {
        parameters.forEach(parameter -> template.templateParameter(
                parameter.name(), parameter.required() ? null : parameter.fallback(), parameter.description()));
    }

    /**
     * A file's values, defaults filled in, each checked against its declaration; every
     * problem found is added to {@code problems}.
     */
    public Map<String, String> read(Function<String, String> lookup, List<ParameterProblem> problems) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Parameter parameter : parameters) {
            String value = lookup.apply(parameter.name());
            if (value == null || value.isBlank()) {
                if (parameter.required()) {
                    problems.add(new ParameterProblem(
                            parameter.name(),
                            "parameter '" + parameter.name() + "' is required (" + parameter.title() + ", for example "
                                    + parameter.example() + ")"));
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

    private void check(Parameter parameter, String value, List<ParameterProblem> problems) {
        String name = parameter.name();
        if ("boolean".equals(parameter.type()) && !value.equals("true") && !value.equals("false")) {
            problems.add(
                    new ParameterProblem(name, "parameter '" + name + "' must be true or false, not '" + value + "'"));
        }
        if (parameter.pattern() != null && !Pattern.matches(parameter.pattern(), value)) {
            problems.add(new ParameterProblem(
                    name,
                    "parameter '" + name + "' must match " + parameter.pattern() + " (for example "
                            + parameter.example() + "), not '" + value + "'"));
        }
        if (parameter.format() == null) {
            return;
        }
        if ("regex".equals(parameter.format())) {
            try {
                Pattern.compile(value);
            } catch (PatternSyntaxException invalid) {
                problems.add(new ParameterProblem(
                        name, "parameter '" + name + "' is not a regular expression: " + invalid.getDescription()));
            }
            return;
        }
        FormatCheck format = formats.get(parameter.format());
        String problem = format == null ? null : format.problem(name, value);
        if (problem != null) {
            problems.add(new ParameterProblem(name, problem));
        }
    }

    /** The parameter table of a guide (routes/README.md, routes/outputs/README.md). */
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

    /** Reads a declaration from the class path; {@code formats} checks the formats beyond regex and password. */
    public static TemplateDefinition load(String resource, Map<String, FormatCheck> formats) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            Map<String, Object> schema = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            @SuppressWarnings("unchecked")
            List<String> required = (List<String>) schema.getOrDefault("required", List.of());
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> properties = (Map<String, Map<String, Object>>) schema.get("properties");
            List<Parameter> parameters = new ArrayList<>();
            properties.forEach((name, property) -> {
                String fallback = text(property.get("default"));
                String format = text(property.get("format"));
                if (format != null
                        && !format.equals("regex")
                        && !format.equals("password")
                        && !formats.containsKey(format)) {
                    throw new IllegalStateException(
                            resource + ": parameter '" + name + "' has format '" + format + "', which nothing checks");
                }
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
            return new TemplateDefinition(parameters, formats);
        } catch (IOException unreadable) {
            throw new UncheckedIOException("Cannot read " + resource, unreadable);
        }
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    /** A duration parameter's value ({@code 500ms}, {@code 5s}, {@code 2m}), already checked by its pattern. */
    public static Duration duration(String text) {
        if (text.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
        }
        long amount = Long.parseLong(text.substring(0, text.length() - 1));
        return text.endsWith("m") ? Duration.ofMinutes(amount) : Duration.ofSeconds(amount);
    }
}
