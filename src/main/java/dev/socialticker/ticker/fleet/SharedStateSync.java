package dev.socialticker.ticker.fleet;

import dev.socialticker.ticker.config.SourceCatalog;
import dev.socialticker.ticker.domain.SourceChanged;
import dev.socialticker.ticker.domain.SourceState;
import dev.socialticker.ticker.domain.TickerSource;
import dev.socialticker.ticker.state.StateRepository;
import dev.socialticker.ticker.store.SnapshotDocuments;
import dev.socialticker.ticker.store.SnapshotStore;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Keeps this instance's Caffeine copy in step with the shared one: after each change this instance
 * makes, a message on the fleet's channel ({@link #announce}, route {@code fleet-announce}) lets the
 * others read it; a change message from another instance is applied at once ({@link #applyStored}),
 * and every few seconds all sources are compared ({@link #resync}), which also brings an instance back
 * in step after an outage of Redis (the messages sent meanwhile are lost) and writes its newer copies
 * back to a Redis that lost its data. The shared copies are the store's own documents
 * ({@link SnapshotDocuments}) in the state repository, read with the store's codec.
 */
@Component
@SharedMode
class SharedStateSync {
    private final SnapshotDocuments shared;
    private final SnapshotStore store;
    private final SourceCatalog catalog;
    private final StateRepository state;
    private final FleetInstance instance;

    SharedStateSync(
            SnapshotDocuments shared,
            SnapshotStore store,
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
     * Another instance stored a state for the source.
     *
     * @return true when this instance's copy changed
     */
    public boolean applyStored(String sourceId) {
        return applyStored(sourceId, null);
    }

    /**
     * As {@link #applyStored(String)}, with the duration of the refresh that stored it (null when the
     * message did not say), for the alert rules.
     */
    public boolean applyStored(String sourceId, Duration took) {
        Optional<TickerSource> source = catalog.find(sourceId);
        if (source.isEmpty()) {
            return false; // a source this instance is not configured with
        }
        // Gone again already (invalidated right after): the deletion's own message follows.
        return shared.read(source.get())
                .map(state -> store.reconcile(source.get(), state, took))
                .orElse(false);
    }

    /** True when Redis holds a state for the source now (false too when it cannot be read). */
    public boolean isShared(String sourceId) {
        return catalog.find(sourceId).flatMap(shared::read).isPresent();
    }

    /**
     * Compares every source with the shared copy; nothing happens while Redis is unreachable.
     *
     * @return true when this instance's copy of any source changed
     */
    public boolean resync() {
        Optional<Map<String, SourceState>> states = shared.tryReadAll(catalog.all());
        if (states.isEmpty()) {
            return false;
        }
        boolean changed = false;
        for (TickerSource source : catalog.all()) {
            changed |= store.reconcile(source, states.get().get(source.id()));
        }
        return changed;
    }
}
