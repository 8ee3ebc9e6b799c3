package dev.socialticker.ticker.provider.file;

import java.util.Map;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component {@code providers}: DOWN while any provider file is refused,
 * with the file and the reason in the status description, which the health endpoint shows even to
 * callers who may not see details (a reason names a file and a line, never a secret).
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
        Map<String, ProviderCatalog.Broken> broken = catalog.broken();
        catalog.loaded().forEach((name, provider) -> builder.withDetail(name, provider.location()));
        if (broken.isEmpty()) {
            builder.up();
            return;
        }
        StringBuilder description = new StringBuilder();
        broken.values().forEach(file -> {
            builder.withDetail(file.key(), "refused: " + file.reason());
            description
                    .append(description.isEmpty() ? "" : " | ")
                    .append(file.location())
                    .append(": ")
                    .append(file.reason());
        });
        builder.status(new Status(Status.DOWN.getCode(), description.toString()));
    }
}
