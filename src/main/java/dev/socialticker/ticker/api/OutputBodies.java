package dev.socialticker.ticker.api;

import dev.socialticker.ticker.output.SourceBodies;
import org.springframework.stereotype.Component;

/**
 * The outputs send a source's JSON (and its AWTRIX app) as {@code GET /api/metrics/{id}} answers it:
 * the same bytes, of the newest state the view knows ({@link MetricsRenderer#sourceBody}), which
 * includes the change the push was decided on.
 */
@Component
class OutputBodies implements SourceBodies {
    private final MetricsRenderer renderer;

    OutputBodies(MetricsRenderer renderer) {
        this.renderer = renderer;
    }

    @Override
    public byte[] json(String sourceId) {
        RenderedBody body = renderer.sourceBody(sourceId);
        return body == null || body.noData() ? null : body.json();
    }

    @Override
    public byte[] jsonWithoutCount(String sourceId) {
        RenderedBody body = renderer.sourceBody(sourceId);
        return body == null || !body.noData() ? null : body.json();
    }

    @Override
    public byte[] awtrix(String sourceId) {
        RenderedBody body = renderer.sourceBody(sourceId);
        RenderedBody.Alternative app = body == null ? null : body.formats().get(MetricsFormat.AWTRIX);
        return app == null ? null : app.bytes();
    }
}
