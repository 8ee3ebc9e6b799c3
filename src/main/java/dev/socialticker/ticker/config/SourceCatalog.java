package dev.socialticker.ticker.config;

import dev.socialticker.ticker.domain.TickerSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
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
    private final Map<String, Integer> indexById = new LinkedHashMap<>();

    public SourceCatalog(SourceProperties properties) {
        // Every problem was reported before any bean was made (SourceProperties' rules): a start with
        // problems goes on only as far as the provider check, without the sources refused.
        Map<Integer, TickerSource> configured = configured(properties, (property, reason) -> {});
        configured.forEach((index, source) -> indexById.put(source.id(), index));
        Map<String, TickerSource> serving = serving(properties, configured);
        // Only while a start with problems goes on to the provider check: the rest of the service
        // expects a source, and the demo source does nothing outside.
        this.byId = serving.isEmpty() ? Map.of(DEMO.id(), DEMO) : serving;
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

    /**
     * The property that configures a source, {@code ticker.sources[i]} with its index as configured,
     * for a problem's line; {@code ticker.sources} for the built-in demo source.
     */
    public String property(TickerSource source) {
        Integer index = indexById.get(source.id());
        return index == null ? "ticker.sources" : "ticker.sources[" + index + "]";
    }

    /** Words the API uses after {@code /api/metrics/}: a source with such an id could not be read. */
    static final Set<String> RESERVED_IDS = Set.of("history");

    /** The sources this instance serves by id: the configured ones, or the demo source when none is. */
    static Map<String, TickerSource> serving(SourceProperties properties, Map<Integer, TickerSource> configured) {
        if (properties.sources().isEmpty()) {
            return Map.of(DEMO.id(), DEMO);
        }
        Map<String, TickerSource> byId = new LinkedHashMap<>();
        configured.values().forEach(source -> byId.put(source.id(), source));
        return Collections.unmodifiableMap(byId);
    }

    /**
     * The configured sources by their index in {@code ticker.sources}, each id derived where not set;
     * a source that cannot be refreshed under its id (one the API uses as a path, one another source
     * has) is reported and left out, as is one without a provider or account (its constraints report
     * that).
     */
    static Map<Integer, TickerSource> configured(SourceProperties properties, BiConsumer<String, String> problems) {
        Map<Integer, TickerSource> resolved = new LinkedHashMap<>();
        Set<String> ids = new HashSet<>();
        List<SourceProperties.Source> sources = new ArrayList<>(properties.sources());
        for (int i = 0; i < sources.size(); i++) {
            SourceProperties.Source source = sources.get(i);
            if (source == null || blank(source.provider()) || blank(source.account())) {
                continue;
            }
            String provider = source.provider().trim().toLowerCase(Locale.ROOT);
            String id = source.id() != null ? source.id() : deriveId(provider, source.account());
            if (RESERVED_IDS.contains(id)) {
                problems.accept(
                        "ticker.sources[" + i + "].id",
                        "'" + id + "' is a path of the API (/api/metrics/" + id
                                + "), not usable as a source id; set another id");
            } else if (!ids.add(id)) {
                problems.accept(
                        "ticker.sources[" + i + "].id",
                        "'" + id + "' is already used by another source; give each source a distinct id");
            } else {
                resolved.put(i, new TickerSource(id, provider, source.account().trim()));
            }
        }
        return resolved;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** {@code provider-account}, lower-cased, anything outside [a-z0-9] folded to '-'. */
    static String deriveId(String provider, String account) {
        String raw = (provider + "-" + account).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        raw = raw.replaceAll("^-+|-+$", "");
        return raw.length() > 63 ? raw.substring(0, 63).replaceAll("-+$", "") : raw;
    }
}
