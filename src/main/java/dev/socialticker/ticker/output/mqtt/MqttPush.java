package dev.socialticker.ticker.output.mqtt;

import dev.socialticker.ticker.json.JsonDocuments;
import dev.socialticker.ticker.output.AwtrixBody;
import dev.socialticker.ticker.output.Delivery;
import dev.socialticker.ticker.output.OutputSpec;
import dev.socialticker.ticker.output.SourceBodies;
import dev.socialticker.ticker.provider.contract.ProviderDisplays;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.service.ServiceSupport;

/**
 * One mqtt output's step: publishes a push on the output's own {@link MqttPublisher}. Camel starts
 * and stops it with the output's route, so the connection is made for the route (lazily, at the
 * first push) and closed, with a clean {@code offline}, when the route stops: its file reloaded or
 * removed, or the service shutting down. A failure throws ({@link MqttPublishException}), so the
 * output's retries, dead letter, health and counter take it like an HTTP output's.
 */
final class MqttPush extends ServiceSupport implements Processor {
    private final MqttSettings settings;
    private final int qos;
    private final boolean discovery;
    /** An AWTRIX clock's MQTT prefix, or empty: no AWTRIX app is published. */
    private final String awtrixPrefix;

    private final SourceBodies bodies;
    private final JsonDocuments json;
    /** The output's cadence: its AWTRIX app's lifetime and how long the broker keeps it. */
    private final OutputSpec spec;

    private volatile MqttPublisher publisher;

    /** How each provider is named, drawn and what it counts: Home Assistant's sensor says so. */
    private final ProviderDisplays displays;

    MqttPush(
            MqttSettings settings,
            OutputSpec spec,
            SourceBodies bodies,
            JsonDocuments json,
            ProviderDisplays displays) {
        this.displays = displays;
        this.settings = settings;
        this.spec = spec;
        this.qos = Integer.parseInt(spec.value("qos"));
        this.discovery = Boolean.parseBoolean(spec.value("discovery"));
        this.awtrixPrefix = spec.value("awtrixPrefix");
        this.bodies = bodies;
        this.json = json;
    }

    @Override
    public void process(Exchange exchange) {
        Delivery delivery = exchange.getIn().getBody(Delivery.class);
        MqttPublisher current = publisher;
        if (current == null) {
            throw new MqttPublishException("MQTT output for " + settings.broker() + " is stopped");
        }
        if (discovery) {
            // Once per connection: again after a reconnect, a restarted broker may have forgotten it.
            current.publishOnce(
                    MqttMessages.discovery(
                            settings,
                            delivery.state().source(),
                            displays.of(delivery.state().source().provider()),
                            json),
                    qos);
        }
        // Without a count: total null, so Home Assistant's sensor shows unknown, its attributes why.
        current.publish(MqttMessages.state(settings, delivery.sourceId(), delivery.json()), qos);
        if (!awtrixPrefix.isEmpty() && delivery.hasCount()) {
            byte[] app = bodies.awtrix(delivery.sourceId());
            if (app != null) {
                Duration gap = AwtrixBody.gap(spec);
                current.publish(
                        MqttMessages.awtrixApp(
                                awtrixPrefix,
                                delivery.sourceId(),
                                new String(AwtrixBody.of(app, "", spec, json), StandardCharsets.UTF_8),
                                gap.isZero() ? null : gap),
                        qos);
            }
        }
    }

    @Override
    protected void doStart() {
        publisher = new MqttPublisher(settings);
    }

    @Override
    protected void doStop() {
        MqttPublisher stopping = publisher;
        publisher = null;
        if (stopping != null) {
            stopping.close();
        }
    }
}
