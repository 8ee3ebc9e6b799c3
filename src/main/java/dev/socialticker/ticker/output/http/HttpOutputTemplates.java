package dev.socialticker.ticker.output.http;

import dev.socialticker.ticker.delivery.DeliveryEndpoints;
import dev.socialticker.ticker.delivery.HttpCall;
import dev.socialticker.ticker.output.Delivery;
import dev.socialticker.ticker.output.OutputEndpoints;
import dev.socialticker.ticker.output.OutputSettings;
import dev.socialticker.ticker.output.OutputSpec;
import java.util.List;
import org.apache.camel.Processor;
import org.apache.camel.RouteTemplateContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.RouteTemplateDefinition;
import org.springframework.stereotype.Component;

/**
 * The route templates behind the HTTP output files, one per {@link HttpOutput}: its parameters declared
 * from its definitions, a step that turns the push into the request, and one camel-http call bounded
 * by the output's timeout. No error handler: a failure returns to the output's worker.
 */
@Component
class HttpOutputTemplates extends RouteBuilder {
    private final List<HttpOutput> outputs;
    private final OutputSettings settings;

    HttpOutputTemplates(List<HttpOutput> outputs, OutputSettings settings) {
        this.outputs = outputs;
        this.settings = settings;
    }

    // spotless:off (the route DSL is indented by its blocks: filter, choice, split ... end)
    @Override
    public void configure() {
        for (HttpOutput output : outputs) {
            RouteTemplateDefinition template = routeTemplate(output.id());
            OutputSpec.COMMON.declareOn(template);
            output.definition().declareOn(template);
            template.templateBean("request", Processor.class, rtc -> request(output, spec(output, rtc)))
                    .from(OutputEndpoints.of("{{name}}"))
                        .routeConfigurationId(DeliveryEndpoints.ATTEMPT_CONFIGURATION)
                        .process("{{request}}")
                        .toD(HttpCall.CALL);
        }
    }
    // spotless:on

    private static OutputSpec spec(HttpOutput output, RouteTemplateContext context) {
        return OutputSpec.from(output, name -> context.getProperty(name, String.class));
    }

    /** Turns the push into the request: method, headers and body on the message, the endpoint aside. */
    private Processor request(HttpOutput output, OutputSpec spec) {
        return exchange -> output.request(spec, exchange.getIn().getBody(Delivery.class), settings)
                .applyTo(exchange, spec.timeout());
    }
}
