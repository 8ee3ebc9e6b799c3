package dev.socialticker.ticker.api;

import jakarta.servlet.Filter;
import java.util.List;
import org.apache.camel.component.servlet.CamelHttpTransportServlet;
import org.apache.camel.component.servlet.ServletComponent;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

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

    /** How each REST DSL endpoint reads requests and writes answers (REST configuration: httpBinding). */
    @Bean(ApiHttpBinding.BEAN)
    ApiHttpBinding apiHttpBinding(ApiHeaderFilterStrategy headers) {
        return new ApiHttpBinding(headers);
    }

    /** The component the REST DSL uses ("servlet"), bound to that servlet and the API's header filter. */
    @Bean("servlet")
    ServletComponent servletComponent(ApiHeaderFilterStrategy headers) {
        ServletComponent component = new ServletComponent();
        component.setServletName(name);
        component.setHeaderFilterStrategy(headers);
        return component;
    }

    /*
     * Spring MVC's own request filters, which Spring Boot maps to every path, wrap only Spring MVC's
     * servlet (the page, the actuator, /error): the API's servlet reads neither a form body nor
     * Spring's request context, and the three cost 5-10 % of the read path's throughput (A/B with
     * src/test/bench/benchmark.sh). A registration bean for a filter bean replaces Boot's mapping.
     */

    @Bean
    FilterRegistrationBean<Filter> characterEncodingFilterRegistration(
            @Qualifier("characterEncodingFilter") Filter filter) {
        return springMvcOnly(filter);
    }

    @Bean
    FilterRegistrationBean<Filter> formContentFilterRegistration(@Qualifier("formContentFilter") Filter filter) {
        return springMvcOnly(filter);
    }

    @Bean
    FilterRegistrationBean<Filter> requestContextFilterRegistration(@Qualifier("requestContextFilter") Filter filter) {
        return springMvcOnly(filter);
    }

    private static FilterRegistrationBean<Filter> springMvcOnly(Filter filter) {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(filter);
        registration.setServletNames(List.of(DispatcherServletAutoConfiguration.DEFAULT_DISPATCHER_SERVLET_BEAN_NAME));
        // Boot's filters are Ordered; keep their place in the chain.
        registration.setOrder(((Ordered) filter).getOrder());
        return registration;
    }
}
