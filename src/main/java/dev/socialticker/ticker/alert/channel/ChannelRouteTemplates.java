package dev.socialticker.ticker.alert.channel;

import dev.socialticker.ticker.alert.Alert;
import dev.socialticker.ticker.alert.ChannelEndpoints;
import dev.socialticker.ticker.alert.ChannelSpec;
import dev.socialticker.ticker.alert.Channels;
import dev.socialticker.ticker.delivery.DeliveryEndpoints;
import dev.socialticker.ticker.delivery.HttpCall;
import dev.socialticker.ticker.routefile.TemplateDefinition;
import java.util.List;
import org.apache.camel.Processor;
import org.apache.camel.RouteTemplateContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.RouteTemplateDefinition;
import org.springframework.stereotype.Component;

/**
 * The Camel route templates behind the channel templates ({@code channel-template-<id>}, apart from the
 * outputs' of the same names): parameters declared from their definitions, a step that turns the alert
 * into the request, and one call (camel-http, or camel-mail's SMTP) bounded by the channel's timeout. No
 * error handler: a failure returns to the channel's worker ({@code delivery.Courier}).
 */
@Component
class ChannelRouteTemplates extends RouteBuilder {
    private final List<HttpChannel> http;
    private final Email email;
    private final Channels channels;

    ChannelRouteTemplates(List<HttpChannel> http, Email email, Channels channels) {
        this.http = http;
        this.email = email;
        this.channels = channels;
    }

    // spotless:off (the route DSL is indented by its blocks: filter, choice, split ... end)
    @Override
    public void configure() {
        for (HttpChannel channel : http) {
            template(channel.id(), channel.definition())
                    .templateBean("request", Processor.class, rtc -> request(channel, spec(rtc)))
                    .from(ChannelEndpoints.of("{{name}}"))
                        .routeConfigurationId(DeliveryEndpoints.ATTEMPT_CONFIGURATION)
                        .process("{{request}}")
                        .toD(HttpCall.CALL)
                        .process(channel::checkAnswer);
        }
        template(email.id(), email.definition())
                .templateBean("message", Processor.class, rtc -> message(spec(rtc)))
                .from(ChannelEndpoints.of("{{name}}"))
                    .routeConfigurationId(DeliveryEndpoints.ATTEMPT_CONFIGURATION)
                    .process("{{message}}")
                    .toD("${exchangeProperty." + Email.ENDPOINT + "}");
    }
    // spotless:on

    private RouteTemplateDefinition template(String id, TemplateDefinition definition) {
        RouteTemplateDefinition template = routeTemplate(ChannelEndpoints.templateId(id));
        ChannelSpec.COMMON.declareOn(template);
        definition.declareOn(template);
        return template;
    }

    /** The channel's parameters, as its worker runs them (a built-in's settings are named apart from a file's). */
    private ChannelSpec spec(RouteTemplateContext context) {
        String name = context.getProperty("name", String.class);
        return channels.spec(name)
                .orElseThrow(() -> new IllegalStateException("the channel '" + name + "' has no worker"));
    }

    private static Processor request(HttpChannel channel, ChannelSpec spec) {
        return exchange ->
                channel.call(spec, exchange.getIn().getBody(Alert.class)).applyTo(exchange, spec.timeout());
    }

    private Processor message(ChannelSpec spec) {
        return exchange -> email.message(spec, exchange);
    }
}
