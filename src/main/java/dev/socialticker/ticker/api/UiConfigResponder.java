package dev.socialticker.ticker.api;

import dev.socialticker.ticker.json.JsonDocuments;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;

/**
 * {@code GET /api/ui-config}: the ticker page's defaults from {@code ticker.ui.*}, rendered once.
 * {@code {"pollIntervalSeconds": 10, "fallbackMessage": "…"}}; element attributes override them.
 */
@Component
class UiConfigResponder implements Processor {
    private final byte[] body;

    UiConfigResponder(UiProperties ui, JsonDocuments json) {
        this.body = json.write(new UiConfig(ui.pollInterval().toSeconds(), ui.fallbackMessage()));
    }

    @Override
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        message.removeHeaders("*");
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        message.setHeader("Cache-Control", "public, max-age=300");
        ResponseBody.set(message, body);
    }
}
