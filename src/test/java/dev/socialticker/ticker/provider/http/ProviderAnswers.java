package dev.socialticker.ticker.provider.http;

import static dev.socialticker.ticker.provider.contract.TickerHeaders.ACCOUNT;

import dev.socialticker.ticker.support.TestJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.component.jackson.JacksonDataFormat;
import org.apache.camel.support.DefaultExchange;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * A built-in provider file's answer reading ({@link JsonAnswerReader}: its {@code errors} rules, then
 * the status) exactly as its route runs it once the HTTP call has answered, for tests that judge the
 * result with the shared classifier in another package.
 */
public final class ProviderAnswers {
    static final Path ROUTES = Path.of("routes");
    private static final JacksonDataFormat JSON = TestJson.dataFormat();

    private final Map<String, String> parameters;
    private final CamelContext camel;
    private final Clock clock;

    private ProviderAnswers(Map<String, String> parameters, CamelContext camel, Clock clock) {
        this.parameters = Map.copyOf(parameters);
        this.camel = camel;
        this.clock = clock;
    }

    /** The provider of {@code routes/<provider>.camel.yaml}, with its parameters as written. */
    public static ProviderAnswers of(String provider, CamelContext camel, Clock clock) {
        return new ProviderAnswers(parameters(provider), camel, clock);
    }

    /** The same provider with other {@code errors} rules. */
    public ProviderAnswers withErrors(String errors) {
        Map<String, String> changed = new HashMap<>(parameters);
        changed.put("errors", errors);
        return new ProviderAnswers(changed, camel, clock);
    }

    /**
     * What reading this answer throws, as the refresh route would receive it, or null when it was
     * read as a count.
     */
    public Exception read(int status, Map<String, String> headers, String body) {
        JsonOverHttpSpec spec = JsonOverHttpSpec.from(parameters::get);
        Exchange exchange = new DefaultExchange(camel);
        exchange.setProperty(
                JsonOverHttpRequest.UPSTREAM_URI, "http://127.0.0.1:9/upstream?throwExceptionOnFailure=false");
        exchange.getIn().setHeader(ACCOUNT, "account");
        exchange.getIn().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        headers.forEach(exchange.getIn()::setHeader);
        exchange.getIn().setBody(body);
        try {
            new JsonAnswerReader(spec, clock, JSON).process(exchange);
            return null;
        } catch (Exception failure) {
            return failure;
        }
    }

    /** The {@code parameters} of {@code routes/<provider>.camel.yaml}, name to value. */
    static Map<String, String> parameters(String provider) {
        try {
            List<Map<String, Map<String, Object>>> file = new Yaml(new SafeConstructor(new LoaderOptions()))
                    .load(Files.readString(ROUTES.resolve(provider + ".camel.yaml")));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> written = (List<Map<String, Object>>)
                    file.get(0).get("templatedRoute").get("parameters");
            Map<String, String> parameters = new HashMap<>();
            written.forEach(parameter ->
                    parameters.put(String.valueOf(parameter.get("name")), String.valueOf(parameter.get("value"))));
            return parameters;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
