package dev.socialticker.ticker.api;

import org.apache.camel.component.servlet.CamelHttpTransportServlet;
import org.apache.camel.component.servlet.ServletComponent;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How the REST DSL's routes are reached: Camel's own servlet, mapped at {@code /api/*} in the
 * embedded Tomcat, answering on the request's thread. Measured with src/test/bench: platform-http
 * on Spring Boot went through Spring MVC's dispatcher and an async hand-off to an 8-thread
 * executor and a second dispatch per request; this path serves the same routes at about twice
 * the rate. Registered here because camel-servlet has no Spring Boot starter at Camel 4.18.
 */
@Configuration(proxyBeanMethods = false)
class ApiServlet {
    /** Where the API lives; the REST DSL's paths are relative to it. */
    static final String CONTEXT_PATH = "/api";
    /**
     * Camel finds a servlet's consumers through a JVM-wide registry keyed by servlet name: each
     * application context in the JVM (several in a test run) gets a name of its own.
     */
    private final String name = "TickerApiServlet-" + Integer.toHexString(System.identityHashCode(this));

    @Bean
    ServletRegistrationBean<CamelHttpTransportServlet> tickerApiServlet() {
        ServletRegistrationBean<CamelHttpTransportServlet> registration =
                new ServletRegistrationBean<>(new CamelHttpTransportServlet(), CONTEXT_PATH + "/*");
        registration.setName(name);
        registration.setLoadOnStartup(1);
        return registration;
    }

    /** The component the REST DSL uses ("servlet"), bound to that servlet and the API's header filter. */
    @Bean("servlet")
    ServletComponent servletComponent(ApiHeaderFilterStrategy headers) {
        ServletComponent component = new ServletComponent();
        component.setServletName(name);
        component.setHeaderFilterStrategy(headers);
        return component;
    }
}
