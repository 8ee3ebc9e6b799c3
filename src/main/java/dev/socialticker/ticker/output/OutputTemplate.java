package dev.socialticker.ticker.output;

import dev.socialticker.ticker.delivery.Destination;
import dev.socialticker.ticker.routefile.TemplateDefinition;
import dev.socialticker.ticker.routefile.problem.ParameterProblem;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A built-in output template, as output files name it ({@code routeTemplateRef}): its parameters,
 * beyond the ones every output has ({@link OutputSpec#COMMON}), and what a file must also satisfy.
 * Each is a bean beside its Camel route template (output.http: webhook, smiirl-push, awtrix-http;
 * output.mqtt: mqtt).
 */
public interface OutputTemplate {
    String id();

    TemplateDefinition definition();

    /**
     * How often a source is pushed again without a change when the file does not say ({@code repeat}):
     * never, unless the device needs it.
     *
     * @param parameters the file's parameters, defaults filled in
     */
    default Duration repeat(Map<String, String> parameters) {
        return Duration.ZERO;
    }

    /**
     * Whether the output is told of sources that have no count yet (never read, or every refresh
     * failed), so it can announce them (Home Assistant's sensor, in state unknown); the others are told
     * of a source with its first count.
     *
     * @param parameters the file's parameters, defaults filled in
     */
    default boolean announcesSourcesWithoutCount(Map<String, String> parameters) {
        return false;
    }

    /**
     * What the declaration cannot check (a setting that must be set), each naming the parameter it is
     * about when there is one; empty when the output can run.
     */
    default List<ParameterProblem> problems(OutputSpec spec) {
        return List.of();
    }

    /**
     * Where an output made of this template delivers, as its failures name it: host and port only
     * ({@link Destination}). By default by its {@code url} parameter.
     */
    default Destination destination(String name, Map<String, String> parameters) {
        return OutputTemplate.destination(name, parameters, "url");
    }

    /** An output delivering to the URL of its {@code parameter}. */
    static Destination destination(String name, Map<String, String> parameters, String parameter) {
        return Destination.of(
                "the output '" + name + "'",
                parameters.get(parameter),
                Destination.PARAMETER + parameter + " of output '" + name + "'");
    }
}
