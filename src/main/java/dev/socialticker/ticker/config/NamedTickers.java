package dev.socialticker.ticker.config;

import dev.socialticker.ticker.domain.TickerSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The named tickers of {@code ticker.tickers.<name>.sources}, each a list of configured sources,
 * checked at start-up: a name safe in a URL, and only ids of sources this instance refreshes.
 */
@Component
public class NamedTickers {
    private static final Pattern NAME = Pattern.compile(SourceProperties.ID_PATTERN);
    private final Map<String, List<TickerSource>> byName;

    public NamedTickers(SourceProperties properties, SourceCatalog catalog) {
        Map<String, TickerSource> sources = new LinkedHashMap<>();
        catalog.all().forEach(source -> sources.put(source.id(), source));
        // Reported before any bean was made (SourceProperties' rules), as for the catalog.
        this.byName = resolve(properties, sources, (property, reason) -> {});
    }

    /** Every named ticker and its sources, in configuration order. */
    public Map<String, List<TickerSource>> all() {
        return byName;
    }

    /**
     * The named tickers with their sources; a ticker whose name is not safe in a URL, and an id that
     * is no configured source's, are reported and left out.
     */
    static Map<String, List<TickerSource>> resolve(
            SourceProperties properties, Map<String, TickerSource> sources, BiConsumer<String, String> problems) {
        Map<String, List<TickerSource>> resolved = new LinkedHashMap<>();
        properties.tickers().forEach((name, ticker) -> {
            if (ticker == null) {
                return;
            }
            if (!NAME.matcher(name).matches()) {
                problems.accept(
                        "ticker.tickers." + name,
                        "a ticker's name must match " + SourceProperties.ID_PATTERN
                                + " (it is part of the URL /api/tickers/<name>)");
                return;
            }
            List<TickerSource> members = new ArrayList<>();
            for (String id : ticker.sources()) {
                TickerSource source = sources.get(id);
                if (source != null) {
                    members.add(source);
                } else {
                    problems.accept(
                            "ticker.tickers." + name + ".sources",
                            "'" + id + "' is not the id of a configured source (ids: " + ids(sources) + ")");
                }
            }
            resolved.put(name, List.copyOf(members));
        });
        return Collections.unmodifiableMap(resolved);
    }

    private static String ids(Map<String, TickerSource> sources) {
        return String.join(", ", sources.keySet().stream().limit(10).toList()) + (sources.size() > 10 ? ", …" : "");
    }
}
