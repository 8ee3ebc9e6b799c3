package dev.socialticker.ticker.alert;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.socialticker.ticker.state.StateKey;
import dev.socialticker.ticker.state.StateRepository;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open incidents and the messages not yet delivered, as one document of the
 * {@link StateRepository}: {@code alerts.json} beside the snapshots with the file store, one Redis
 * value for the whole fleet in the shared mode, memory otherwise (a restart then starts with no
 * incident open). Saved only while this instance speaks for the fleet ({@code speaking}): an
 * instance that lost its turn never overwrites what the next one decided.
 */
class IncidentState {
    static final int FORMAT = 1;
    private static final Logger log = LoggerFactory.getLogger(IncidentState.class);
    private static final StateKey KEY = StateKey.incidents();

    record Content(int format, List<Incidents.Incident> incidents, List<Alert> outbox) {
        static final Content EMPTY = new Content(FORMAT, List.of(), List.of());
    }

    private final StateRepository repository;
    private final ObjectMapper json;
    private final BooleanSupplier speaking;

    IncidentState(StateRepository repository, ObjectMapper json, BooleanSupplier speaking) {
        this.repository = repository;
        this.json = json;
        this.speaking = speaking;
    }

    /** For one instance alone: it always speaks. */
    IncidentState(StateRepository repository, ObjectMapper json) {
        this(repository, json, () -> true);
    }

    Content load() {
        String where = repository.where(KEY);
        Optional<byte[]> document;
        try {
            document = repository.read(KEY);
        } catch (IOException unreachable) {
            log.warn(
                    "Alert state {} cannot be read now ({}): starting with no open incident",
                    where,
                    unreachable.getMessage());
            return Content.EMPTY;
        }
        if (document.isEmpty()) {
            return Content.EMPTY;
        }
        try {
            Content content = json.readValue(document.get(), Content.class);
            if (content.format() == FORMAT) {
                return content;
            }
            log.warn(
                    "Alert state {} has format {}, this version reads {}: starting with no open incident",
                    where,
                    content.format(),
                    FORMAT);
        } catch (IOException unreadable) {
            log.warn(
                    "Alert state {} is unreadable ({}): starting with no open incident",
                    where,
                    unreadable.getClass().getSimpleName());
        }
        return Content.EMPTY;
    }

    void save(Content content) {
        if (!speaking.getAsBoolean()) {
            return;
        }
        try {
            repository.write(KEY, json.writeValueAsBytes(content));
        } catch (IOException failed) {
            log.warn(
                    "Could not write alert state {}: {}; incidents stay in memory",
                    repository.where(KEY),
                    failed.getMessage());
        }
    }
}
