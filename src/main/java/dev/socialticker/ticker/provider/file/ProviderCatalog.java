package dev.socialticker.ticker.provider.file;

import dev.socialticker.ticker.provider.contract.CountPrecision;
import dev.socialticker.ticker.provider.http.JsonOverHttpSpec;
import dev.socialticker.ticker.routefile.RouteFileCatalog;
import org.springframework.stereotype.Component;

/**
 * The provider files this instance runs, and those it refused with the reason. Start-up checks,
 * {@code /actuator/health} and reloads all read it.
 */
@Component
public class ProviderCatalog extends RouteFileCatalog<ProviderCatalog.Loaded> implements CountPrecision {
    /** A provider route that is running; {@code spec} is null when it is not built on the template. */
    public record Loaded(String name, String location, JsonOverHttpSpec spec) {}

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
}
