package dev.socialticker.ticker.output.http;

import dev.socialticker.ticker.delivery.Destination;
import dev.socialticker.ticker.delivery.HttpCall;
import dev.socialticker.ticker.output.Delivery;
import dev.socialticker.ticker.output.OutputSettings;
import dev.socialticker.ticker.output.OutputSpec;
import dev.socialticker.ticker.output.OutputTemplate;
import dev.socialticker.ticker.routefile.problem.ParameterProblem;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Template {@code smiirl-push}: a Smiirl counter set to "PUSH NUMBER" shows the number its CURL endpoint
 * is called with: {@code GET http://api.smiirl.com/<mac>/set-number/<token>/<number>} (Smiirl's own
 * samples, smiirl/smiirl-custom-samples). The token travels in the path, so it is read from the
 * output's settings and registered with the log masking.
 */
@Component
class SmiirlPush extends HttpOutput {
    private final OutputSettings settings;

    SmiirlPush(OutputSettings settings) {
        super("output/smiirl-push.definition.yaml");
        this.settings = settings;
    }

    @Override
    public String id() {
        return "smiirl-push";
    }

    @Override
    public Destination destination(String name, Map<String, String> parameters) {
        // Smiirl's host; the token in the path is never named.
        return OutputTemplate.destination(name, parameters, "baseUrl");
    }

    @Override
    public List<ParameterProblem> problems(OutputSpec spec) {
        List<ParameterProblem> problems = new ArrayList<>();
        if (spec.sources().size() != 1) {
            problems.add(new ParameterProblem(
                    "sources", "a Smiirl counter shows one number: parameter 'sources' must name exactly one source"));
        }
        if (settings.secret(spec.name(), spec.value("token")) == null) {
            problems.add(settings.notSet(spec.name(), spec.value("token"), "token"));
        }
        return problems;
    }

    @Override
    HttpCall request(OutputSpec spec, Delivery delivery, OutputSettings settings) {
        String token = settings.secret(spec.name(), spec.value("token"));
        URI uri = URI.create(spec.value("baseUrl").replaceAll("/+$", "") + "/" + spec.value("mac") + "/set-number/"
                + token + "/" + delivery.count());
        return new HttpCall("GET", uri, Map.of(), null, null);
    }
}
