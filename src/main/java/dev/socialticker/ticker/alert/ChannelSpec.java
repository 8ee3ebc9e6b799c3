package dev.socialticker.ticker.alert;

import dev.socialticker.ticker.delivery.Destination;
import dev.socialticker.ticker.delivery.RetryBackoff;
import dev.socialticker.ticker.routefile.TemplateDefinition;
import dev.socialticker.ticker.routefile.problem.InvalidParametersException;
import dev.socialticker.ticker.routefile.problem.ParameterProblem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One alert channel's parameters, checked against their declarations: those every channel has
 * ({@value #COMMON_RESOURCE}) and those of its template. A channel file's, or a built-in channel's
 * ({@code ticker.alerts.slack.*}, {@code ticker.alerts.email.*}).
 *
 * @param values      every parameter, defaults filled in, by name
 * @param settings    where the settings it names are read
 * @param destination where it delivers, as its failures name it (host and port only)
 */
public record ChannelSpec(
        String name,
        String template,
        Duration timeout,
        RetryBackoff backoff,
        Map<String, String> values,
        ChannelSettings.Named settings,
        Destination destination) {
    static final String COMMON_RESOURCE = "alert/channel.definition.yaml";
    /** The parameters every channel has. */
    public static final TemplateDefinition COMMON = TemplateDefinition.load(COMMON_RESOURCE, Map.of());

    /**
     * Reads and checks a channel's parameters; {@code lookup} returns null for one not given.
     *
     * @throws InvalidParametersException listing every problem found
     */
    static ChannelSpec from(
            ChannelTemplate template,
            Function<String, String> lookup,
            Function<String, ChannelSettings.Named> settings) {
        List<ParameterProblem> problems = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>(COMMON.read(lookup, problems));
        values.putAll(template.definition().read(lookup, problems));
        if (!problems.isEmpty()) {
            throw new InvalidParametersException(problems);
        }
        String name = values.get("name");
        ChannelSettings.Named named = settings.apply(name);
        return new ChannelSpec(
                name,
                template.id(),
                TemplateDefinition.duration(values.get("timeout")),
                new RetryBackoff(
                        Integer.parseInt(values.get("retries")), TemplateDefinition.duration(values.get("retryDelay"))),
                Map.copyOf(values),
                named,
                template.destination(name, values, named));
    }

    public String value(String parameter) {
        return values.get(parameter);
    }
}
