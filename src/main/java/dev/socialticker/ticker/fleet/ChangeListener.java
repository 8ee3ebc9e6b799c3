package dev.socialticker.ticker.fleet;

import dev.socialticker.ticker.WhenTheServiceStops;
import java.nio.charset.StandardCharsets;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * Listens to the other instances' change messages and hands each to the {@code fleet-change} route.
 * Spring Data Redis resubscribes after a reconnect by itself; messages sent while this instance was
 * away are lost, which the periodic resync covers.
 *
 * <p>The listener container is not a Spring bean on purpose: as one, it is started with the
 * application and its start fails without Redis, while an instance must start without Redis. It is
 * started here as soon as Redis answers, and tried again until it does.
 */
@Component
@SharedMode
class ChangeListener implements DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(ChangeListener.class);

    private final RedisMessageListenerContainer container = new RedisMessageListenerContainer();
    private final RedisLink link;

    ChangeListener(RedisConnectionFactory connections, RedisKeys keys, ProducerTemplate producer, RedisLink link) {
        this.link = link;
        container.setConnectionFactory(connections);
        container.setBeanName("ticker-fleet-changes");
        container.addMessageListener(
                (message, pattern) -> {
                    try {
                        producer.sendBody(FleetEndpoints.CHANGE, new String(message.getBody(), StandardCharsets.UTF_8));
                    } catch (RuntimeException notApplied) {
                        log.debug(
                                "Change message not applied now ({}); the next resync applies it",
                                notApplied.toString());
                    }
                },
                new ChannelTopic(keys.changes()));
        container.afterPropertiesSet();
    }

    /** Starts the subscription if it is not running yet; a failure is left to the next call. */
    public void ensureListening() {
        if (container.isRunning()) {
            return;
        }
        try {
            container.start();
            link.reached();
        } catch (RuntimeException unreachable) {
            link.failed("subscribing to the fleet's changes", unreachable);
            container.stop();
        }
    }

    /**
     * Unsubscribes while the connection factory still runs: it closes its connections when the
     * application's lifecycle stops, before beans are destroyed (spring-data-redis#2957).
     */
    @WhenTheServiceStops
    void stopListening() {
        container.stop();
    }

    @Override
    public void destroy() throws Exception {
        container.destroy();
    }
}
