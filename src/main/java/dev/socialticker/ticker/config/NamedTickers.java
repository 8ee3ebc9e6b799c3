package dev.socialticker.ticker.config;

import dev.socialticker.ticker.domain.TickerSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        Map<String, List<TickerSource>> resolved = new LinkedHashMap<>();
        properties.tickers().forEach((name, ticker) -> {
            if (!NAME.matcher(name).matches()) {
                throw new TickerConfigurationException("ticker.tickers." + name + ": a ticker's name must match "
                        + SourceProperties.ID_PATTERN + " (it is part of the URL /api/tickers/<name>)");
            }
            List<TickerSource> sources = new ArrayList<>();
            for (int i = 0; i < ticker.sources().size(); i++) {
                String id = ticker.sources().get(i);
                sources.add(catalog.find(id)
                        .orElseThrow(() -> new TickerConfigurationException("ticker.tickers."
                                + name + ".sources: '" + id + "' is not the id of a configured source (ids: "
                                + String.join(
                                        ", ",
                                        catalog.all().stream()
                                                .map(TickerSource::id)
                                                .limit(10)
                                                .toList())
                                + (catalog.all().size() > 10 ? ", …" : "") + ")")));
            }
            resolved.put(name, List.copyOf(sources));
        });
        this.byName = Collections.unmodifiableMap(resolved);
    }

    /** Every named ticker and its sources, in configuration order. */
    public Map<String, List<TickerSource>> all() {
        return byName;
    }
}
