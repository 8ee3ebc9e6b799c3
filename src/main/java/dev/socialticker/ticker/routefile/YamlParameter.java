package dev.socialticker.ticker.routefile;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * A template parameter whose value is a YAML document of its own ({@code errors}, {@code token},
 * {@code display}): read with SnakeYAML's safe constructor (plain maps, lists and scalars, never a
 * Java type a file names), and refused with the parameter named when it is not YAML.
 */
public final class YamlParameter {
    private YamlParameter() {}

    /**
     * The parsed value: a {@code Map}, a {@code List} or a scalar.
     *
     * @throws IllegalArgumentException "parameter 'errors' is not YAML: " and the parser's first line
     */
    public static Object load(String parameter, String yaml) {
        try {
            return new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        } catch (RuntimeException notYaml) {
            String message = notYaml.getMessage() == null ? "" : notYaml.getMessage();
            throw new IllegalArgumentException("parameter '" + parameter + "' is not YAML: "
                    + message.lines().findFirst().orElse(""));
        }
    }
}
