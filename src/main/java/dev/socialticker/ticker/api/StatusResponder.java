package dev.socialticker.ticker.api;

import dev.socialticker.ticker.delivery.DeliveryDesk;
import dev.socialticker.ticker.delivery.DeliveryMeters;
import dev.socialticker.ticker.delivery.DeliveryRecord;
import dev.socialticker.ticker.delivery.Destinations;
import dev.socialticker.ticker.fleet.FleetRoster;
import dev.socialticker.ticker.format.CountState;
import dev.socialticker.ticker.format.MetricsDocuments.Shown;
import dev.socialticker.ticker.json.JsonDocuments;
import dev.socialticker.ticker.refresh.RefreshGate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * {@code GET /api/status}: every source's state as its body shows it ({@link MetricsRenderer}'s read
 * model, the one the metrics bodies are made from: the same judgement of live, stale and failing),
 * with when the refresher may next call its upstream ({@link RefreshGate}) and its quota; each output
 * and alert channel with its delivery record ({@link DeliveryDesk}, what their health components
 * show); and in the shared mode the fleet's members ({@link FleetRoster}). Written for each request:
 * it says "now", and the console asks every few seconds, not per reader of a ticker.
 */
@Component
class StatusResponder implements Processor {
    private final MetricsRenderer renderer;
    private final RefreshGate gate;
    private final JsonDocuments json;
    private final Clock clock;
    private final List<Destinations> destinations;
    private final DeliveryDesk desk;
    private final ObjectProvider<FleetRoster> fleet;

    StatusResponder(
            MetricsRenderer renderer,
            RefreshGate gate,
            JsonDocuments json,
            Clock clock,
            List<Destinations> destinations,
            DeliveryDesk desk,
            ObjectProvider<FleetRoster> fleet) {
        this.renderer = renderer;
        this.gate = gate;
        this.json = json;
        this.clock = clock;
        this.destinations = destinations;
        this.desk = desk;
        this.fleet = fleet;
    }

    @Override
    public void process(Exchange exchange) {
        Instant now = clock.instant();
        StatusDocument document = new StatusDocument(
                now.toString(),
                renderer.shownSources().stream().map(this::status).toList(),
                destinations(DeliveryMeters.Kind.OUTPUT),
                destinations(DeliveryMeters.Kind.CHANNEL),
                fleet());
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

    private List<StatusDocument.DestinationStatus> destinations(DeliveryMeters.Kind kind) {
        List<StatusDocument.DestinationStatus> all = new ArrayList<>();
        for (Destinations of : destinations) {
            if (of.kind() != kind) {
                continue;
            }
            of.running().forEach(running -> all.add(destination(running, desk.record(kind, running.name()))));
            of.refused()
                    .forEach(refused -> all.add(new StatusDocument.DestinationStatus(
                            refused.file(), null, "refused", null, null, null, 0, refused.reason())));
        }
        return all;
    }

    private static StatusDocument.DestinationStatus destination(Destinations.Running running, DeliveryRecord record) {
        DeliveryRecord.Failed failure = record.lastFailure();
        return new StatusDocument.DestinationStatus(
                running.name(),
                running.template(),
                record.state().name().toLowerCase(Locale.ROOT),
                record.lastDeliveredAt() == null
                        ? null
                        : record.lastDeliveredAt().toString(),
                record.lastDelivered(),
                failure == null
                        ? null
                        : new StatusDocument.FailedDelivery(
                                failure.about(),
                                failure.code(),
                                failure.message(),
                                failure.at().toString(),
                                failure.httpStatus(),
                                failure.attempts()),
                running.pending(),
                null);
    }

    /** The document's field that lists a kind of destination. */
    private static String field(DeliveryMeters.Kind kind) {
        return switch (kind) {
            case OUTPUT -> "outputs";
            case CHANNEL -> "alertChannels";
        };
    }

    /** Null alone; otherwise the members Redis lists, none while it cannot be reached. */
    private StatusDocument.FleetStatus fleet() {
        FleetRoster roster = fleet.getIfAvailable();
        if (roster == null) {
            return null;
        }
        return roster.members()
                .map(members -> new StatusDocument.FleetStatus(
                        true,
                        members.stream()
                                .map(member -> new StatusDocument.Member(
                                        member.instance(),
                                        member.host(),
                                        member.startedAt().toString(),
                                        member.seenAt().toString(),
                                        member.answering(),
                                        member.delivers().stream()
                                                .sorted()
                                                .map(StatusResponder::field)
                                                .toList()))
                                .toList()))
                .orElseGet(() -> new StatusDocument.FleetStatus(false, List.of()));
    }
}
