package dev.socialticker.ticker.output;

import dev.socialticker.ticker.config.SourceCatalog;
import dev.socialticker.ticker.domain.TickerSource;
import dev.socialticker.ticker.routefile.RouteFile;
import dev.socialticker.ticker.routefile.RouteFiles;
import dev.socialticker.ticker.routefile.RouteFolder;
import dev.socialticker.ticker.routefile.RouteFolderWatcher;
import dev.socialticker.ticker.routefile.RoutesProperties;
import dev.socialticker.ticker.routefile.problem.RouteFileException;
import dev.socialticker.ticker.routefile.problem.RouteFileProblem;
import dev.socialticker.ticker.routefile.problem.RouteFileText;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Loads the output files of {@code <ticker.routes.dir>/outputs/} before Camel starts its routes, one
 * at a time: a file that does not parse or breaks the {@link OutputContract} is refused alone, logged
 * with the reason and shown by {@code /actuator/health} (component {@code outputs}); every other output
 * keeps working. With {@code ticker.routes.reload=true} the folder is watched like the providers' one.
 * No output is built in: without files, nothing is pushed.
 */
// Before the provider check, which may refuse the start: that start still reports every output file.
@Order(Ordered.HIGHEST_PRECEDENCE)
@Component
class OutputRouteLoader implements RouteFolderWatcher.Loader, CamelContextConfiguration {
    static final String FOLDER = "outputs";
    private static final Logger log = LoggerFactory.getLogger(OutputRouteLoader.class);

    private final RouteFolder folder;
    private final boolean reload;
    private final OutputCatalog catalog;
    private final OutputQueues queues;
    private final Map<String, OutputTemplate> templates = new TreeMap<>();
    private final Set<String> sources;

    OutputRouteLoader(
            RoutesProperties routes,
            OutputCatalog catalog,
            OutputQueues queues,
            List<OutputTemplate> templates,
            SourceCatalog sources) {
        this.folder = new RouteFolder(Path.of(routes.dir()).resolve(FOLDER));
        this.reload = routes.reload();
        this.catalog = catalog;
        this.queues = queues;
        templates.forEach(template -> this.templates.put(template.id(), template));
        this.sources = sources.all().stream().map(TickerSource::id).collect(Collectors.toSet());
    }

    @Override
    public void beforeApplicationStart(CamelContext context) {
        folder.files().stream().filter(path -> folder.file(path) == null).forEach(this::refuseMisnamed);
        folder.routeFiles().forEach(file -> load(context, file));
        if (!catalog.loaded().isEmpty() || !catalog.broken().isEmpty()) {
            log.info(
                    "Outputs loaded: {} (folder {}{})",
                    catalog.loaded().keySet(),
                    folder.dir().toAbsolutePath(),
                    catalog.broken().isEmpty()
                            ? ""
                            : "; refused: " + catalog.broken().keySet());
        }
    }

    @Override
    public void afterApplicationStart(CamelContext context) {
        watchIf(reload, context);
    }

    @Override
    public String noun() {
        return "output";
    }

    @Override
    public RouteFolder folder() {
        return folder;
    }

    @Override
    public OutputCatalog catalog() {
        return catalog;
    }

    /** Loads one file, replacing the running output of that name; on any problem the running one stays. */
    @Override
    public synchronized boolean load(CamelContext context, RouteFile file) {
        RouteBuilder builder;
        OutputSpec spec;
        try {
            RouteFileText text = RouteFiles.read(context, file);
            spec = OutputContract.check(file, text, templates, sources);
            builder = RouteFiles.parse(context, file, text);
        } catch (RouteFileException refused) {
            refuse(file.name(), file.location(), refused.problems());
            return false;
        } catch (RuntimeException broken) {
            refuse(file.name(), file.location(), List.of(RouteFileProblem.of(RouteFiles.reason(broken))));
            return false;
        }
        String routeId = OutputEndpoints.routeId(file.name());
        try {
            RouteFiles.install(context, routeId, builder);
        } catch (RouteFileException failed) {
            if (context.getRoute(routeId) == null) {
                stop(file.name());
            }
            refuse(file.name(), file.location(), failed.problems());
            return false;
        }
        catalog.loaded(file.name(), new OutputCatalog.Loaded(file.location(), spec));
        queues.run(spec);
        log.info("Output '{}' ({}) loaded from {}", file.name(), spec.template(), file.location());
        return true;
    }

    @Override
    public synchronized void unload(CamelContext context, String name) throws Exception {
        RouteFiles.remove(context, OutputEndpoints.routeId(name));
        stop(name);
        log.warn("Output '{}' removed: its file is gone from {}", name, folder.dir());
    }

    private void stop(String name) {
        catalog.removed(name);
        queues.stop(name);
    }
}
