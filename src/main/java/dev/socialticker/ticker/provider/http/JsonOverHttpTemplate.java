package dev.socialticker.ticker.provider.http;

import dev.socialticker.ticker.json.JsonConfiguration;
import dev.socialticker.ticker.provider.contract.ProviderEndpoints;
import dev.socialticker.ticker.provider.contract.RefreshStepConfiguration;
import dev.socialticker.ticker.token.TokenKeeper;
import java.time.Clock;
import org.apache.camel.RouteTemplateContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.RouteTemplateDefinition;
import org.apache.camel.spi.DataFormat;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * The route template behind every "JSON over HTTP" provider file: one GET to the upstream, its
 * answer parsed by the service's JSON data format, the count and profile picked by JSONPath and
 * returned as the result headers. A provider file only fills in
 * the parameters ({@link JsonOverHttpSpec}); how to call HTTP, read JSON and keep entity tags is
 * written once, here.
 */
@Component
public class JsonOverHttpTemplate extends RouteBuilder {
    public static final String ID = "json-over-http";

    private final ProviderSettings settings;
    private final TokenKeeper tokens;
    private final Clock clock;
    /** The service's JSON data format: it parses each answer. */
    private final DataFormat json;

    /** Without a token keeper or a JSON data format: for checking files, where nothing is called or read. */
    public JsonOverHttpTemplate(ProviderSettings settings, Clock clock) {
        this(settings, null, clock, null);
    }

    @Autowired
    public JsonOverHttpTemplate(
            ProviderSettings settings,
            TokenKeeper tokens,
            Clock clock,
            @Qualifier(JsonConfiguration.DATA_FORMAT) DataFormat json) {
        this.settings = settings;
        this.tokens = tokens;
        this.clock = clock;
        this.json = json;
    }

    // spotless:off (the route DSL is indented by its blocks: filter, choice, split ... end)
    @Override
    public void configure() {
        RouteTemplateDefinition template = routeTemplate(ID);
        JsonOverHttpSpec.DEFINITION.declareOn(template);
        template.templateBean("request", JsonOverHttpRequest.class,
                        rtc -> new JsonOverHttpRequest(spec(rtc), settings, tokens))
                .templateBean("answer", JsonAnswerReader.class, rtc -> new JsonAnswerReader(spec(rtc), clock, json))
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
