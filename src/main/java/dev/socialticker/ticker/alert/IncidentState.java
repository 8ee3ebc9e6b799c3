package dev.socialticker.ticker.alert;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.socialticker.ticker.AtomicFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the open incidents and the messages not yet delivered are kept between runs: with the file
 * store, {@code alerts.json} beside the snapshots (written atomically); otherwise nowhere, and a
 * restart starts with no incident open.
 */
class IncidentState {
    static final int FORMAT = 1;
    private static final Logger log = LoggerFactory.getLogger(IncidentState.class);

    record Content(int format, List<Incidents.Incident> incidents, List<Alert> outbox) {
        static final Content EMPTY = new Content(FORMAT, List.of(), List.of());
    }

    private final Path file;
    private final ObjectMapper json;

    /** @param file null: kept in memory only */
    IncidentState(Path file, ObjectMapper json) {
        this.file = file;
        this.json = json;
    }

    Content load() {
        if (file == null || !Files.exists(file)) {
            return Content.EMPTY;
        }
        try {
            Content content = json.readValue(file.toFile(), Content.class);
            if (content.format() == FORMAT) {
                return content;
            }
            log.warn("Alert state {} has format {}, this version reads {}: starting with no open incident", file,
                    content.format(), FORMAT);
        } catch (IOException unreadable) {
            log.warn("Alert state {} is unreadable ({}): starting with no open incident", file,
                    unreadable.getClass().getSimpleName());
        }
        return Content.EMPTY;
    }

    void save(Content content) {
        if (file == null) {
            return;
        }
        try {
            AtomicFile.write(file, json.writeValueAsBytes(content));
        } catch (IOException failed) {
            log.warn("Could not write alert state {}: {}; incidents stay in memory", file, failed.getMessage());
        }
    }
}
