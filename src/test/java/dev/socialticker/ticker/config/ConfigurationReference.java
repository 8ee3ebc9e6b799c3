package dev.socialticker.ticker.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The key/type/default/description table of docs/configuration.md, rendered from the configuration
 * metadata the build writes (spring-boot-configuration-processor reads the feature records' Javadoc,
 * and merges META-INF/additional-spring-configuration-metadata.json for the free-form provider
 * settings), so the page says what the service accepts: one declaration per key, as Boot's own
 * reference is generated.
 */
final class ConfigurationReference {
    static final String METADATA = "/META-INF/spring-configuration-metadata.json";
    static final String BEGIN = "<!-- BEGIN GENERATED: configuration reference, rendered by ConfigurationReferenceTest"
            + " from the configuration metadata; edit the records' Javadoc, not this table -->";
    static final String END = "<!-- END GENERATED: configuration reference -->";

    private ConfigurationReference() {}

    /** Every {@code ticker.*} property of the metadata, by name. */
    static List<JsonNode> properties() throws IOException {
        try (InputStream in = ConfigurationReference.class.getResourceAsStream(METADATA)) {
            if (in == null) {
                throw new IllegalStateException(METADATA + " is not on the class path: build with Maven, whose"
                        + " spring-boot-configuration-processor writes it");
            }
            List<JsonNode> properties = new ArrayList<>();
            for (JsonNode property : new ObjectMapper().readTree(in).path("properties")) {
                if (property.path("name").asText().startsWith("ticker.")) {
                    properties.add(property);
                }
            }
            properties.sort(
                    Comparator.comparing(property -> property.path("name").asText()));
            return properties;
        }
    }

    /** The generated section, markers included. */
    static String render(List<JsonNode> properties) {
        StringBuilder table = new StringBuilder(BEGIN)
                .append('\n')
                .append("| key | type | default | description |\n")
                .append("|---|---|---|---|\n");
        for (JsonNode property : properties) {
            JsonNode defaultValue = property.path("defaultValue");
            table.append("| `")
                    .append(property.path("name").asText())
                    .append("` | ")
                    .append(type(property.path("type").asText()))
                    .append(" | ")
                    .append(
                            defaultValue.isMissingNode() || defaultValue.isNull()
                                    ? "—"
                                    : "`" + defaultValue.asText() + "`")
                    .append(" | ")
                    .append(escape(property.path("description").asText()))
                    .append(" |\n");
        }
        return table.append(END).toString();
    }

    /**
     * A Java type as a reader of YAML thinks of it: {@code java.time.Duration} as {@code Duration}
     * (written {@code 10s}), an enum as its values.
     */
    static String type(String javaType) {
        if (javaType.contains("<")) {
            // Every name simple, at any depth: Map<String, Map<String, String>>.
            return javaType.replaceAll("[A-Za-z0-9_]+[.$]", "")
                    .replace(",", ", ")
                    .replace("<", "&lt;")
                    .replace(">", "&gt;");
        }
        try {
            Class<?> type = Class.forName(javaType, false, ConfigurationReference.class.getClassLoader());
            if (type.isEnum()) {
                return Arrays.stream(type.getEnumConstants())
                        .map(value -> "`" + value.toString().toLowerCase(Locale.ROOT) + "`")
                        .collect(Collectors.joining(", "));
            }
        } catch (ClassNotFoundException notAClass) {
            // a type the metadata names only (none today): its simple name says enough
        }
        return simpleName(javaType);
    }

    private static String simpleName(String javaType) {
        String name = javaType.substring(javaType.lastIndexOf('.') + 1);
        return name.substring(name.lastIndexOf('$') + 1);
    }

    /** A description as plain text in a Markdown table cell: no tags, emphasis or cell breaks. */
    static String escape(String description) {
        return description
                .replace("\\", "\\\\")
                .replace("|", "\\|")
                .replace("*", "\\*")
                .replace("_", "\\_")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\n", " ");
    }
}
