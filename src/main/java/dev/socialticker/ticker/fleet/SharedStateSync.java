package dev.socialticker.ticker.fleet;

import dev.socialticker.ticker.config.SourceCatalog;
import dev.socialticker.ticker.domain.SourceChanged;
import dev.socialticker.ticker.domain.SourceState;
import dev.socialticker.ticker.domain.TickerSource;
import dev.socialticker.ticker.state.StateRepository;
import dev.socialticker.ticker.store.FleetCopy;
import dev.socialticker.ticker.store.SnapshotDocuments;
import dev.socialticker.ticker.store.StoreEndpoints;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps this instance's Caffeine copy in step with the shared one: after each change this instance
 * makes, a message on the fleet's channel ({@link #announce}, route {@code fleet-announce}) lets the
 * others read it; a change message from another instance is applied at once ({@link #applyStored}),
 * and every few seconds all sources are compared ({@link #resync}), which also brings an instance back
 * in step after an outage of Redis (the messages sent meanwhile are lost) and writes its newer copies
 * back to a Redis that lost its data. The shared copies are the store's own documents
 * ({@link SnapshotDocuments}) in the state repository, read with the store's codec; the store itself
 * brings its copy into step ({@link StoreEndpoints#RECONCILE}): the fleet never writes it.
 */
@Component
@SharedMode
class SharedStateSync {
    private final SnapshotDocuments shared;
    private final ProducerTemplate store;
    private final SourceCatalog catalog;
    private final StateRepository state;
    private final FleetInstance instance;

    SharedStateSync(
            SnapshotDocuments shared,
            ProducerTemplate store,
            SourceCatalog catalog,
            StateRepository state,
            FleetInstance instance) {
        this.shared = shared;
        this.store = store;
        this.catalog = catalog;
        this.state = state;
        this.instance = instance;
    }

    /** Tells the other instances that this one changed a source: they read it from Redis. */
    void announce(SourceChanged change) {
        String id = change.source().id();
        boolean deleted = !change.current().hasData() && change.current().failure() == null;
        try {
            state.announce(instance.message(deleted ? "deleted" : "stored", id, change.took()));
        } catch (IOException unreachable) {
            // The link said Redis is away; the others' resync brings them in step.
        }
    }

    /**
     * Another instance stored a state for the source ({@code took}: the duration of the refresh that
     * stored it, null when the message did not say, for the alert rules): the store brings its copy
     * into step.
     */
    public void applyStored(String sourceId, Duration took) {
        Optional<TickerSource> source = catalog.find(sourceId);
        if (source.isEmpty()) {
            return; // a source this instance is not configured with
        }
        // Gone again already (invalidated right after): the deletion's own message follows.
        shared.read(source.get())
                .ifPresent(state ->
                        store.sendBody(StoreEndpoints.RECONCILE, List.of(new FleetCopy(source.get(), state, took))));
    }

    /** True when Redis holds a state for the source now (false too when it cannot be read). */
    public boolean isShared(String sourceId) {
        return catalog.find(sourceId).flatMap(shared::read).isPresent();
    }

    /** Compares every source with the shared copy; nothing happens while Redis is unreachable. */
    public void resync() {
        Optional<Map<String, SourceState>> states = shared.tryReadAll(catalog.all());
        if (states.isEmpty()) {
            return;
        }
        List<FleetCopy> copies = new ArrayList<>();
        for (TickerSource source : catalog.all()) {
            copies.add(new FleetCopy(source, states.get().get(source.id()), null));
        }
        store.sendBody(StoreEndpoints.RECONCILE, copies);
    }
}
