package dev.socialticker.ticker.refresh;

import dev.socialticker.ticker.config.SourceCatalog;
import dev.socialticker.ticker.config.TickerConfigurationException;
import dev.socialticker.ticker.config.TickerProperties;
import dev.socialticker.ticker.config.TickerSource;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.camel.CamelContext;
import org.apache.camel.model.Model;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.stereotype.Component;

/**
 * Refuses to start when a source names a provider no route implements, or lacks what its provider
 * needs; checked once all routes are known and before the timer can fire, so the service never
 * runs half-working in silence.
 */
@Component
class ProviderCheck implements CamelContextConfiguration {
    private static final String PREFIX = "provider-";

    private final SourceCatalog catalog;
    private final TickerProperties properties;

    ProviderCheck(SourceCatalog catalog, TickerProperties properties) {
        this.catalog = catalog;
        this.properties = properties;
    }

    /** Runs once every route is defined and before Camel starts any of them. */
    @Override
    public void beforeApplicationStart(CamelContext context) {
        // Routes are still definitions at this point: nothing has started, the timer included.
        Model model = context.getCamelContextExtension().getContextPlugin(Model.class);
        TreeSet<String> available = model.getRouteDefinitions().stream().map(RouteDefinition::getRouteId)
                .filter(id -> id.startsWith(PREFIX)).map(id -> id.substring(PREFIX.length()))
                .collect(Collectors.toCollection(TreeSet::new));
        List<TickerSource> sources = catalog.all();
        for (int i = 0; i < sources.size(); i++) {
            TickerSource source = sources.get(i);
            if (!available.contains(source.provider())) {
                throw new TickerConfigurationException("ticker.sources[" + i + "].provider: unknown provider '"
                        + source.provider() + "'; available providers: " + String.join(", ", available));
            }
            if (source.provider().equals("instagram")) {
                checkInstagram(i, source);
            }
        }
    }

    @Override
    public void afterApplicationStart(CamelContext context) {
        // Everything is checked before start.
    }

    private void checkInstagram(int index, TickerSource source) {
        TickerProperties.Provider instagram = properties.provider("instagram");
        if (!instagram.hasAccessToken()) {
            throw new TickerConfigurationException("ticker.providers.instagram.access-token is required by source '"
                    + source.id() + "' (an Instagram Graph API token; see README.md)");
        }
        if (instagram.baseUrl() == null) {
            throw new TickerConfigurationException("ticker.providers.instagram.base-url must be set");
        }
        if (!source.account().matches("\\d{1,30}")) {
            throw new TickerConfigurationException("ticker.sources[" + index + "].account: an Instagram account is"
                    + " the numeric Instagram user id (for example 17841400000000000), not '" + source.account() + "'");
        }
    }
}
