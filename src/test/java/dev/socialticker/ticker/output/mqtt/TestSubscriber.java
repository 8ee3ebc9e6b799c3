package dev.socialticker.ticker.output.mqtt;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttSubscription;

/** A subscriber as Home Assistant is one: a new Paho client that collects what a topic filter gets. */
final class TestSubscriber implements AutoCloseable {
    record Received(String topic, String payload, boolean retained) {}

    private final MqttClient client;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    TestSubscriber(String url, String topicFilter) throws MqttException {
        client = new MqttClient(url, "test-sub-" + UUID.randomUUID(), new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        client.setTimeToWait(5_000);
        client.connect(options);
        // Paho 1.2.5's subscribe(String, int, IMqttMessageListener) calls itself without end: the
        // array form with a listener array is the one that works.
        IMqttMessageListener collect = (topic, message) -> received.add(
                new Received(topic, new String(message.getPayload(), StandardCharsets.UTF_8), message.isRetained()));
        client.subscribe(
                        new MqttSubscription[] {new MqttSubscription(topicFilter, 1)},
                        new IMqttMessageListener[] {collect})
                .waitForCompletion(5_000);
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    /** The latest message on the topic, waiting up to 5 s for one that matches. */
    Received awaitLatest(String topic, String payload) {
        await().atMost(Duration.ofSeconds(5))
                .until(() -> latest(topic).map(m -> m.payload().equals(payload)).orElse(false));
        return latest(topic).orElseThrow();
    }

    Optional<Received> latest(String topic) {
        List<Received> all = received();
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i).topic().equals(topic)) {
                return Optional.of(all.get(i));
            }
        }
        return Optional.empty();
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) {
            client.disconnect();
        }
        client.close();
    }
}
