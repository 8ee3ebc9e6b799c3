package dev.socialticker.ticker.provider.file;

import dev.socialticker.ticker.config.ConfigurationProblem;
import dev.socialticker.ticker.domain.ProviderRouteReplaced;
import dev.socialticker.ticker.event.TickerEvents;
import dev.socialticker.ticker.provider.contract.ProviderEndpoints;
import dev.socialticker.ticker.provider.http.ProviderSettings;
import dev.socialticker.ticker.routefile.RouteFile;
import dev.socialticker.ticker.routefile.RouteFiles;
import dev.socialticker.ticker.routefile.RouteFolder;
import dev.socialticker.ticker.routefile.RouteFolderWatcher;
import dev.socialticker.ticker.routefile.problem.RouteFileException;
import dev.socialticker.ticker.routefile.problem.RouteFileProblem;
import dev.socialticker.ticker.token.TokenKeeper;
import dev.socialticker.ticker.token.TokenPolicy;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Loads provider files with the Camel YAML DSL, one file at a time: a file that does not parse or
 * breaks the {@link ProviderContract} is refused on its own, logged with the reason (and the line,
 * when Camel gives one) and shown by {@code /actuator/health}; every other provider keeps working.
 *
 * <p>Camel's own {@code routes-include-pattern} loads all files or fails start-up on the first bad
 * one, and cannot let a folder file replace a packaged one; hence this loader.
 */
@Component
public class ProviderRouteLoader implements RouteFolderWatcher.Loader {
    private static final Logger log = LoggerFactory.getLogger(ProviderRouteLoader.class);

    private final ProviderRouteFiles files;
    private final ProviderCatalog catalog;
    private final TickerEvents events;
    private final ProviderRequirements requirements;
    private final TokenKeeper tokens;
    private final ProviderSettings settings;

    ProviderRouteLoader(
            ProviderRouteFiles files,
            ProviderCatalog catalog,
            TickerEvents events,
            ProviderRequirements requirements,
            TokenKeeper tokens,
            ProviderSettings settings) {
        this.files = files;
        this.catalog = catalog;
        this.events = events;
        this.requirements = requirements;
        this.tokens = tokens;
        this.settings = settings;
    }

    /** Loads every provider file; called once, before Camel starts its routes. */
    void loadAll(CamelContext context) {
        files.filesInDir().stream().filter(path -> files.inDir(path) == null).forEach(this::refuseMisnamed);
        List<RouteFile> all = files.all();
        for (RouteFile file : all) {
            load(context, file);
        }
        log.info(
                "Provider routes loaded: {} (folder {}{})",
                catalog.loaded().keySet(),
                files.dir().toAbsolutePath(),
                catalog.broken().isEmpty()
                        ? ""
                        : "; refused: " + catalog.broken().keySet());
    }

    /**
     * Loads one file, replacing the running route of that provider when there is one; on any
     * problem the running route, if any, stays as it was.
     *
     * @return true when the file is now running
     */
    @Override
    public synchronized boolean load(CamelContext context, RouteFile file) {
        RouteBuilder builder;
        ProviderCatalog.Loaded provider;
        try {
            ProviderContract.Checked checked = ProviderContract.check(context, file, RouteFiles.read(context, file));
            builder = checked.builder();
            provider = checked.provider();
            if (context.isStarted()) {
                // A reload must not break a running source; at start-up the same check stops start-up.
                checkRequirements(provider);
            }
        } catch (RouteFileException refused) {
            refuse(file.name(), file.location(), refused.problems());
            return false;
        } catch (RuntimeException broken) {
            refuse(file.name(), file.location(), List.of(RouteFileProblem.of(RouteFiles.reason(broken))));
            return false;
        }
        boolean replaced;
        String routeId = ProviderEndpoints.routeId(file.name());
        try {
            replaced = RouteFiles.install(context, routeId, builder);
        } catch (RouteFileException failed) {
            if (context.getRoute(routeId) == null) {
                catalog.removed(file.name()); // the previous route could not be restored
            }
            refuse(file.name(), file.location(), failed.problems());
            return false;
        }
        if (replaced) {
            // Entity tags belong to the answers of the previous route (other fields, another URL).
            events.publish(new ProviderRouteReplaced(file.name()));
        }
        catalog.loaded(provider);
        log.info("Provider '{}' loaded from {}", file.name(), file.location());
        keepToken(context, provider);
        return true;
    }

    /** Starts (or stops) keeping the provider's token as the file now declares; a static credential needs nothing. */
    private void keepToken(CamelContext context, ProviderCatalog.Loaded provider) {
        TokenPolicy policy =
                provider.spec() == null ? TokenPolicy.STATIC : provider.spec().token();
        Function<String, String> setting = name -> settings.setting(provider.name(), name);
        Map<String, String> headers =
                provider.spec() == null ? Map.of() : provider.spec().headers().forTokenCalls(setting);
        try {
            tokens.keep(context, provider.name(), policy, setting, headers);
        } catch (Exception failed) {
            // Its routes are ours and built from a checked declaration: this is a bug, not a bad file.
            throw new IllegalStateException("Cannot keep the " + provider.name() + " token", failed);
        }
    }

    /** Every source the reloaded file would break, each said; the settings they need are read at start-up only. */
    private void checkRequirements(ProviderCatalog.Loaded provider) throws RouteFileException {
        List<ConfigurationProblem> breaking = requirements.problems(provider);
        if (!breaking.isEmpty()) {
            throw new RouteFileException(breaking.stream()
                    .map(breach -> RouteFileProblem.of(
                            "not applied, it would break a source: " + breach,
                            "the running route stays; change the file back, or change the configuration and restart ("
                                    + RouteFolderWatcher.SETTINGS_AT_START_UP + ")"))
                    .toList());
        }
    }

    /** A provider file was deleted from the folder: fall back to the packaged one, or stop the provider. */
    @Override
    public synchronized void unload(CamelContext context, String name) throws Exception {
        catalog.forgetBroken(name);
        RouteFile packaged = files.packaged(name);
        if (packaged != null) {
            load(context, packaged);
            return;
        }
        RouteFiles.remove(context, ProviderEndpoints.routeId(name));
        tokens.forget(context, name);
        catalog.removed(name);
        log.warn("Provider '{}' removed: its file is gone from {}", name, files.dir());
    }

    @Override
    public String noun() {
        return "provider";
    }

    @Override
    public RouteFolder folder() {
        return files.folder();
    }

    @Override
    public ProviderCatalog catalog() {
        return catalog;
    }
}
