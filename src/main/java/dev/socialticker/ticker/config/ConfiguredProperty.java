package dev.socialticker.ticker.config;

import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.PropertySourceOrigin;
import org.springframework.boot.origin.SystemEnvironmentOrigin;
import org.springframework.boot.origin.TextResourceOrigin;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * A property as an operator set it, for a problem's line: the name as written (an environment
 * variable by its own name), where it was set, and its value unless it is a secret.
 */
public record ConfiguredProperty(ConfigurationPropertyName name, ConfigurationProperty property) {
    /**
     * Settings whose values are never printed: tokens, keys, passwords, secrets, webhook URLs (not a
     * token's file or expiry, nor a key prefix).
     */
    private static final Pattern SECRET = Pattern.compile("(?i).*(token|key|password|secret|credentials?)|.*webhook.*");

    /** The property where the environment has it (the first source that sets it wins, as in binding). */
    public static Optional<ConfiguredProperty> find(
            Iterable<ConfigurationPropertySource> sources, ConfigurationPropertyName name) {
        for (ConfigurationPropertySource source : sources) {
            ConfigurationProperty property = source.getConfigurationProperty(name);
            if (property != null) {
                return Optional.of(new ConfiguredProperty(name, property));
            }
        }
        return Optional.empty();
    }

    /** True when a setting of that name holds a secret: its value is never shown. */
    public static boolean secret(String name) {
        int last = Math.max(name.lastIndexOf('.'), name.lastIndexOf('_'));
        return SECRET.matcher(name.substring(last + 1)).matches();
    }

    /** The name the operator wrote: {@code TICKER_REFRESH_PERIOD} for a variable, else the property name. */
    public String written() {
        String variable = variable(property.getOrigin());
        return variable != null ? variable : written(name);
    }

    /** The environment variable a property was set by, or null. */
    static String variable(Origin origin) {
        if (origin instanceof SystemEnvironmentOrigin variable) {
            return variable.getProperty();
        }
        if (origin instanceof PropertySourceOrigin source
                && source.getPropertySource() instanceof SystemEnvironmentPropertySource) {
            return source.getPropertyName();
        }
        return null;
    }

    /** The name with each element as written: {@code ticker.refresh.staleAfter}, {@code ticker.sources[0].acount}. */
    public static String written(ConfigurationPropertyName name) {
        StringBuilder written = new StringBuilder();
        for (int i = 0; i < name.getNumberOfElements(); i++) {
            String element = name.getElement(i, ConfigurationPropertyName.Form.ORIGINAL);
            written.append(name.isNumericIndex(i) ? "[" + element + "]" : (i == 0 ? "" : ".") + element);
        }
        return written.toString();
    }

    /**
     * Where and what, for the end of a problem's line: {@code set to 0s on the command line},
     * {@code set in environment variable TICKER_ADMIN_TOKEN} (a secret's value is left out).
     */
    public String describe() {
        String where = where(property.getOrigin());
        boolean hidden = secret(name.toString()) || secret(written());
        return hidden || property.getValue() == null
                ? "set " + where + "; value not shown"
                : "set to " + property.getValue() + " " + where;
    }

    private static String where(Origin origin) {
        String variable = variable(origin);
        if (variable != null) {
            return "in environment variable " + variable;
        }
        if (origin instanceof TextResourceOrigin text && text.getResource() != null) {
            return "in " + text.getResource().getDescription()
                    + (text.getLocation() == null
                            ? ""
                            : ", line " + (text.getLocation().getLine() + 1));
        }
        if (origin instanceof PropertySourceOrigin source) {
            String name = source.getPropertySource().getName();
            return "commandLineArgs".equals(name) ? "on the command line" : "in " + name;
        }
        return origin == null ? "" : "in " + origin;
    }
}
