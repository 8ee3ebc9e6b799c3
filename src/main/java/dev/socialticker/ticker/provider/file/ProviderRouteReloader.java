package dev.socialticker.ticker.provider.file;

import dev.socialticker.ticker.routefile.RouteFolderWatcher;
import dev.socialticker.ticker.routefile.RoutesProperties;
import org.apache.camel.CamelContext;
import org.springframework.stereotype.Component;

/**
 * With {@code ticker.routes.reload=true}, watches the routes folder and applies a changed provider
 * file without a restart (see {@link RouteFolderWatcher}); a deleted one falls back to the packaged
 * file of that name or stops the provider.
 */
@Component
class ProviderRouteReloader {
    private final boolean enabled;
    private final ProviderRouteLoader loader;

    ProviderRouteReloader(RoutesProperties routes, ProviderRouteLoader loader) {
        this.enabled = routes.reload();
        this.loader = loader;
    }

    void start(CamelContext context) throws Exception {
        if (enabled) {
            RouteFolderWatcher.watch(context, loader, "provider files");
        }
    }
}
