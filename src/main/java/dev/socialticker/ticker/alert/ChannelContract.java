package dev.socialticker.ticker.alert;

import dev.socialticker.ticker.routefile.RouteFile;
import dev.socialticker.ticker.routefile.TemplateDefinition;
import dev.socialticker.ticker.routefile.TemplatedRouteContract;
import dev.socialticker.ticker.routefile.problem.ParameterProblem;
import dev.socialticker.ticker.routefile.problem.RouteFileException;
import dev.socialticker.ticker.routefile.problem.RouteFileText;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What a channel file must be ({@link TemplatedRouteContract}: one {@code templatedRoute} of a built-in
 * channel template, route id {@code channel-<name>}, its parameters good, the settings it names set).
 */
final class ChannelContract implements TemplatedRouteContract.Kind<ChannelSpec> {
    private final Map<String, ChannelTemplate> templates;

    ChannelContract(Map<String, ChannelTemplate> templates) {
        this.templates = templates;
    }

    /** @throws RouteFileException naming every problem found */
    ChannelSpec check(RouteFile file, RouteFileText text) throws RouteFileException {
        return new TemplatedRouteContract<>(this).check(file, text);
    }

    @Override
    public String noun() {
        return "channel";
    }

    @Override
    public String guide() {
        return "routes/channels/README.md";
    }

    @Override
    public String routeId(String name) {
        return ChannelEndpoints.routeId(name);
    }

    @Override
    public TemplateDefinition common() {
        return ChannelSpec.COMMON;
    }

    @Override
    public Set<String> templates() {
        return templates.keySet();
    }

    @Override
    public TemplateDefinition definition(String template) {
        ChannelTemplate found = templates.get(template);
        return found == null ? null : found.definition();
    }

    @Override
    public ChannelSpec read(String template, Function<String, String> lookup) {
        return ChannelSpec.from(templates.get(template), lookup, ChannelSettings.Named::file);
    }

    @Override
    public List<ParameterProblem> problems(ChannelSpec spec) {
        return templates.get(spec.template()).problems(spec);
    }
}
