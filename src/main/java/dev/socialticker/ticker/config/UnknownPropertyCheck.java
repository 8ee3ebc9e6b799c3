package dev.socialticker.ticker.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.stereotype.Component;

/**
 * Refuses to start when a {@code ticker.*} property is set that the service does not know
 * ({@code ticker.refresh.min-intervall=5s} would otherwise be ignored in silence), naming the
 * closest known property. The known names are those of Boot's configuration metadata, which
 * spring-boot-configuration-processor writes from the feature types' records at build time (the file
 * IDEs complete from), so the check follows the configuration as it grows. Below
 * {@code ticker.providers.<name>.} and {@code ticker.outputs.<name>.} anything goes: those are each
 * provider file's and output file's own settings.
 *
 * <p>Why not Boot's own strict binding ({@code @ConfigurationProperties(ignoreUnknownFields = false)})
 * per feature type: it would refuse the free-form provider settings, names no alternative, prints the
 * refused value (a mistyped secret's name would put the secret in the log), and it judges only after
 * validation, so a misspelt required key ({@code ticker.sources[0].acount}) would be reported as
 * "account is required". This check runs as a bean factory post-processor, before anything is bound.
 */
@Component
class UnknownPropertyCheck implements BeanFactoryPostProcessor, EnvironmentAware {
    static final String METADATA = "META-INF/spring-configuration-metadata.json";
    private static final ConfigurationPropertyName PREFIX = ConfigurationPropertyName.of("ticker");
    /** Each provider file, and each output file, reads settings of its own choosing under its name. */
    private static final Set<String> FREE_FORM = Set.of("ticker.providers", "ticker.outputs");
    /** In a known name as docs/configuration.md writes it: any list index, any map key, anything below. */
    private static final String INDEX = "[0]";

    private static final String KEY = "<name>";
    private static final String ANY = "<setting>";
    private static final Pattern COLLECTION =
            Pattern.compile("java\\.util\\.(List|Set|Map)<(?:java\\.lang\\.String,)?(.+)>");

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        List<String> known = knownNames();
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
            if (!(source instanceof IterableConfigurationPropertySource iterable)) {
                continue;
            }
            boolean variables = source.getUnderlyingSource() instanceof SystemEnvironmentPropertySource;
            iterable.stream().filter(PREFIX::isAncestorOf).sorted().forEach(name -> {
                if (known.stream().noneMatch(pattern -> matches(pattern, name, variables))) {
                    throw new TickerConfigurationException(name + " is not a Social Ticker property; did you mean "
                            + closest(name, known) + "? (docs/configuration.md lists them all)");
                }
            });
        }
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

    /** The known name nearest to the given one by edit distance. */
    private static String closest(ConfigurationPropertyName name, List<String> known) {
        String given = uniform(name);
        return new TreeSet<>(known)
                .stream()
                        .min(Comparator.comparingInt(candidate -> distance(given, uniform(candidate))))
                        .orElseThrow();
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

    /** Levenshtein distance: a dozen lines, not worth a dependency. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /** Lower case without dashes: how relaxed binding compares names ({@code min-interval} = {@code MININTERVAL}). */
    private static String uniform(String name) {
        return name.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
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
