package dev.socialticker.ticker.output;

import dev.socialticker.ticker.config.FormatProperties;
import dev.socialticker.ticker.format.AwtrixApp;
import dev.socialticker.ticker.format.MetricsDocuments;
import dev.socialticker.ticker.format.MetricsDocuments.Shown;
import dev.socialticker.ticker.json.JsonDocuments;
import dev.socialticker.ticker.output.SourcesTold.Told;
import dev.socialticker.ticker.refresh.RefreshSchedule;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * What a push carries of a source, rendered when it is sent from the newest state and history facts
 * the outputs were told ({@link SourcesTold}), with the API's own document functions
 * ({@link MetricsDocuments}): the JSON {@code GET /api/metrics/{id}} answers, and its AWTRIX app. A
 * push that waited sends the newest body; a webhook gets what a reader gets.
 */
@Component
public class SourceBodies {
    private final SourcesTold told;
    private final MetricsDocuments documents;
    private final JsonDocuments json;
    private final FormatProperties formats;
    private final RefreshSchedule schedule;
    private final Clock clock;

    SourceBodies(
            SourcesTold told, RefreshSchedule schedule, JsonDocuments json, FormatProperties formats, Clock clock) {
        this.told = told;
        this.documents = new MetricsDocuments(schedule.staleness(), schedule.startedAt());
        this.json = json;
        this.formats = formats;
        this.schedule = schedule;
        this.clock = clock;
    }

    /** The body, or null when the source is unknown or has no count. */
    public byte[] json(String sourceId) {
        Shown shown = shown(sourceId);
        return shown == null || !shown.state().hasData() ? null : json.write(shown.document());
    }

    /**
     * The body of a source that has no count yet ({@code total} null, the error saying why: no data
     * yet, or the latest failure), as the API answers it with its 503; null when the source is unknown
     * or has a count now. For an output that announces such sources (Home Assistant's sensor, unknown).
     */
    public byte[] jsonWithoutCount(String sourceId) {
        Shown shown = shown(sourceId);
        return shown == null || shown.state().hasData() ? null : json.write(shown.document());
    }

    /**
     * The AWTRIX 3 custom app the API answers for {@code GET /api/metrics/{id}?format=awtrix} (count,
     * colour by state, progress toward the next milestone, a lifetime), or null when the source is
     * unknown.
     */
    public byte[] awtrix(String sourceId) {
        Shown shown = shown(sourceId);
        return shown == null
                ? null
                : json.write(AwtrixApp.of(shown.reading(), formats.awtrixIcon(), schedule.staleAfter()));
    }

    private Shown shown(String sourceId) {
        Told last = told.of(sourceId);
        return last == null ? null : documents.source(last.state(), last.facts(), clock.instant());
    }
}
