package dev.socialticker.ticker.output;

import dev.socialticker.ticker.delivery.DeliveryDesk;
import dev.socialticker.ticker.delivery.DeliveryMeters;
import dev.socialticker.ticker.delivery.DeliveryRecord;
import dev.socialticker.ticker.routefile.RouteFilesHealth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component {@code outputs}: each output's template, file, last delivery, last
 * dead letter (code, time, HTTP status, attempts) and pushes waiting. {@value #DEGRADED} while an output
 * file is refused or an output's latest push failed, with the file or output and the reason in the
 * status description. Not DOWN: the service still serves and refreshes; what is lost is one output.
 */
@Component("outputs")
class OutputsHealthIndicator extends AbstractHealthIndicator {
    static final String DEGRADED = "DEGRADED";

    private final OutputCatalog catalog;
    private final DeliveryDesk desk;
    private final OutputQueues queues;

    OutputsHealthIndicator(OutputCatalog catalog, DeliveryDesk desk, OutputQueues queues) {
        super("Outputs could not be checked");
        this.catalog = catalog;
        this.desk = desk;
        this.queues = queues;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        RouteFilesHealth.report(
                builder,
                catalog,
                output -> {
                    Map<String, Object> details = new LinkedHashMap<>();
                    details.put("template", output.spec().template());
                    details.put("file", output.location());
                    details.putAll(desk.record(
                                    DeliveryMeters.Kind.OUTPUT, output.spec().name())
                            .details());
                    details.put("pending", queues.pending(output.spec().name()));
                    return details;
                },
                new Status(DEGRADED));
        if (!catalog.broken().isEmpty()) {
            return;
        }
        StringJoiner failing = new StringJoiner(" | ");
        catalog.loaded().keySet().forEach(name -> {
            DeliveryRecord state = desk.record(DeliveryMeters.Kind.OUTPUT, name);
            if (state.failing()) {
                failing.add(name + ": " + state.summary());
            }
        });
        if (failing.length() > 0) {
            builder.status(new Status(DEGRADED, failing.toString()));
        }
    }
}
