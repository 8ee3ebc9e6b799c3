package dev.socialticker.ticker.routefile;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.camel.CamelContext;
import org.apache.camel.support.FileWatcherResourceReloadStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * With {@code ticker.routes.reload=true}, watches one folder of route files with Camel's file watcher
 * (not its sub-folders: the outputs' folder inside the routes folder has a watcher of its own) and
 * applies a changed file without a restart: a good file replaces its route, a bad one is refused and
 * the running route stays, a deleted one is unloaded, a misnamed one is reported.
 *
 * <p>Files only: the settings a file names ({@code ticker.providers.*}, {@code ticker.outputs.*}) are
 * read as the service started (an environment variable cannot change in a running process, and
 * Spring Boot reads its configuration files once), so a changed setting needs a restart.
 */
public final class RouteFolderWatcher {
    /** Said wherever a reload meets a setting that is missing or wrong. */
    public static final String SETTINGS_AT_START_UP =
            "settings are read when the service starts; ticker.routes.reload applies changed files, not changed settings";

    private static final Logger log = LoggerFactory.getLogger(RouteFolderWatcher.class);

    /** What a kind of route file does with a change. */
    public interface Loader {
        RouteFolder folder();

        RouteFileCatalog<?> catalog();

        /** @return true when the file now runs */
        boolean load(CamelContext context, RouteFile file);

        /** The file was deleted. */
        void unload(CamelContext context, String name) throws Exception;

        void refuseMisnamed(Path path);
    }

    private RouteFolderWatcher() {}

    /** @param what what the folder holds, for the log ("provider files") */
    public static void watch(CamelContext context, Loader loader, String what) throws Exception {
        Path dir = loader.folder().dir().toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            log.warn("ticker.routes.reload is on, but the folder {} does not exist: no {} to watch", dir, what);
            return;
        }
        FileWatcherResourceReloadStrategy watcher = new FileWatcherResourceReloadStrategy(dir.toString());
        watcher.setRecursive(false);
        watcher.setFileFilter(file -> RouteFolder.yaml(file.toPath()));
        watcher.setResourceReload((name, resource) ->
                changed(context, loader, Path.of(resource.getLocation().replaceFirst("^file:", ""))));
        // Started now and stopped with Camel.
        context.addService(watcher, true, true);
        log.info("Watching {} for changed {} ({})", dir, what, SETTINGS_AT_START_UP);
    }

    static void changed(CamelContext context, Loader loader, Path path) throws Exception {
        RouteFile file = loader.folder().file(path);
        if (file == null && !Files.exists(path)) {
            loader.catalog().forgetBroken(path.getFileName().toString());
            return;
        }
        if (file == null) {
            loader.refuseMisnamed(path);
            return;
        }
        if (!Files.exists(path)) {
            loader.unload(context, file.name());
        } else if (!loader.load(context, file)
                && loader.catalog().find(file.name()).isPresent()) {
            log.warn("'{}' keeps running its previous route until {} is fixed", file.name(), file.location());
        }
    }
}
