package dev.socialticker.ticker.provider.file;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.FileWatcherResourceReloadStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * With {@code ticker.routes.reload=true}, watches the routes folder (Camel's file watcher) and
 * applies a changed provider file without a restart: a good file replaces its provider's route, a
 * bad one is refused and the running route stays, a deleted one falls back to the packaged file
 * of that name or stops the provider.
 */
@Component
class ProviderRouteReloader {
    private static final Logger log = LoggerFactory.getLogger(ProviderRouteReloader.class);

    private final boolean enabled;
    private final ProviderRouteFiles files;
    private final ProviderRouteLoader loader;
    private final ProviderCatalog catalog;

    ProviderRouteReloader(
            RoutesProperties routes, ProviderRouteFiles files, ProviderRouteLoader loader, ProviderCatalog catalog) {
        this.enabled = routes.reload();
        this.files = files;
        this.loader = loader;
        this.catalog = catalog;
    }

    void start(CamelContext context) throws Exception {
        if (!enabled) {
            return;
        }
        Path dir = files.dir().toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            log.warn("ticker.routes.reload is on, but the routes folder {} does not exist: nothing to watch", dir);
            return;
        }
        FileWatcherResourceReloadStrategy watcher = new FileWatcherResourceReloadStrategy(dir.toString());
        watcher.setFileFilter(
                file -> file.getName().endsWith(".yaml") || file.getName().endsWith(".yml"));
        watcher.setResourceReload((name, resource) -> changed(context, resource));
        // Started now and stopped with Camel.
        context.addService(watcher, true, true);
        log.info("Watching {} for changed provider files", dir);
    }

    private void changed(CamelContext context, Resource resource) throws Exception {
        Path path = Path.of(resource.getLocation().replaceFirst("^file:", ""));
        ProviderFile file = files.inDir(path);
        if (file == null && !Files.exists(path)) {
            catalog.forgetBroken(path.getFileName().toString());
            return;
        }
        if (file == null) {
            loader.refuseMisnamed(path);
            return;
        }
        if (!Files.exists(path)) {
            loader.unload(context, file.name());
        } else if (!loader.load(context, file) && catalog.find(file.name()).isPresent()) {
            log.warn("Provider '{}' keeps running its previous route until {} is fixed", file.name(), file.location());
        }
    }
}
