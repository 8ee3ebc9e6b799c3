package dev.socialticker.ticker.provider.file;

import dev.socialticker.ticker.config.SourceCatalog;
import dev.socialticker.ticker.config.TickerConfigurationException;
import dev.socialticker.ticker.domain.TickerSource;
import dev.socialticker.ticker.provider.contract.ProviderEndpoints;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.camel.CamelContext;
import org.apache.camel.model.Model;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.stereotype.Component;

/**
 * Loads the provider files once every Java route is defined and before Camel starts any route,
 * then refuses to start when a source names a provider no route implements, or lacks what its
 * provider needs (a credential, an account of the right form), so the service never runs
 * half-working in silence.
 */
@Component
class ProviderCheck implements CamelContextConfiguration {

    private final ProviderRouteLoader loader;
    private final ProviderCatalog providers;
    private final ProviderRequirements requirements;
    private final SourceCatalog sources;
    private final ProviderRouteReloader reloader;

    ProviderCheck(
            ProviderRouteLoader loader,
            ProviderCatalog providers,
            ProviderRequirements requirements,
            SourceCatalog sources,
            ProviderRouteReloader reloader) {
        this.reloader = reloader;
        this.loader = loader;
        this.providers = providers;
        this.requirements = requirements;
        this.sources = sources;
    }

    @Override
    public void beforeApplicationStart(CamelContext context) {
        loader.loadAll(context);
        // Routes are still definitions at this point: nothing has started, the timer included.
        Model model = context.getCamelContextExtension().getContextPlugin(Model.class);
        TreeSet<String> available = model.getRouteDefinitions().stream()
                .map(RouteDefinition::getRouteId)
                .filter(id -> id != null && id.startsWith(ProviderEndpoints.ROUTE_ID_PREFIX))
                .map(id -> id.substring(ProviderEndpoints.ROUTE_ID_PREFIX.length()))
                .collect(Collectors.toCollection(TreeSet::new));
        List<TickerSource> all = sources.all();
        for (int i = 0; i < all.size(); i++) {
            TickerSource source = all.get(i);
            if (!available.contains(source.provider())) {
                throw new TickerConfigurationException(unavailable(i, source, available));
            }
        }
        sources.all().stream()
                .map(TickerSource::provider)
                .distinct()
                .map(providers::find)
                .flatMap(Optional::stream)
                .forEach(requirements::check);
    }

    @Override
    public void afterApplicationStart(CamelContext context) {
        try {
            reloader.start(context);
        } catch (Exception failed) {
            throw new IllegalStateException("Cannot watch the routes folder for changes", failed);
        }
    }

    private String unavailable(int index, TickerSource source, TreeSet<String> available) {
        String property = "ticker.sources[" + index + "].provider";
        return providers
                .findBroken(source.provider())
                .map(broken -> property + ": provider '" + source.provider() + "' is not available, its file was"
                        + " refused: " + broken.reason() + "; available providers: " + String.join(", ", available))
                .orElse(property + ": unknown provider '" + source.provider() + "'; available providers: "
                        + String.join(", ", available));
    }
}
