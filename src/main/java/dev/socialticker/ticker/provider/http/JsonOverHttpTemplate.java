package dev.socialticker.ticker.provider.http;

import dev.socialticker.ticker.provider.contract.ProviderEndpoints;
import dev.socialticker.ticker.provider.contract.RefreshStepConfiguration;
import dev.socialticker.ticker.token.TokenKeeper;
import java.time.Clock;
import org.apache.camel.RouteTemplateContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.RouteTemplateDefinition;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The route template behind every "JSON over HTTP" provider file: one GET to the upstream, the
 * count and profile picked by JSONPath and returned as the result headers. A provider file only fills in
 * the parameters ({@link JsonOverHttpSpec}); how to call HTTP, read JSON and keep entity tags is
 * written once, here.
 */
@Component
public class JsonOverHttpTemplate extends RouteBuilder {
    public static final String ID = "json-over-http";

    private final ProviderSettings settings;
    private final TokenKeeper tokens;
    private final Clock clock;

    /** Without a token keeper: for checking files, where nothing is called. */
    public JsonOverHttpTemplate(ProviderSettings settings, Clock clock) {
        this(settings, null, clock);
    }

    @Autowired
    public JsonOverHttpTemplate(ProviderSettings settings, TokenKeeper tokens, Clock clock) {
        this.settings = settings;
        this.tokens = tokens;
        this.clock = clock;
    }

    // spotless:off (the route DSL is indented by its blocks: filter, choice, split ... end)
    @Override
    public void configure() {
        RouteTemplateDefinition template = routeTemplate(ID);
        JsonOverHttpSpec.DEFINITION.declareOn(template);
        template.templateBean("request", JsonOverHttpRequest.class,
                        rtc -> new JsonOverHttpRequest(spec(rtc), settings, tokens))
                .templateBean("answer", JsonAnswerReader.class, rtc -> new JsonAnswerReader(spec(rtc), clock))
                .from(ProviderEndpoints.of("{{name}}"))
                    .routeConfigurationId(RefreshStepConfiguration.ID)
                    .process("{{request}}")
                    .toD("${exchangeProperty." + JsonOverHttpRequest.UPSTREAM_ENDPOINT + "}")
                    // A token the service obtained and the upstream now refuses (401): obtained anew, tried once more.
                    .filter().method("{{request}}", "renewedAfterRejection")
                        .process("{{request}}")
                        .toD("${exchangeProperty." + JsonOverHttpRequest.UPSTREAM_ENDPOINT + "}")
                    .end()
                    .process("{{answer}}");
    }
    // spotless:on

    private static JsonOverHttpSpec spec(RouteTemplateContext context) {
        return JsonOverHttpSpec.from(name -> context.getProperty(name, String.class));
    }
}
