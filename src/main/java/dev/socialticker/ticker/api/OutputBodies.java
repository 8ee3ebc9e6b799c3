package dev.socialticker.ticker.api;

import dev.socialticker.ticker.output.SourceBodies;
import org.springframework.stereotype.Component;

/**
 * The outputs send a source's JSON (and its AWTRIX app) as {@code GET /api/metrics/{id}} answers it:
 * the view's own bytes.
 */
@Component
class OutputBodies implements SourceBodies {
    private final MetricsRenderer renderer;

    OutputBodies(MetricsRenderer renderer) {
        this.renderer = renderer;
    }

    @Override
    public byte[] json(String sourceId) {
        RenderedBody body = renderer.view().bySource().get(sourceId);
        return body == null || body.noData() ? null : body.json();
    }

    @Override
    public byte[] jsonWithoutCount(String sourceId) {
        RenderedBody body = renderer.view().bySource().get(sourceId);
        return body == null || !body.noData() ? null : body.json();
    }

    @Override
    public byte[] awtrix(String sourceId) {
        RenderedBody body = renderer.view().bySource().get(sourceId);
        RenderedBody.Alternative app = body == null ? null : body.formats().get(MetricsFormat.AWTRIX);
        return app == null ? null : app.bytes();
    }
}
