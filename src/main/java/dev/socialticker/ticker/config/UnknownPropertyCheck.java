package dev.socialticker.ticker.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Finds every {@code ticker.*} property that is set but that the service does not know
 * ({@code ticker.refresh.min-intervall=5s} would otherwise be ignored in silence), each with the
 * closest known property. The known names are those of Boot's configuration metadata, which
 * spring-boot-configuration-processor writes from the feature types' records at build time (the file
 * IDEs complete from), so the check follows the configuration as it grows. Below
 * {@code ticker.providers.<name>.}, {@code ticker.outputs.<name>.} and {@code ticker.alerts.channels.<name>.}
 * the names are each provider file's, output file's and channel file's own: the files' checks judge
 * those against their declarations.
 *
 * <p>Why not Boot's own strict binding ({@code @ConfigurationProperties(ignoreUnknownFields = false)})
 * per feature type: it would refuse the provider files' settings, names no alternative, prints the
 * refused value (a mistyped secret's name would put the secret in the log), and stops at the first.
 */
final class UnknownPropertyCheck {
    static final String METADATA = "META-INF/spring-configuration-metadata.json";
    private static final ConfigurationPropertyName PREFIX = ConfigurationPropertyName.of("ticker");
    /** Each provider file, output file and channel file reads settings of its own choosing under its name. */
    private static final Set<String> FREE_FORM = Set.of("ticker.providers", "ticker.outputs", "ticker.alerts.channels");
    /** In a known name as docs/configuration.md writes it: any list index, any map key, anything below. */
    private static final String INDEX = "[0]";

    private static final String KEY = "<name>";
    private static final String ANY = "<setting>";
    private static final Pattern COLLECTION =
            Pattern.compile("java\\.util\\.(List|Set|Map)<(?:java\\.lang\\.String,)?(.+)>");

    /** One unknown property, and the known one it most likely stands for (with its real index or key). */
    record Unknown(ConfigurationProblem problem, String suggestion) {}

    private UnknownPropertyCheck() {}

    /** Every unknown {@code ticker.*} property set in these sources, once each, in name order per source. */
    static List<Unknown> find(Iterable<ConfigurationPropertySource> sources) {
        List<String> known = knownNames();
        Map<String, Unknown> found = new LinkedHashMap<>();
        for (ConfigurationPropertySource source : sources) {
            if (!(source instanceof IterableConfigurationPropertySource iterable)) {
                continue;
            }
            boolean variables = source.getUnderlyingSource() instanceof SystemEnvironmentPropertySource;
            iterable.stream()
                    .filter(PREFIX::isAncestorOf)
                    .sorted()
                    .filter(name -> known.stream().noneMatch(pattern -> matches(pattern, name, variables)))
                    .forEach(name -> found.computeIfAbsent(name.toString(), key -> unknown(source, name, known)));
        }
        return new ArrayList<>(found.values());
    }

    private static Unknown unknown(
            ConfigurationPropertySource source, ConfigurationPropertyName name, List<String> known) {
        ConfigurationProperty property = source.getConfigurationProperty(name);
        boolean variable = source.getUnderlyingSource() instanceof SystemEnvironmentPropertySource;
        String suggestion = ClosestName.among(
                        ConfiguredProperty.written(name),
                        known.stream().map(pattern -> concrete(pattern, name)).toList())
                .orElseThrow();
        String subject =
                property == null ? ConfiguredProperty.written(name) : new ConfiguredProperty(name, property).written();
        String reason = "unknown property; did you mean " + suggestion
                + (variable ? " (" + variableOf(suggestion) + ")" : "") + "?";
        return new Unknown(new ConfigurationProblem(subject, reason), suggestion);
    }

    /**
     * Every {@code ticker.*} name of the metadata, as docs/configuration.md writes it. The processor
     * does not look inside lists and maps: their elements' names are read off the element's record.
     */
    static List<String> knownNames() {
        List<String> known = new ArrayList<>();
        for (JsonNode property : metadata().path("properties")) {
            String name = property.path("name").asText();
            if (!name.startsWith(PREFIX + ".")) {
                continue;
            }
            known.add(name);
            Matcher collection = COLLECTION.matcher(property.path("type").asText());
            if (!collection.matches()) {
                continue;
            }
            String element = name + (collection.group(1).equals("Map") ? "." + KEY : INDEX);
            Class<?> type = loadable(collection.group(2));
            if (FREE_FORM.contains(name)) {
                known.add(element + "." + ANY);
            } else if (type != null && type.isRecord()) {
                for (RecordComponent component : type.getRecordComponents()) {
                    String setting = element + "." + kebab(component.getName());
                    known.add(setting);
                    if (List.class.isAssignableFrom(component.getType())) {
                        known.add(setting + INDEX);
                    }
                }
            } else {
                known.add(element);
            }
        }
        if (known.isEmpty()) {
            throw new IllegalStateException("No ticker.* names in the first " + METADATA + " on the class path;"
                    + " spring-boot-configuration-processor writes it when the service is built with Maven");
        }
        return known;
    }

    /**
     * The service's own metadata file: the first on the class path, where the application's classes
     * come before every starter's jar (each ships one: megabytes no start-up should parse).
     */
    private static JsonNode metadata() {
        try (InputStream in = UnknownPropertyCheck.class.getResourceAsStream("/" + METADATA)) {
            return in == null ? MissingNode.getInstance() : new ObjectMapper().readTree(in);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    /**
     * Whether a set property has a known name: relaxed forms alike, any index or key where one stands.
     * In an environment variable's name an underscore stands for a dot or a dash alike, as Boot binds
     * it ({@code TICKER_CORS_ALLOWED_ORIGINS} is {@code ticker.cors.allowed-origins}).
     */
    static boolean matches(String known, ConfigurationPropertyName name, boolean environmentVariable) {
        String pattern = Pattern.quote(known.toLowerCase(Locale.ROOT).replace("_", ""))
                .replace("-", environmentVariable ? "\\E\\.?\\Q" : "")
                .replace(INDEX, "\\E\\[\\d+]\\Q")
                .replace(KEY, "\\E[^.\\[]+\\Q")
                .replace(ANY, "\\E.+\\Q");
        return uniform(name).matches(pattern);
    }

    /**
     * A known name with its placeholders filled from the given name where the two line up:
     * {@code ticker.tickers.<name>.sources} for {@code ticker.tickers.lobby.source} is
     * {@code ticker.tickers.lobby.sources}, the name the operator meant.
     */
    static String concrete(String known, ConfigurationPropertyName given) {
        String[] elements = known.replace(INDEX, "." + INDEX).split("\\.");
        if (elements.length != given.getNumberOfElements()) {
            return known;
        }
        StringBuilder concrete = new StringBuilder();
        for (int i = 0; i < elements.length; i++) {
            String element = elements[i];
            String written = given.getElement(i, ConfigurationPropertyName.Form.ORIGINAL);
            if (element.equals(INDEX)) {
                concrete.append(given.isNumericIndex(i) ? "[" + written + "]" : INDEX);
                continue;
            }
            if (i > 0) {
                concrete.append('.');
            }
            concrete.append(element.equals(KEY) || element.equals(ANY) ? written : element);
        }
        return concrete.toString();
    }

    /** {@code ticker.sources[0].account} as Boot binds it from a variable: {@code TICKER_SOURCES_0_ACCOUNT}. */
    static String variableOf(String name) {
        return name.replace("-", "")
                .replaceAll("\\[(\\w+)]", ".$1")
                .replace('.', '_')
                .toUpperCase(Locale.ROOT);
    }

    /** {@code ticker.sources[0].min-interval} as {@code ticker.sources[0].mininterval}, however it was written. */
    private static String uniform(ConfigurationPropertyName name) {
        StringBuilder uniform = new StringBuilder();
        for (int i = 0; i < name.getNumberOfElements(); i++) {
            String element = name.getElement(i, ConfigurationPropertyName.Form.UNIFORM);
            uniform.append(name.isNumericIndex(i) ? "[" + element + "]" : (i == 0 ? "" : ".") + element);
        }
        return uniform.toString();
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private static Class<?> loadable(String type) {
        try {
            return Class.forName(type, false, UnknownPropertyCheck.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError notAClass) {
            return null;
        }
    }
}
