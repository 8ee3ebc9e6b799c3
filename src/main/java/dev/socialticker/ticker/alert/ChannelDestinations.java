package dev.socialticker.ticker.alert;

import dev.socialticker.ticker.delivery.CatalogDestinations;
import dev.socialticker.ticker.delivery.DeliveryMeters;
import org.springframework.stereotype.Component;

/** The alert channels, as the status console lists them. */
@Component
class ChannelDestinations extends CatalogDestinations<ChannelCatalog.Loaded> {

    ChannelDestinations(ChannelCatalog catalog, Channels channels, AlertSpeaker speaker) {
        super(
                DeliveryMeters.Kind.CHANNEL,
                catalog,
                channel -> channel.spec().template(),
                channels::pending,
                speaker::speaks);
    }
}
