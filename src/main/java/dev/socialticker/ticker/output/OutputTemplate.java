package dev.socialticker.ticker.output;

import dev.socialticker.ticker.routefile.TemplateDefinition;
import dev.socialticker.ticker.routefile.problem.ParameterProblem;
import java.time.Duration;
import java.util.List;

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
     */
    default Duration repeat() {
        return Duration.ZERO;
    }

    /**
     * What the declaration cannot check (a setting that must be set), each naming the parameter it is
     * about when there is one; empty when the output can run.
     */
    default List<ParameterProblem> problems(OutputSpec spec) {
        return List.of();
    }
}
