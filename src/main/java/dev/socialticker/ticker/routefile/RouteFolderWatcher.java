package dev.socialticker.ticker.routefile;

import dev.socialticker.ticker.logging.SecretMasking;
import dev.socialticker.ticker.routefile.problem.RouteFileProblem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.support.FileWatcherResourceReloadStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * With {@code ticker.routes.reload=true}, watches one folder of route files with Camel's file watcher
 * (not its sub-folders: the outputs' folder inside the routes folder has a watcher of its own) and
 * applies a changed file without a restart, once it has been still for {@link SettlingFiles#QUIET}
 * (so a file being written is read whole): a good file replaces its route, a bad one is refused and
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

    /** How often files waiting to be still are looked at. */
    static final Duration LOOK = Duration.ofMillis(100);

    private static final Logger log = LoggerFactory.getLogger(RouteFolderWatcher.class);

    /** What a kind of route file does with a change, and how it refuses one. */
    public interface Loader {
        RouteFolder folder();

        RouteFileCatalog<?> catalog();

        /** How logs and refusals name a file of this kind: "provider", "output", "channel". */
        String noun();

        /** @return true when the file now runs */
        boolean load(CamelContext context, RouteFile file);

        /** The file was deleted. */
        void unload(CamelContext context, String name) throws Exception;

        /** A file in the folder whose name is not {@code <name>.camel.yaml}: reported, never loaded. */
        default void refuseMisnamed(Path path) {
            String noun = noun();
            refuse(
                    path.getFileName().toString(),
                    folder().dir().resolve(path.getFileName()).toString(),
                    List.of(RouteFileProblem.of(
                            "not loaded: " + ("aeiou".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun
                                    + " file is named <" + noun + ">" + RouteFile.SUFFIX,
                            "lower-case letters, digits and '-', then " + RouteFile.SUFFIX)));
        }

        /** A file refused with its problems: kept for health, and logged once with every secret masked. */
        default void refuse(String key, String location, List<RouteFileProblem> problems) {
            String noun = noun();
            LoggerFactory.getLogger(getClass())
                    .error(
                            "{} file {} is not used:\n{}",
                            Character.toUpperCase(noun.charAt(0)) + noun.substring(1),
                            location,
                            catalog()
                                    .refuse(key, location, problems, SecretMasking::mask)
                                    .details());
        }

        /** Watches the folder when {@code reload} is on ({@code ticker.routes.reload}). */
        default void watchIf(boolean reload, CamelContext context) {
            if (!reload) {
                return;
            }
            try {
                watch(context, this, noun() + " files");
            } catch (Exception failed) {
                throw new IllegalStateException("Cannot watch the " + noun() + " files' folder for changes", failed);
            }
        }
    }

    private final SettlingFiles settling;

    private RouteFolderWatcher(SettlingFiles settling) {
        this.settling = settling;
    }

    /**
     * @param what what the folder holds, for the log ("provider files")
     * @return the watch, or null when the folder does not exist
     */
    public static RouteFolderWatcher watch(CamelContext context, Loader loader, String what) throws Exception {
        return watch(context, loader, what, Clock.systemUTC(), SettlingFiles.QUIET);
    }

    /** As {@link #watch(CamelContext, Loader, String)}, on a given clock and quiet period (tests). */
    static RouteFolderWatcher watch(CamelContext context, Loader loader, String what, Clock clock, Duration quiet)
            throws Exception {
        Path dir = loader.folder().dir().toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            log.warn("ticker.routes.reload is on, but the folder {} does not exist: no {} to watch", dir, what);
            return null;
        }
        RouteFolderWatcher watch = new RouteFolderWatcher(new SettlingFiles(clock, quiet));
        FileWatcherResourceReloadStrategy watcher = new FileWatcherResourceReloadStrategy(dir.toString());
        watcher.setRecursive(false);
        watcher.setFileFilter(file -> RouteFolder.yaml(file.toPath()));
        watcher.setResourceReload((name, resource) ->
                watch.settling.changed(Path.of(resource.getLocation().replaceFirst("^file:", ""))));
        // Both started now and stopped with Camel.
        context.addService(watcher, true, true);
        ScheduledExecutorService looks =
                context.getExecutorServiceManager().newSingleThreadScheduledExecutor(watcher, "RouteFolderSettling");
        looks.scheduleWithFixedDelay(
                () -> watch.applySettled(context, loader), LOOK.toMillis(), LOOK.toMillis(), TimeUnit.MILLISECONDS);
        log.info(
                "Watching {} for changed {}: each is applied once it has been still for {} ms ({})",
                dir,
                what,
                quiet.toMillis(),
                SETTINGS_AT_START_UP);
        return watch;
    }

    /** The files changed and not applied yet: they wait until they have been still for the quiet period. */
    Set<Path> waiting() {
        return settling.waiting();
    }

    private void applySettled(CamelContext context, Loader loader) {
        for (Path path : settling.settled()) {
            try {
                changed(context, loader, path);
            } catch (Exception failed) {
                // Our own routes failing to stop or start, not a bad file (those are refused with their reason).
                log.error("Applying the change to {} failed", path, failed);
            }
        }
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
