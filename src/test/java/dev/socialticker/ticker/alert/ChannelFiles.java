package dev.socialticker.ticker.alert;

import java.util.Map;
import java.util.stream.Collectors;

/** Channel files as an integrator writes them: one templatedRoute of a built-in channel template. */
final class ChannelFiles {
    private ChannelFiles() {}

    /** {@code <name>.camel.yaml} of template {@code template} with {@code parameters} (besides its name). */
    static String file(String name, String template, Map<String, String> parameters) {
        return """
                - templatedRoute:
                    routeTemplateRef: %s
                    routeId: channel-%s
                    parameters:
                      - { name: name, value: %s }
                %s""".formatted(
                        template,
                        name,
                        name,
                        parameters.entrySet().stream()
                                .map(parameter -> "      - { name: " + parameter.getKey() + ", value: \""
                                        + parameter.getValue().replace("\"", "\\\"") + "\" }\n")
                                .collect(Collectors.joining()));
    }
}
