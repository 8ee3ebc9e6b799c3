package dev.socialticker.ticker.output.mqtt;

import dev.socialticker.ticker.delivery.DeliveryEndpoints;
import dev.socialticker.ticker.json.JsonDocuments;
import dev.socialticker.ticker.output.OutputEndpoints;
import dev.socialticker.ticker.output.OutputSpec;
import dev.socialticker.ticker.output.SourceBodies;
import dev.socialticker.ticker.provider.contract.ProviderDisplays;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.RouteTemplateDefinition;
import org.springframework.stereotype.Component;

/**
 * The route template behind mqtt output files: its parameters declared from the definitions, and one
 * step, the output's own {@link MqttPush}, created with the route and stopped with it, so the
 * connection lives exactly as long as the output: a reloaded file gets a new one, a removed file or
 * the service's shutdown closes it. No error handler: a failure returns to the output's worker.
 */
@Component
class MqttOutputTemplate extends RouteBuilder {
    private final MqttOutput output;
    private final SourceBodies bodies;
    private final JsonDocuments json;
    private final ProviderDisplays displays;

    MqttOutputTemplate(MqttOutput output, SourceBodies bodies, JsonDocuments json, ProviderDisplays displays) {
        this.output = output;
        this.bodies = bodies;
        this.json = json;
        this.displays = displays;
    }

    // spotless:off (the route DSL is indented by its blocks: filter, choice, split ... end)
    @Override
    public void configure() {
        RouteTemplateDefinition template = routeTemplate(output.id());
        OutputSpec.COMMON.declareOn(template);
        output.definition().declareOn(template);
        template.templateBean("publish", Processor.class, rtc -> {
                    OutputSpec spec = OutputSpec.from(output, name -> rtc.getProperty(name, String.class));
                    return new MqttPush(output.settings(spec), spec, bodies, json, displays);
                })
                .from(OutputEndpoints.of("{{name}}"))
                    .routeConfigurationId(DeliveryEndpoints.ATTEMPT_CONFIGURATION)
                    .process("{{publish}}");
    }
    // spotless:on
}
