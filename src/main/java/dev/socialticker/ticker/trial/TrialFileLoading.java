package dev.socialticker.ticker.trial;

import dev.socialticker.ticker.provider.file.ProviderRouteLoader;
import dev.socialticker.ticker.routefile.RouteFile;
import dev.socialticker.ticker.routefile.RouteFolder;
import java.nio.file.Path;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelContextConfiguration;

/**
 * Loads the one file being tried, through the service's own loader (the same parsing, contract
 * check and refusal reasons), before Camel starts its routes, as the service's provider check does
 * for every file.
 */
class TrialFileLoading implements CamelContextConfiguration {
    private final ProviderRouteLoader loader;
    private final Path path;
    private RouteFile file;

    /** The file the command line names, handed to the context by the command. */
    record Target(Path file) {}

    TrialFileLoading(ProviderRouteLoader loader, Target target) {
        this.loader = loader;
        this.path = target.file();
    }

    @Override
    public void beforeApplicationStart(CamelContext context) {
        Path folder = path.toAbsolutePath().normalize().getParent();
        file = new RouteFolder(folder).file(path);
        // Shown as the user wrote it, not as an absolute path.
        file = new RouteFile(file.name(), path.toString(), file.uri(), file.packaged());
        loader.load(context, file);
    }

    @Override
    public void afterApplicationStart(CamelContext context) {
        // nothing: the try command calls the route itself
    }

    RouteFile file() {
        return file;
    }
}
