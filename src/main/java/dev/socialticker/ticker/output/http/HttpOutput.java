package dev.socialticker.ticker.output.http;

import dev.socialticker.ticker.delivery.HttpCall;
import dev.socialticker.ticker.output.Delivery;
import dev.socialticker.ticker.output.OutputSettings;
import dev.socialticker.ticker.output.OutputSpec;
import dev.socialticker.ticker.output.OutputTemplate;
import dev.socialticker.ticker.routefile.TemplateDefinition;
import java.util.Map;

/** An output template that pushes with one HTTP request. */
abstract class HttpOutput implements OutputTemplate {
    private final TemplateDefinition definition;

    HttpOutput(String definition) {
        this.definition = TemplateDefinition.load(definition, Map.of());
    }

    @Override
    public TemplateDefinition definition() {
        return definition;
    }

    /** The request that pushes this state; secrets read from the output's settings. */
    abstract HttpCall request(OutputSpec spec, Delivery delivery, OutputSettings settings);
}
