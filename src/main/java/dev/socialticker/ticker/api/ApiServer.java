package dev.socialticker.ticker.api;

import java.net.InetAddress;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.web.context.WebServerGracefulShutdownLifecycle;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.boot.web.server.ConfigurableWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ResourceLoader;

/**
 * Where the service is reached. {@code server.address} and {@code server.port} (8080): Camel's
 * platform-http server on Vert.x ({@link ApiHttpServer}), which serves the REST DSL's routes under
 * {@code /api}, the page and the screen, on one origin. {@code management.server.port} (8081):
 * Spring Boot's management server, which serves the actuator (health, Prometheus).
 *
 * <p>Measured with src/test/bench/read-ab.sh against the servlet path and Camel's Spring Boot engine
 * in one sitting (docs/performance.md): the Spring Boot engine serves through Spring MVC with a
 * hand-off to an executor and a second dispatch per request, half the reads per second; Vert.x
 * serves more than Tomcat did.
 *
 * <p>Spring Boot's own (servlet) web server is not started: the actuator needs a servlet container,
 * and Boot gives the management port one of its own.
 */
@Configuration(proxyBeanMethods = false)
class ApiServer {
    /** The port the API's server listens on, once it does. */
    private final AtomicInteger listening = new AtomicInteger(-1);

    /** Spring Boot's main web server does not listen (a negative port): the API's server has its port. */
    @Bean
    WebServerFactoryCustomizer<ConfigurableWebServerFactory> mainWebServerOff() {
        return factory -> factory.setPort(-1);
    }

    @Bean
    PageAssets pageAssets(WebProperties web, ResourceLoader loader, Clock clock) {
        return new PageAssets(
                List.of(web.getResources().getStaticLocations()),
                loader,
                web.getResources().getCache().getCachecontrol().getMaxAge(),
                clock);
    }

    @Bean
    WebHandlers webHandlers(CamelContext camel, Clock clock, ApiProperties properties, PageAssets page) {
        return new WebHandlers(camel, clock, properties.cors().allowedOrigins(), page);
    }

    /**
     * The server listens from Spring's start-up, as Spring Boot's own web server would: the page is
     * served, and API paths answer 503 until Camel has started the routes. Its lifecycle phase comes
     * before Boot's web servers' and Camel's: it starts before Camel starts the routes, and stops
     * after Camel stopped them, so a read during the stop gets a 503 ({@link WebHandlers}) rather
     * than a refused connection.
     */
    @Bean
    SmartLifecycle apiHttpServer(
            ObjectProvider<CamelContext> camel,
            ServerProperties server,
            WebHandlers handlers,
            ConfigurableEnvironment environment) {
        VertxPlatformHttpServerConfiguration configuration = new VertxPlatformHttpServerConfiguration();
        InetAddress address = server.getAddress();
        configuration.setBindHost(address == null ? "0.0.0.0" : address.getHostAddress());
        configuration.setBindPort(server.getPort() == null ? 8080 : server.getPort());
        ApiHttpServer http = new ApiHttpServer(configuration, handlers, port -> {
            listening.set(port);
            publish(environment, port);
        });
        return new ServerLifecycle(http, camel);
    }

    /**
     * The API server as a Spring lifecycle bean. Also a disposable one: when the start fails after the
     * server opened (a refused configuration, a taken management port), Spring destroys the beans
     * without stopping the started ones, and Vert.x's threads would keep the JVM from exiting.
     */
    private static final class ServerLifecycle implements SmartLifecycle, DisposableBean {
        private final ApiHttpServer http;
        private final ObjectProvider<CamelContext> camel;

        ServerLifecycle(ApiHttpServer http, ObjectProvider<CamelContext> camel) {
            this.http = http;
            this.camel = camel;
        }

        @Override
        public void start() {
            // Looked up, not injected: a lifecycle bean's injected lifecycle beans start before it,
            // and Camel's context must start after Spring has added the routes to it.
            http.setCamelContext(camel.getObject());
            http.start();
        }

        @Override
        public void stop() {
            http.stop();
        }

        @Override
        public void destroy() {
            if (http.isStarted()) {
                http.stop();
            }
        }

        @Override
        public boolean isRunning() {
            return http.isStarted();
        }

        @Override
        public int getPhase() {
            return WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE - 1024 - 2;
        }
    }

    /**
     * Spring Boot publishes its own (not listening) main server's port, -1, when that server starts,
     * after this one: published again.
     */
    @Bean
    ApplicationListener<WebServerInitializedEvent> apiPortAfterBootsOwn(ConfigurableEnvironment environment) {
        return event -> {
            if (event.getApplicationContext().getServerNamespace() == null && listening.get() > 0) {
                publish(environment, listening.get());
            }
        };
    }

    /**
     * Publishes the port the server listens on as {@code local.server.port}, as Spring Boot does for its
     * own web server: tests and tools that ask for "the server's port" get this one.
     */
    @SuppressWarnings("unchecked")
    private static void publish(ConfigurableEnvironment environment, int port) {
        MutablePropertySources sources = environment.getPropertySources();
        PropertySource<?> ports = sources.get("server.ports");
        Map<String, Object> values;
        if (ports instanceof MapPropertySource map) {
            values = (Map<String, Object>) map.getSource();
        } else {
            values = new HashMap<>();
            sources.addFirst(new MapPropertySource("server.ports", values));
        }
        values.put("local.server.port", port);
    }
}
