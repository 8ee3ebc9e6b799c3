package dev.socialticker.ticker.trial;

import dev.socialticker.ticker.config.ConfigurationProblems;
import dev.socialticker.ticker.provider.file.ProviderCatalog;
import dev.socialticker.ticker.provider.file.ProviderRequirements;
import dev.socialticker.ticker.provider.file.ProviderRouteLoader;
import dev.socialticker.ticker.provider.file.ProviderSettingsCheck;
import dev.socialticker.ticker.routefile.RouteFile;
import dev.socialticker.ticker.routefile.RouteFolder;
import java.nio.file.Path;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelContextConfiguration;

/**
 * Loads the one file being tried, through the service's own loader (the same parsing, contract
 * check and refusal reasons), before Camel starts its routes, as the service's provider check does
 * for every file; then refuses, as the service would, with every problem of the configuration: the
 * properties', what the file asks of the account and the settings, and a setting under the tried
 * provider's name that it does not know (a mistyped {@code base-url} would send the try to the
 * public API).
 */
class TrialFileLoading implements CamelContextConfiguration {
    private final ProviderRouteLoader loader;
    private final ProviderCatalog providers;
    private final ProviderRequirements requirements;
    private final ProviderSettingsCheck settings;
    private final ConfigurationProblems problems;
    private final Path path;
    private RouteFile file;

    /** The file the command line names, handed to the context by the command. */
    record Target(Path file) {}

    TrialFileLoading(
            ProviderRouteLoader loader,
            ProviderCatalog providers,
            ProviderRequirements requirements,
            ProviderSettingsCheck settings,
            ConfigurationProblems problems,
            Target target) {
        this.loader = loader;
        this.providers = providers;
        this.requirements = requirements;
        this.settings = settings;
        this.problems = problems;
        this.path = target.file();
    }

    @Override
    public void beforeApplicationStart(CamelContext context) {
        Path folder = path.toAbsolutePath().normalize().getParent();
        file = new RouteFolder(folder).file(path);
        // Shown as the user wrote it, not as an absolute path.
        file = new RouteFile(file.name(), path.toString(), file.uri(), file.packaged());
        loader.load(context, file);
        // A refused file is reported by the trial itself, with the reason.
        providers.find(file.name()).ifPresent(loaded -> problems.addAll(requirements.problems(loaded)));
        problems.addAll(settings.problems(context, file.name()::equals));
        problems.refuseIfAny();
    }

    @Override
    public void afterApplicationStart(CamelContext context) {
        // nothing: the try command calls the route itself
    }

    RouteFile file() {
        return file;
    }
}
