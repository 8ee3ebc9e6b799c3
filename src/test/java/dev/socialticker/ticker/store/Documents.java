package dev.socialticker.ticker.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.socialticker.ticker.state.StateRepository;
import java.time.Clock;
import java.util.Map;

/** The store's documents over a state repository of a test's choosing, with the service's JSON settings. */
final class Documents {
    private Documents() {}

    static SnapshotDocuments over(StateRepository state, Clock clock) {
        return new SnapshotDocuments(state, json(), clock);
    }

    /** Kept in memory: what a store used without a folder writes goes nowhere else. */
    static SnapshotDocuments inMemory() {
        return over(StateRepository.memory(Map.of()), Clock.systemUTC());
    }

    static ObjectMapper json() {
        return new ObjectMapper().findAndRegisterModules().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }
}
