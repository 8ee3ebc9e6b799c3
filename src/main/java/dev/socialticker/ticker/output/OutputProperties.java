package dev.socialticker.ticker.output;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The outputs' settings ({@code ticker.outputs.<name>.<setting>}): free-form, each output file names
 * the settings it reads (the setting holding a webhook's token, a Smiirl counter's token), so secrets
 * never stand in a file. Declared here so the configuration reference lists them and the unknown-property
 * check lets them through; read by {@link OutputSettings} through the Environment (every relaxed form).
 *
 * @param outputs settings per output name (the file routes/outputs/<name>.camel.yaml): the secrets its
 *                file names, such as token or signature-secret, and an mqtt output's username and
 *                password. Secret: never logged or returned
 */
@ConfigurationProperties("ticker")
public record OutputProperties(Map<String, Map<String, String>> outputs) {
    public OutputProperties {
        outputs = outputs == null ? Map.of() : Map.copyOf(outputs);
    }

    @Override
    public String toString() {
        return "OutputProperties[outputs=" + outputs.keySet() + " (values masked)]";
    }
}
