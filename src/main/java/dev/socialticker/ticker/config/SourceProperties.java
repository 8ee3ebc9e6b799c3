package dev.socialticker.ticker.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The sources this instance refreshes ({@code ticker.sources}) and the named tickers made of them
 * ({@code ticker.tickers}), read by the {@link SourceCatalog} and {@link NamedTickers}.
 *
 * @param sources the configured accounts; none means the built-in demo source. Each has a provider
 *                (ticker.sources[i].provider: instagram, github, mastodon, bluesky, youtube, demo, or
 *                any provider a file in routes/ adds), an account at that provider
 *                (ticker.sources[i].account, its form checked at start-up) and optionally a stable id
 *                (ticker.sources[i].id, [a-z0-9][a-z0-9-]{0,62}; derived from provider-account,
 *                lower-cased, other characters turned to -, when not set)
 * @param tickers named tickers: ticker.tickers.<name>.sources lists source ids served together
 *                at GET /api/tickers/<name>
 */
@Validated
@ConfigurationProperties("ticker")
public record SourceProperties(@Valid List<Source> sources, Map<String, @Valid Ticker> tickers)
        implements PropertyRules {

    /** Source ids must be safe in URLs, metric tags and log lines. */
    public static final String ID_PATTERN = "[a-z0-9][a-z0-9-]{0,62}";

    public SourceProperties {
        sources = sources == null ? List.of() : List.copyOf(sources);
        tickers = tickers == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(tickers));
    }

    /** One id per source, none the API uses as a path; named tickers of configured sources only. */
    @Override
    public void check(BiConsumer<String, String> problems) {
        NamedTickers.resolve(this, SourceCatalog.serving(this, SourceCatalog.configured(this, problems)), problems);
    }

    /**
     * One configured account; {@code id} is optional and derived from provider and account.
     *
     * @param id       stable id, derived (provider-account) when not set
     * @param provider instagram, github, mastodon, bluesky, youtube, demo, or any provider a file in
     *                 routes/ adds
     * @param account  the account at that provider
     */
    public record Source(
            @Pattern(regexp = ID_PATTERN, message = "must match " + ID_PATTERN)
            String id,

            @NotBlank(message = "is required (for example instagram or demo)")
            String provider,

            @NotBlank(message = "is required (the account at the provider)")
            String account) {}

    /**
     * A named ticker: some of the sources, with a body of their own at {@code GET /api/tickers/<name>},
     * for a deployment where one body with every source is too much for one page.
     *
     * @param sources ids of configured sources
     */
    public record Ticker(
            @NotEmpty(message = "must name at least one source id")
            List<String> sources) {
        public Ticker {
            sources = sources == null ? List.of() : List.copyOf(sources);
        }
    }
}
