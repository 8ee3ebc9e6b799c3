package dev.socialticker.ticker.api;

import dev.socialticker.ticker.format.CountState;
import dev.socialticker.ticker.format.MetricsDocuments.Shown;
import dev.socialticker.ticker.json.JsonDocuments;
import dev.socialticker.ticker.refresh.RefreshGate;
import java.time.Clock;
import java.time.Instant;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;

/**
 * {@code GET /api/status}: every source's state as its body shows it ({@link MetricsRenderer}'s read
 * model, the one the metrics bodies are made from: the same judgement of live, stale and failing),
 * with when the refresher may next call its upstream ({@link RefreshGate}) and its quota. Written
 * for each request: it says "now", and the console asks every few seconds, not per reader of a
 * ticker.
 */
@Component
class StatusResponder implements Processor {
    private final MetricsRenderer renderer;
    private final RefreshGate gate;
    private final JsonDocuments json;
    private final Clock clock;

    StatusResponder(MetricsRenderer renderer, RefreshGate gate, JsonDocuments json, Clock clock) {
        this.renderer = renderer;
        this.gate = gate;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public void process(Exchange exchange) {
        Instant now = clock.instant();
        StatusDocument document = new StatusDocument(
                now.toString(),
                renderer.shownSources().stream().map(this::status).toList());
        Message message = exchange.getMessage();
        message.removeHeaders("*");
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        message.setHeader("Cache-Control", "no-cache");
        ResponseBody.set(message, json.write(document));
    }

    private StatusDocument.SourceStatus status(Shown shown) {
        var source = shown.document();
        String id = shown.state().source().id();
        var quota = shown.state().snapshot() == null
                ? null
                : shown.state().snapshot().quota();
        return new StatusDocument.SourceStatus(
                id,
                source.provider(),
                source.profile(),
                state(shown.reading().state()),
                source.total(),
                source.refreshedAt(),
                gate.nextAttemptAt(id).toString(),
                gate.inFlight(id),
                source.error(),
                quota == null ? null : quota.usedPercent(),
                shown.days());
    }

    private static String state(CountState state) {
        return switch (state) {
            case FRESH -> "live";
            case STALE -> "stale";
            case FAILING -> "failing";
            case NO_COUNT -> "no-data";
        };
    }
}
