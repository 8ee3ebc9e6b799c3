package dev.socialticker.ticker.alert;

import dev.socialticker.ticker.alert.channel.ChannelTemplates;
import dev.socialticker.ticker.config.ConfigurationProblem;
import dev.socialticker.ticker.config.ConfigurationProblems;
import dev.socialticker.ticker.delivery.AttemptConfiguration;
import dev.socialticker.ticker.delivery.DeliveryDesk;
import dev.socialticker.ticker.delivery.DeliveryRoutes;
import dev.socialticker.ticker.json.JsonConfiguration;
import dev.socialticker.ticker.json.JsonDocuments;
import dev.socialticker.ticker.routefile.RoutesProperties;
import dev.socialticker.ticker.support.BuiltInDisplays;
import dev.socialticker.ticker.support.TestJson;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.component.jackson.JacksonDataFormat;
import org.apache.camel.impl.DefaultCamelContext;
import org.springframework.boot.actuate.health.Health;
import org.springframework.mock.env.MockEnvironment;

/**
 * The alert channels' machinery as the service runs it (the built-in channels and the channel files of
 * a routes folder, their route templates, one courier each, the one dead-letter channel), alone in a
 * plain Camel context on a fixed clock: what the channel tests deliver to. Closing it stops everything.
 */
final class ChannelRig implements AutoCloseable {
    final CamelContext camel = new DefaultCamelContext();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final ChannelCatalog catalog = new ChannelCatalog();
    final ConfigurationProblems problems = new ConfigurationProblems();
    final Channels channels;
    final DeliveryDesk desk;
    final AlertChannelsHealthIndicator health;
    final AlertMessages messages;
    final ChannelRouteLoader loader;

    /**
     * @param alerts     the alert properties: built-in channels, rules
     * @param settings   other properties: the channel files' settings ({@code ticker.alerts.channels.<name>.*})
     *                   and the built-ins' secrets
     * @param routes     the routes folder, whose {@code channels/} holds the channel files (may not exist)
     * @param publicUrl  {@code ticker.alerts.public-url}, or null
     */
    ChannelRig(AlertProperties alerts, Map<String, String> settings, Path routes, Instant now) {
        this(alerts, settings, routes, now, false);
    }

    /** @param reload whether the channels' folder is watched ({@code ticker.routes.reload}) */
    ChannelRig(AlertProperties alerts, Map<String, String> settings, Path routes, Instant now, boolean reload) {
        MockEnvironment environment = new MockEnvironment();
        settings.forEach(environment::setProperty);
        // As the service's one HttpComponent (refresh.UpstreamCallControl): the client never retries on
        // its own, so an attempt is one call, and a 503 is not slept on.
        camel.getComponent("http", HttpComponent.class).setAutomaticRetriesDisabled(true);
        JacksonDataFormat json = TestJson.dataFormat();
        camel.getRegistry().bind(JsonConfiguration.DATA_FORMAT, json);
        messages = new AlertMessages(alerts.publicUrl(), BuiltInDisplays.INSTANCE);
        desk = new DeliveryDesk(camel.createProducerTemplate(), meters, Clock.fixed(now, ZoneOffset.UTC));
        channels = new Channels(desk, camel.createProducerTemplate(), meters, alerts);
        ChannelTemplates templates =
                new ChannelTemplates(new ChannelSettings(environment), new JsonDocuments(json, camel), messages);
        health = new AlertChannelsHealthIndicator(catalog, channels, desk);
        try {
            camel.addRoutes(new DeliveryRoutes(desk));
            camel.addRoutes(new AttemptConfiguration());
            camel.addRoutes(templates.routes(channels));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        loader = new ChannelRouteLoader(
                new RoutesProperties(routes.toString(), reload), catalog, channels, templates.all(), alerts, problems);
        loader.beforeApplicationStart(camel);
        camel.start();
        loader.afterApplicationStart(camel);
    }

    /** Hands the message to every channel its rule speaks on, as {@code alert-deliver} does; waits until each is done with it. */
    void deliver(Alert alert) {
        CountDownLatch done = new CountDownLatch(1);
        channels.deliver(alert, done::countDown);
        try {
            if (!done.await(30, TimeUnit.SECONDS)) {
                throw new AssertionError("not done with " + alert.incidentKey() + " in 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    Health health() {
        return health.health();
    }

    List<ConfigurationProblem> problems() {
        return problems.all();
    }

    /** The properties with Slack at {@code slack} (null: off), email as given, the rules' channels as given. */
    static AlertProperties alerts(
            java.net.URI slack, AlertProperties.Email email, AlertProperties.Rules rules, java.net.URI publicUrl) {
        return new AlertProperties(
                new AlertProperties.Slack(slack),
                email == null ? new AlertProperties.Email(null, 587, null, null, null, null, true) : email,
                Duration.ofHours(1),
                Duration.ofMinutes(5),
                publicUrl,
                rules,
                Map.of());
    }

    @Override
    public void close() {
        channels.stopAll();
        camel.stop();
    }
}
