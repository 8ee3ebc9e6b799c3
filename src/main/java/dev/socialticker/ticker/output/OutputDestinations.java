package dev.socialticker.ticker.output;

import dev.socialticker.ticker.delivery.CatalogDestinations;
import dev.socialticker.ticker.delivery.DeliveryMeters;
import org.springframework.stereotype.Component;

/** The outputs, as the status console lists them. */
@Component
class OutputDestinations extends CatalogDestinations<OutputCatalog.Loaded> {

    OutputDestinations(OutputCatalog catalog, OutputQueues queues, OutputFeed feed) {
        super(DeliveryMeters.Kind.OUTPUT, catalog, output -> output.spec().template(), queues::pending, feed::pushes);
    }
}
