package dev.socialticker.ticker.alert;

import dev.socialticker.ticker.delivery.Destination;
import dev.socialticker.ticker.routefile.TemplateDefinition;
import dev.socialticker.ticker.routefile.problem.ParameterProblem;
import java.util.List;
import java.util.Map;

/**
 * A built-in alert channel template, as channel files name it ({@code routeTemplateRef}): its
 * parameters beyond the ones every channel has ({@link ChannelSpec#COMMON}), what a file must also
 * satisfy, and where it delivers. Each is a bean beside its Camel route template
 * ({@code alert.channel}: slack, email, discord, microsoft-teams, ntfy, telegram, webhook).
 */
public interface ChannelTemplate {
    String id();

    TemplateDefinition definition();

    /**
     * Where a channel of this template delivers, as its failures name it: host and port only.
     *
     * @param values the channel's parameters, defaults filled in
     * @param settings how the channel's settings are named (its secrets, and the file's parameters)
     */
    Destination destination(String name, Map<String, String> values, ChannelSettings.Named settings);

    /**
     * What the declaration cannot check (a setting that must be set), each naming the parameter it is
     * about; empty when the channel can run.
     */
    default List<ParameterProblem> problems(ChannelSpec spec) {
        return List.of();
    }
}
