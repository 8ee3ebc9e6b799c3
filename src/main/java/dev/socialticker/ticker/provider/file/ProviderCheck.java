package dev.socialticker.ticker.provider.file;

import dev.socialticker.ticker.config.ClosestName;
import dev.socialticker.ticker.config.ConfigurationProblems;
import dev.socialticker.ticker.config.SourceCatalog;
import dev.socialticker.ticker.domain.TickerSource;
import dev.socialticker.ticker.provider.contract.ProviderEndpoints;
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
 * provider needs (a credential, an account of the right form), or a provider's setting is one it
 * does not know, so the service never runs half-working in silence. The one refusal lists these
 * together with every problem the properties showed (see config.ConfigurationProblems).
 */
@Component
class ProviderCheck implements CamelContextConfiguration {

    private final ProviderRouteLoader loader;
    private final ProviderCatalog providers;
    private final ProviderRequirements requirements;
    private final SourceCatalog sources;
    private final ProviderRouteReloader reloader;
    private final ProviderSettingsCheck settings;
    private final ConfigurationProblems problems;

    ProviderCheck(
            ProviderRouteLoader loader,
            ProviderCatalog providers,
            ProviderRequirements requirements,
            SourceCatalog sources,
            ProviderRouteReloader reloader,
            ProviderSettingsCheck settings,
            ConfigurationProblems problems) {
        this.reloader = reloader;
        this.settings = settings;
        this.problems = problems;
        this.loader = loader;
        this.providers = providers;
        this.requirements = requirements;
        this.sources = sources;
    }

    /**
     * Adds every problem only the provider files can tell to those the properties showed, then
     * refuses the start when there is any, listing them all.
     */
    @Override
    public void beforeApplicationStart(CamelContext context) {
        loader.loadAll(context);
        TreeSet<String> available = defined(context);
        for (TickerSource source : sources.all()) {
            if (!available.contains(source.provider())) {
                problems.add(sources.property(source) + ".provider", unavailable(source, available));
            }
        }
        sources.all().stream()
                .map(TickerSource::provider)
                .distinct()
                .map(providers::find)
                .flatMap(Optional::stream)
                .forEach(provider -> problems.addAll(requirements.problems(provider)));
        problems.addAll(settings.problems(context, provider -> true));
        problems.refuseIfAny();
    }

    /** The providers whose routes are defined; at start-up still definitions: nothing has started, the timer included. */
    static TreeSet<String> defined(CamelContext context) {
        Model model = context.getCamelContextExtension().getContextPlugin(Model.class);
        return model.getRouteDefinitions().stream()
                .map(RouteDefinition::getRouteId)
                .filter(id -> id != null && id.startsWith(ProviderEndpoints.ROUTE_ID_PREFIX))
                .map(id -> id.substring(ProviderEndpoints.ROUTE_ID_PREFIX.length()))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Override
    public void afterApplicationStart(CamelContext context) {
        try {
            reloader.start(context);
        } catch (Exception failed) {
            throw new IllegalStateException("Cannot watch the routes folder for changes", failed);
        }
    }

    private String unavailable(TickerSource source, TreeSet<String> available) {
        return providers
                .findBroken(source.provider())
                .map(broken -> "provider '" + source.provider() + "' is not available, its file was refused: "
                        + broken.reason() + "; available providers: " + String.join(", ", available))
                .orElse("unknown provider '" + source.provider() + "'"
                        + ClosestName.near(source.provider(), available)
                                .map(name -> "; did you mean " + name + "?")
                                .orElse("")
                        + "; available providers: " + String.join(", ", available));
    }
}
