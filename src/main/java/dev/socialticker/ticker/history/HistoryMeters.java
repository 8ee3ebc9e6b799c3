package dev.socialticker.ticker.history;

import dev.socialticker.ticker.config.SourceCatalog;
import dev.socialticker.ticker.domain.TickerSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** {@code ticker_history_bytes{source}}: the size of each source's stored history. */
@Component
class HistoryMeters {

    HistoryMeters(MeterRegistry registry, SourceCatalog catalog, HistoryBook book) {
        for (TickerSource source : catalog.all()) {
            Gauge.builder("ticker.history", () -> book.bytes(source.id()))
                    .baseUnit("bytes")
                    .tag("source", source.id())
                    .tag("provider", source.provider())
                    .description("Size of the source's stored history of counts")
                    .register(registry);
        }
    }
}
