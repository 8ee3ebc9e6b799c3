package dev.socialticker.ticker.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/**
 * The configuration metadata spring-boot-configuration-processor writes (what IDEs complete and
 * document, and what the unknown-key check knows) describes every key the feature types bind, and
 * every key docs/configuration.md lists.
 */
class ConfigurationMetadataTest {
    private static final String BASE_PACKAGE = "dev.socialticker.ticker";

    @Test
    void everyTickerKeyOfTheMetadataHasADescription() throws IOException {
        Map<String, JsonNode> properties = metadataProperties();
        assertThat(properties).isNotEmpty();
        properties.forEach(
                (name, property) -> assertThat(property.path("description").asText())
                        .as("description of %s", name)
                        .isNotBlank()
                        .doesNotContain("{@"));
    }

    @Test
    void everyKeyTheFeatureTypesBindIsInTheMetadataWithADescription() throws Exception {
        Map<String, JsonNode> properties = metadataProperties();
        List<String> bound = new ArrayList<>();
        for (Class<?> type : featureTypes()) {
            ConfigurationProperties annotation = AnnotationUtils.findAnnotation(type, ConfigurationProperties.class);
            collect(type, annotation.prefix().isEmpty() ? annotation.value() : annotation.prefix(), bound);
        }
        assertThat(bound)
                .as("keys bound by the feature types")
                .hasSizeGreaterThan(40)
                .contains(
                        "ticker.refresh.stale-after",
                        "ticker.store.type",
                        "ticker.providers",
                        "ticker.alerts.email.to",
                        "ticker.cors.allowed-origins",
                        "ticker.admin.token",
                        "ticker.ui.poll-interval",
                        "ticker.routes.dir",
                        "ticker.sources",
                        "ticker.tickers");
        for (String name : bound) {
            assertThat(properties).as("metadata of %s", name).containsKey(name);
            assertThat(properties.get(name).path("description").asText())
                    .as("description of %s", name)
                    .isNotBlank();
        }
    }

    @Test
    void theDefaultsAreInTheMetadata() throws IOException {
        Map<String, JsonNode> properties = metadataProperties();
        assertThat(properties.get("ticker.refresh.period").path("defaultValue").asText())
                .isEqualTo("60s");
        assertThat(properties.get("ticker.store.type").path("defaultValue").asText())
                .isEqualTo("file");
        assertThat(properties
                        .get("ticker.alerts.repeat-after")
                        .path("defaultValue")
                        .asText())
                .isEqualTo("1h");
        assertThat(properties
                        .get("ticker.ui.fallback-message")
                        .path("defaultValue")
                        .asText())
                .isEqualTo("Follower count coming soon");
    }

    @Test
    void everyKeyTheConfigurationDocsListIsKnown() throws IOException {
        List<String> known = UnknownPropertyCheck.knownNames();
        Matcher keys = Pattern.compile("^\\| `(ticker\\.[^`]+)`", Pattern.MULTILINE)
                .matcher(Files.readString(Path.of("docs/configuration.md")));
        List<String> documented = new ArrayList<>();
        while (keys.find()) {
            documented.add(keys.group(1));
        }
        assertThat(documented).hasSizeGreaterThan(25);
        for (String key : documented) {
            if (key.endsWith(".*")) {
                continue; // a family of keys, described in a section of its own
            }
            ConfigurationPropertyName name =
                    ConfigurationPropertyName.of(key.replace("[i]", "[0]").replace("<name>", "x"));
            assertThat(known)
                    .as("%s, listed in docs/configuration.md", key)
                    .anyMatch(pattern -> UnknownPropertyCheck.matches(pattern, name, false));
        }
    }

    private static List<Class<?>> featureTypes() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        List<Class<?>> types = new ArrayList<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents(BASE_PACKAGE)) {
            types.add(Class.forName(candidate.getBeanClassName()));
        }
        assertThat(types).as("feature types").hasSizeGreaterThanOrEqualTo(8);
        return types;
    }

    /** Leaf keys of a record, descending into nested records as Boot binds them (not into lists or maps). */
    private static void collect(Class<?> type, String prefix, List<String> bound) {
        for (RecordComponent component : type.getRecordComponents()) {
            String name = prefix + "."
                    + component
                            .getName()
                            .replaceAll("([a-z0-9])([A-Z])", "$1-$2")
                            .toLowerCase(Locale.ROOT);
            if (component.getType().isRecord()) {
                collect(component.getType(), name, bound);
            } else {
                bound.add(name);
            }
        }
    }

    private static Map<String, JsonNode> metadataProperties() throws IOException {
        Map<String, JsonNode> properties = new HashMap<>();
        try (InputStream in =
                ConfigurationMetadataTest.class.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("generated metadata on the class path").isNotNull();
            for (JsonNode property : new ObjectMapper().readTree(in).path("properties")) {
                String name = property.path("name").asText();
                if (name.startsWith("ticker.")) {
                    properties.put(name, property);
                }
            }
        }
        return properties;
    }
}
