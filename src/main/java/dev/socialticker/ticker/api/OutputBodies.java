package dev.socialticker.ticker.api;

import dev.socialticker.ticker.output.SourceBodies;
import org.springframework.stereotype.Component;

/** The outputs send a source's JSON as {@code GET /api/metrics/{id}} answers it: the view's own bytes. */
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
}
