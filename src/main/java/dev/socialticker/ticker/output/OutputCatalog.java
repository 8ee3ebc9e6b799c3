package dev.socialticker.ticker.output;

import dev.socialticker.ticker.routefile.RouteFileCatalog;
import org.springframework.stereotype.Component;

/** The output files this instance runs, and those it refused with the reason. */
@Component
public class OutputCatalog extends RouteFileCatalog<OutputCatalog.Loaded> {
    /** An output that runs: where it was read from, and its parameters. */
    public record Loaded(String location, OutputSpec spec) {}
}
