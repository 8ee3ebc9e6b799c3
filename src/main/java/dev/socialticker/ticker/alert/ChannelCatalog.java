package dev.socialticker.ticker.alert;

import dev.socialticker.ticker.routefile.RouteFileCatalog;
import org.springframework.stereotype.Component;

/**
 * The alert channels this instance runs (the built-in ones and the files), and the files it refused
 * with the reason.
 */
@Component
public class ChannelCatalog extends RouteFileCatalog<ChannelCatalog.Loaded> {
    /**
     * A channel that runs: where it was read from (a file, or the properties of a built-in channel), and
     * its parameters.
     */
    public record Loaded(String location, ChannelSpec spec) {}
}
