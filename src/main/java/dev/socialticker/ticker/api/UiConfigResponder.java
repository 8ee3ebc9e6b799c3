package dev.socialticker.ticker.api;

import dev.socialticker.ticker.config.SourceCatalog;
import dev.socialticker.ticker.history.HistoryProperties;
import dev.socialticker.ticker.json.JsonDocuments;
import dev.socialticker.ticker.provider.contract.ProviderDisplay;
import dev.socialticker.ticker.provider.contract.ProviderDisplays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;

/**
 * {@code GET /api/ui-config}: the ticker page's defaults from {@code ticker.ui.*} and how the sources'
 * providers show themselves: {@code {"pollIntervalSeconds": 10, "fallbackMessage": "…", "providers":
 * {"youtube": {"name": "YouTube", "icon": "mdi:youtube", "counts": {…}}}}}; element attributes
 * override the defaults. Rendered per request: a reloaded provider file may change its display.
 */
@Component
class UiConfigResponder implements Processor {
    private final UiProperties ui;
    private final SourceCatalog sources;
    private final ProviderDisplays displays;
    private final JsonDocuments json;
    private final List<Long> milestones;

    UiConfigResponder(
            UiProperties ui,
            SourceCatalog sources,
            ProviderDisplays displays,
            HistoryProperties history,
            JsonDocuments json) {
        this.milestones = history.enabled() ? history.ladder().rungs() : List.of();
        this.ui = ui;
        this.sources = sources;
        this.displays = displays;
        this.json = json;
    }

    private byte[] body() {
        Map<String, ProviderDisplay> providers = new TreeMap<>();
        sources.all().forEach(source -> providers.computeIfAbsent(source.provider(), displays::of));
        return json.write(new UiConfig(ui.pollInterval().toSeconds(), ui.fallbackMessage(), providers, milestones));
    }

    @Override
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        message.removeHeaders("*");
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        message.setHeader("Cache-Control", "public, max-age=300");
        ResponseBody.set(message, body());
    }
}
