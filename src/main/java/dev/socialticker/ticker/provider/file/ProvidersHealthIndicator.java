package dev.socialticker.ticker.provider.file;

import dev.socialticker.ticker.routefile.RouteFilesHealth;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component {@code providers}: DOWN while any provider file is refused,
 * with the file and the reason in the status description.
 */
@Component("providers")
class ProvidersHealthIndicator extends AbstractHealthIndicator {
    private final ProviderCatalog catalog;

    ProvidersHealthIndicator(ProviderCatalog catalog) {
        super("Provider files could not be checked");
        this.catalog = catalog;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        RouteFilesHealth.report(builder, catalog, ProviderCatalog.Loaded::location, Status.DOWN);
    }
}
