package dev.socialticker.ticker.store;

import dev.socialticker.ticker.domain.Failure;
import dev.socialticker.ticker.domain.Snapshot;
import static dev.socialticker.ticker.provider.contract.TickerHeaders.SOURCE_ID;

import dev.socialticker.ticker.provider.contract.RefreshStepConfiguration;
import java.time.Clock;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.caffeine.CaffeineConstants;
import org.springframework.stereotype.Component;

/**
 * Writes refresh outcomes to the snapshot cache. {@code store-snapshot} validates the result a
 * provider returned and replaces the snapshot; {@code store-failure} records a failure beside the
 * last good snapshot, which it never replaces. Which entry is written comes from the refresh's
 * {@link WritePermit}, never from a header a provider route could set. Both end by having the API's
 * view rendered again and announcing the {@link RefreshOutcome} to its watchers.
 */
@Component
public class StoreRoutes extends RouteBuilder {
    private final SnapshotFactory snapshots;
    private final SnapshotStore store;
    private final RefreshMeters metrics;
    private final Clock clock;

    StoreRoutes(SnapshotFactory snapshots, SnapshotStore store, RefreshMeters metrics, Clock clock) {
        this.snapshots = snapshots;
        this.store = store;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public void configure() {
        from("direct:store-snapshot")
                .routeId("store-snapshot")
                // A rejected payload must reach the refresh route's dead-letter channel untouched.
                .routeConfigurationId(RefreshStepConfiguration.ID)
                .process(this::storeAnswer)
                .process(exchange -> {
                    WritePermit permit = permitOf(exchange);
                    metrics.recordOutcome(permit.source().id(), "success", permit.elapsed());
                    metrics.watchQuota(permit.source());
                })
                .to("direct:render-view")
                .wireTap(RefreshOutcome.ENDPOINT).onPrepare(this::announceSuccess);

        from("direct:store-failure")
                .routeId("store-failure")
                .routeConfigurationId(RefreshStepConfiguration.ID)
                .process(exchange -> store.recordFailure(permitOf(exchange).source(),
                        exchange.getIn().getMandatoryBody(Failure.class))).id("write-failure")
                .process(exchange -> metrics.recordOutcome(permitOf(exchange).source().id(),
                        exchange.getIn().getBody(Failure.class).code().name(), permitOf(exchange).elapsed()))
                .to("direct:render-view")
                .wireTap(RefreshOutcome.ENDPOINT).onPrepare(this::announceFailure);

        // Forget one source (header TickerSourceId) or all; the next read shows NO_DATA until refreshed.
        from("direct:invalidate-cache")
                .routeId("invalidate-cache")
                .choice()
                    .when(header(SOURCE_ID).isNotNull())
                        .setHeader(CaffeineConstants.KEY, header(SOURCE_ID))
                        .setHeader(CaffeineConstants.ACTION, constant(CaffeineConstants.ACTION_INVALIDATE))
                    .otherwise()
                        .setHeader(CaffeineConstants.ACTION, constant(CaffeineConstants.ACTION_INVALIDATE_ALL))
                .end()
                .to(SnapshotStore.ENDPOINT)
                .process(exchange -> store.forgetStored(exchange.getIn().getHeader(SOURCE_ID, String.class)))
                .to("direct:render-view");
    }

    private void storeAnswer(Exchange exchange) {
        WritePermit permit = permitOf(exchange);
        if (!store.storeSnapshot(permit, snapshots.readingOf(exchange.getIn(), permit.source()))) {
            throw new IllegalStateException("The refresh of source " + permit.source().id()
                    + " had already ended (timed out, or the service is stopping): its answer is dropped");
        }
    }

    /** On the wire tap's copy: the outcome replaces the message, so nothing of the refresh travels on. */
    private void announceSuccess(Exchange copy) {
        WritePermit permit = permitOf(copy);
        Snapshot stored = store.stateOf(permit.source()).snapshot();
        announce(copy, new RefreshOutcome(permit.source(), null, permit.elapsed(),
                stored == null ? null : stored.quota(), clock.instant()));
    }

    private void announceFailure(Exchange copy) {
        WritePermit permit = permitOf(copy);
        Failure failure = copy.getIn().getBody(Failure.class);
        announce(copy, new RefreshOutcome(permit.source(), failure.code(), permit.elapsed(), null, failure.at()));
    }

    private static void announce(Exchange copy, RefreshOutcome outcome) {
        copy.getIn().removeHeaders("*");
        copy.getIn().setBody(outcome);
        copy.removeProperty(WritePermit.PROPERTY);
    }

    private static WritePermit permitOf(Exchange exchange) {
        WritePermit permit = exchange.getProperty(WritePermit.PROPERTY, WritePermit.class);
        if (permit == null) {
            throw new IllegalStateException("Only a refresh writes the store; exchange " + exchange.getExchangeId()
                    + " carries no " + WritePermit.PROPERTY);
        }
        return permit;
    }
}
