package dev.socialticker.ticker.config;

import dev.socialticker.ticker.domain.TickerSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The sources this instance refreshes: the configured ones with their ids derived and checked for
 * duplicates, or the built-in {@code demo} source when none is configured.
 */
@Component
public class SourceCatalog {
    private static final Logger log = LoggerFactory.getLogger(SourceCatalog.class);
    static final TickerSource DEMO = new TickerSource("demo", "demo", "demo");

    private final Map<String, TickerSource> byId;

    public SourceCatalog(SourceProperties properties) {
        this.byId = resolve(properties);
        if (properties.sources().isEmpty()) {
            log.info("No ticker.sources configured: serving the built-in demo source (simulated counts, no network)");
        }
        log.info("Refreshing {} source(s): {}", byId.size(), byId.keySet());
    }

    public List<TickerSource> all() {
        return List.copyOf(byId.values());
    }

    /** True when no source is configured and the built-in demo source stands in. */
    public boolean demoOnly() {
        return byId.size() == 1 && byId.containsKey(DEMO.id()) && byId.get(DEMO.id()) == DEMO;
    }

    public Optional<TickerSource> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Words the API uses after {@code /api/metrics/}: a source with such an id could not be read. */
    static final Set<String> RESERVED_IDS = Set.of("history");

    private static Map<String, TickerSource> resolve(SourceProperties properties) {
        if (properties.sources().isEmpty()) {
            return Map.of(DEMO.id(), DEMO);
        }
        Map<String, TickerSource> resolved = new LinkedHashMap<>();
        List<SourceProperties.Source> sources = new ArrayList<>(properties.sources());
        for (int i = 0; i < sources.size(); i++) {
            SourceProperties.Source source = sources.get(i);
            String provider = source.provider().trim().toLowerCase(Locale.ROOT);
            String id = source.id() != null ? source.id() : deriveId(provider, source.account());
            if (RESERVED_IDS.contains(id)) {
                throw new TickerConfigurationException(
                        "ticker.sources[" + i + "].id: '" + id + "' is a path of the API (/api/metrics/" + id
                                + "), not usable as a source id; set another id");
            }
            if (resolved.containsKey(id)) {
                throw new TickerConfigurationException("ticker.sources[" + i + "].id: '" + id
                        + "' is already used by another source; give each source a distinct id");
            }
            resolved.put(id, new TickerSource(id, provider, source.account().trim()));
        }
        return Collections.unmodifiableMap(resolved);
    }

    /** {@code provider-account}, lower-cased, anything outside [a-z0-9] folded to '-'. */
    static String deriveId(String provider, String account) {
        String raw = (provider + "-" + account).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        raw = raw.replaceAll("^-+|-+$", "");
        return raw.length() > 63 ? raw.substring(0, 63).replaceAll("-+$", "") : raw;
    }
}
