package dev.socialticker.ticker.provider.file;

import dev.socialticker.ticker.config.TickerConfigurationException;
import dev.socialticker.ticker.logging.SecretMasking;
import dev.socialticker.ticker.provider.contract.ProviderEndpoints;
import dev.socialticker.ticker.provider.contract.ProviderRouteReplaced;
import dev.socialticker.ticker.provider.http.JsonOverHttpSpec;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.Model;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.reifier.RouteReifier;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
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
class ProviderRouteLoader {
    private static final Logger log = LoggerFactory.getLogger(ProviderRouteLoader.class);

    private final ProviderRouteFiles files;
    private final ProviderCatalog catalog;
    private final ApplicationEventPublisher events;
    private final ProviderRequirements requirements;

    ProviderRouteLoader(
            ProviderRouteFiles files,
            ProviderCatalog catalog,
            ApplicationEventPublisher events,
            ProviderRequirements requirements) {
        this.files = files;
        this.catalog = catalog;
        this.events = events;
        this.requirements = requirements;
    }

    /** Loads every provider file; called once, before Camel starts its routes. */
    void loadAll(CamelContext context) {
        files.filesInDir().stream().filter(path -> files.inDir(path) == null).forEach(this::refuseMisnamed);
        List<ProviderFile> all = files.all();
        for (ProviderFile file : all) {
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
    synchronized boolean load(CamelContext context, ProviderFile file) {
        RouteBuilder builder;
        ProviderCatalog.Loaded provider;
        try {
            builder = parse(context, file);
            provider = ProviderContract.check(file, builder, ProviderContract.internalEndpoints(context));
            tryBuild(context, builder);
            if (context.isStarted()) {
                // A reload must not break a running source; at start-up the same check stops start-up.
                checkRequirements(provider);
            }
        } catch (ProviderFileException | RuntimeException broken) {
            refuse(file.name(), file.location(), reason(broken));
            return false;
        } catch (Exception unreadable) {
            refuse(file.name(), file.location(), reason(unreadable));
            return false;
        }
        String routeId = ProviderEndpoints.routeId(file.name());
        Model model = context.getCamelContextExtension().getContextPlugin(Model.class);
        RouteDefinition previous = context.getRoute(routeId) == null ? null : model.getRouteDefinition(routeId);
        try {
            if (previous != null) {
                // A reload: the new definition replaces the running route.
                remove(context, routeId);
            }
            context.addRoutes(builder);
            context.addTemplatedRoutes(builder);
        } catch (Exception failed) {
            refuse(file.name(), file.location(), reason(failed));
            restore(context, routeId, previous);
            return false;
        }
        if (previous != null) {
            // Entity tags belong to the answers of the previous route (other fields, another URL).
            events.publishEvent(new ProviderRouteReplaced(file.name()));
        }
        catalog.loaded(provider);
        log.info("Provider '{}' loaded from {}", file.name(), file.location());
        return true;
    }

    /**
     * Builds the routes a file writes by hand, without adding them, so that an unknown endpoint,
     * a missing {@code {{property}}} or a bad expression refuses that file instead of failing
     * Camel's start for every provider. Template-made routes need not: the template is ours and
     * its parameters are checked by {@link JsonOverHttpSpec}.
     */
    private static void tryBuild(CamelContext context, RouteBuilder builder) throws ProviderFileException {
        for (RouteDefinition route : builder.getRouteCollection().getRoutes()) {
            try {
                new RouteReifier(context, route).createRoute();
            } catch (RuntimeException unbuildable) {
                throw new ProviderFileException("route cannot be built: " + reason(unbuildable));
            }
        }
    }

    private void checkRequirements(ProviderCatalog.Loaded provider) throws ProviderFileException {
        try {
            requirements.check(provider);
        } catch (TickerConfigurationException breaking) {
            throw new ProviderFileException("not applied, it would break a source: " + breaking.getMessage());
        }
    }

    private static void remove(CamelContext context, String routeId) throws Exception {
        if (context.getRoute(routeId) != null) {
            context.getRouteController().stopRoute(routeId);
            context.removeRoute(routeId);
        }
    }

    /** After a failed replacement: the route that ran before runs again. */
    private void restore(CamelContext context, String routeId, RouteDefinition previous) {
        if (previous == null) {
            return;
        }
        try {
            remove(context, routeId);
            context.getCamelContextExtension().getContextPlugin(Model.class).addRouteDefinition(previous);
        } catch (Exception failed) {
            catalog.removed(routeId.substring(ProviderEndpoints.ROUTE_ID_PREFIX.length()));
            log.error("Provider route {} could not be restored: {}", routeId, reason(failed));
        }
    }

    /** A provider file was deleted from the folder: fall back to the packaged one, or stop the provider. */
    synchronized void unload(CamelContext context, String name) throws Exception {
        catalog.forgetBroken(name);
        ProviderFile packaged = files.packaged(name);
        if (packaged != null) {
            load(context, packaged);
            return;
        }
        remove(context, ProviderEndpoints.routeId(name));
        catalog.removed(name);
        log.warn("Provider '{}' removed: its file is gone from {}", name, files.dir());
    }

    static RouteBuilder parse(CamelContext context, ProviderFile file) throws Exception {
        Resource resource = ResourceHelper.resolveMandatoryResource(context, file.uri());
        Collection<RoutesBuilder> builders =
                PluginHelper.getRoutesLoader(context).findRoutesBuilders(List.of(resource));
        if (builders.size() != 1 || !(builders.iterator().next() instanceof RouteBuilder builder)) {
            throw new ProviderFileException("not a Camel YAML DSL route file");
        }
        // Builds the definitions without adding them, so the contract can be checked first.
        builder.configureRoutes(context);
        return builder;
    }

    /** A file in the folder whose name is not {@code <name>.camel.yaml}: reported, never loaded. */
    void refuseMisnamed(Path path) {
        refuse(
                path.getFileName().toString(),
                files.dir().resolve(path.getFileName()).toString(),
                "not loaded: a provider file is named <provider>" + ProviderFile.SUFFIX
                        + " (lower-case letters, digits and '-')");
    }

    private void refuse(String key, String location, String reason) {
        // The reason may quote the offending line; health shows it to anyone, so mask it here.
        reason = SecretMasking.mask(reason);
        catalog.broken(new ProviderCatalog.Broken(key, location, reason));
        log.error("Provider file {} is not used: {}", location, reason);
    }

    /** The innermost useful message: YAML errors carry the line and column there. */
    private static String reason(Throwable failure) {
        StringBuilder reason = new StringBuilder();
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && !message.isBlank() && reason.indexOf(message.strip()) < 0) {
                if (!reason.isEmpty()) {
                    reason.append(": ");
                }
                reason.append(message.strip());
            }
        }
        String text = reason.isEmpty() ? failure.getClass().getSimpleName() : reason.toString();
        return text.replaceAll("\\s*\\R\\s*", " ").trim();
    }
}
