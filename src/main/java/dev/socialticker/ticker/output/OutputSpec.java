package dev.socialticker.ticker.output;

import dev.socialticker.ticker.delivery.Destination;
import dev.socialticker.ticker.routefile.TemplateDefinition;
import dev.socialticker.ticker.routefile.problem.InvalidParametersException;
import dev.socialticker.ticker.routefile.problem.ParameterProblem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * One output file's parameters, checked against their declarations: those every output has
 * ({@value #COMMON_RESOURCE}) and those of its template.
 *
 * @param sources the source ids it gets; empty for all
 * @param repeat  how often each source is pushed again without a change; zero: only on a change
 * @param values  every parameter, defaults filled in, by name
 * @param announcesSourcesWithoutCount whether it is told of sources without a count too
 * @param destination where it delivers, as its failures name it (host and port only)
 *                {@link OutputTemplate#announcesSourcesWithoutCount}
 */
public record OutputSpec(
        String name,
        String template,
        Set<String> sources,
        Duration timeout,
        int retries,
        Duration retryDelay,
        Duration repeat,
        Map<String, String> values,
        boolean announcesSourcesWithoutCount,
        Destination destination) {
    static final String COMMON_RESOURCE = "output/output.definition.yaml";
    /** The parameters every output has. */
    public static final TemplateDefinition COMMON = TemplateDefinition.load(COMMON_RESOURCE, Map.of());

    /**
     * Reads and checks a file's parameters; {@code lookup} returns null for one not given.
     *
     * @throws InvalidParametersException listing every problem found
     */
    public static OutputSpec from(OutputTemplate template, Function<String, String> lookup) {
        List<ParameterProblem> problems = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>(COMMON.read(lookup, problems));
        values.putAll(template.definition().read(lookup, problems));
        if (!problems.isEmpty()) {
            throw new InvalidParametersException(problems);
        }
        return new OutputSpec(
                values.get("name"),
                template.id(),
                sources(values.get("sources")),
                TemplateDefinition.duration(values.get("timeout")),
                Integer.parseInt(values.get("retries")),
                TemplateDefinition.duration(values.get("retryDelay")),
                values.get("repeat").isEmpty()
                        ? template.repeat(values)
                        : TemplateDefinition.duration(values.get("repeat")),
                Map.copyOf(values),
                template.announcesSourcesWithoutCount(values),
                template.destination(values.get("name"), values));
    }

    /** The source ids of a {@code sources} value ({@code "github-acme, mastodon-acme"}); empty for all. */
    static Set<String> sources(String value) {
        Set<String> sources = new LinkedHashSet<>();
        for (String id : value.split(",")) {
            if (!id.isBlank()) {
                sources.add(id.strip());
            }
        }
        return Set.copyOf(sources);
    }

    /** Whether this output gets the source's changes. */
    public boolean wants(String sourceId) {
        return sources.isEmpty() || sources.contains(sourceId);
    }

    /** Whether this output gets {@code delivery}: a source it wants, with a count unless it announces those without. */
    boolean wants(Delivery delivery) {
        return wants(delivery.sourceId()) && (delivery.hasCount() || announcesSourcesWithoutCount);
    }

    public String value(String parameter) {
        return values.get(parameter);
    }
}
