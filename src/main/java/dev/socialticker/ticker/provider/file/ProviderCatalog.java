package dev.socialticker.ticker.provider.file;

import dev.socialticker.ticker.provider.contract.CountPrecision;
import dev.socialticker.ticker.provider.contract.ProviderDisplay;
import dev.socialticker.ticker.provider.contract.ProviderDisplays;
import dev.socialticker.ticker.provider.http.JsonOverHttpSpec;
import dev.socialticker.ticker.routefile.RouteFileCatalog;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The provider files this instance runs, and those it refused with the reason. Start-up checks,
 * {@code /actuator/health} and reloads all read it.
 */
@Component
public class ProviderCatalog extends RouteFileCatalog<ProviderCatalog.Loaded>
        implements CountPrecision, ProviderDisplays {
    /**
     * A provider route that is running; {@code spec} is null when it is not built on the template.
     *
     * @param settings the settings under {@code ticker.providers.<name>} its file names: those its
     *                 template parameters read ({@link JsonOverHttpSpec#settings()}) and those it
     *                 mentions by their full name ({@code {{ticker.providers.manual.count}}})
     */
    public record Loaded(String name, String location, JsonOverHttpSpec spec, Set<String> settings) {
        public Loaded {
            settings = Set.copyOf(settings);
        }
    }

    void loaded(Loaded provider) {
        loaded(provider.name(), provider);
    }

    /** As the provider's file declares (parameter {@code roundedCounts}); false for a provider without one. */
    @Override
    public boolean rounded(String provider) {
        return find(provider)
                .map(file -> file.spec() != null && file.spec().roundedCounts())
                .orElse(false);
    }

    /** As the provider's file declares (parameter {@code display}); the defaults for one without a file or the template. */
    @Override
    public ProviderDisplay of(String provider) {
        return find(provider)
                .map(Loaded::spec)
                .map(JsonOverHttpSpec::display)
                .orElseGet(() -> ProviderDisplay.defaults(provider));
    }
}
