package dev.socialticker.ticker.config;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Refuses to start when a {@code ticker.*} property is set that the service does not know
 * ({@code ticker.refresh.min-intervall=5s} would otherwise be ignored in silence), naming the
 * closest known property. The known names are read off {@link TickerProperties} itself, so the check
 * follows the configuration as it grows. Below {@code ticker.providers.<name>.} anything goes: those
 * are each provider file's own settings (credentials, counts, options).
 *
 * <p>Written by hand because Boot's own strict binding ({@code ignoreUnknownFields = false}) would
 * also refuse those free-form provider settings, and names no alternative. It runs as a bean factory
 * post-processor, before any bean is made: a misspelt required key ({@code ticker.sources[0].acount})
 * must be named as such, not reported by the binding of {@link TickerProperties} as "account is
 * required".
 */
@Component
class UnknownPropertyCheck implements BeanFactoryPostProcessor, EnvironmentAware {
    private static final ConfigurationPropertyName PREFIX = ConfigurationPropertyName.of("ticker");
    /** Stands for a list index or a map key in a known name. */
    private static final String ANY = "*";
    /** Stands for a map key in a known name, written as README writes it. */
    private static final String KEY = "<name>";
    /** Ends a known name below which any name is allowed. */
    private static final String FREE = "**";

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        List<List<String>> known = new ArrayList<>();
        collect(TickerProperties.class, List.of("ticker"), known);
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
            if (!(source instanceof IterableConfigurationPropertySource iterable)) {
                continue;
            }
            iterable.stream().filter(PREFIX::isAncestorOf).sorted().forEach(name -> {
                if (known.stream().noneMatch(pattern -> matches(pattern, name))) {
                    throw new TickerConfigurationException(name + " is not a Social Ticker property; did you mean "
                            + closest(name, known) + "? (docs/configuration.md lists them all)");
                }
            });
        }
    }

    /** Known names as element lists: record components in kebab-case, {@code *} for indexes and keys. */
    private static void collect(Class<?> type, List<String> prefix, List<List<String>> known) {
        for (RecordComponent component : type.getRecordComponents()) {
            List<String> name = append(prefix, kebab(component.getName()));
            Type generic = component.getGenericType();
            if (component.getType().isRecord()) {
                collect(component.getType(), name, known);
            } else if (List.class.isAssignableFrom(component.getType())) {
                Class<?> element = typeArgument(generic, 0);
                known.add(name); // a list may also be one comma-separated value
                if (element.isRecord()) {
                    collect(element, append(name, ANY), known);
                } else {
                    known.add(append(name, ANY));
                }
            } else if (Map.class.isAssignableFrom(component.getType()) && component.getName().equals("providers")) {
                // ticker.providers.<name>.*: typed settings and each provider file's own, free-form.
                known.add(append(append(name, ANY), FREE));
            } else if (Map.class.isAssignableFrom(component.getType()) && typeArgument(generic, 1).isRecord()) {
                // ticker.tickers.<name>.sources: any key, known settings below it.
                collect(typeArgument(generic, 1), append(name, KEY), known);
            } else {
                known.add(name);
            }
        }
    }

    private static boolean matches(List<String> pattern, ConfigurationPropertyName name) {
        for (int i = 0; i < pattern.size(); i++) {
            String expected = pattern.get(i);
            if (expected.equals(FREE)) {
                return name.getNumberOfElements() > i;
            }
            if (i >= name.getNumberOfElements()) {
                return false;
            }
            if (!expected.equals(ANY) && !expected.equals(KEY) && !uniform(expected).equals(name.getElement(i, ConfigurationPropertyName.Form.UNIFORM))) {
                return false;
            }
        }
        return name.getNumberOfElements() == pattern.size();
    }

    /** The known name nearest to the given one by edit distance, written as README writes it. */
    private static String closest(ConfigurationPropertyName name, List<List<String>> known) {
        String given = uniform(name.toString());
        return known.stream()
                .map(pattern -> String.join(".", pattern).replace(".*.**", ".<name>.<setting>").replace(".*", "[0]"))
                .collect(java.util.stream.Collectors.toCollection(TreeSet::new)).stream()
                .min(Comparator.comparingInt(candidate -> distance(given, uniform(candidate))))
                .orElseThrow();
    }

    /** Levenshtein distance: a dozen lines, not worth a dependency. */
    static int distance(String a, String b) {
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

    private static List<String> append(List<String> prefix, String element) {
        List<String> name = new ArrayList<>(prefix);
        name.add(element);
        return List.copyOf(name);
    }

    private static Class<?> typeArgument(Type type, int index) {
        if (type instanceof ParameterizedType parameterized
                && parameterized.getActualTypeArguments()[index] instanceof Class<?> argument) {
            return argument;
        }
        return Object.class;
    }
}
