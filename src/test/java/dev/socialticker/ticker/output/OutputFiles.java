package dev.socialticker.ticker.output;

import dev.socialticker.ticker.support.RoutesDir;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.actuate.health.Health;

/** Output files as an integrator writes them, and what the {@code outputs} health says of one. */
public final class OutputFiles {

    private OutputFiles() {}

    /** Writes {@code outputs/<name>.camel.yaml}: a templated route of {@code template} with these parameters. */
    public static void write(
            RoutesDir routes, String name, String template, String sources, Map<String, String> parameters) {
        routes.write("outputs/" + name + ".camel.yaml", file(name, template, sources, parameters));
    }

    /** As {@link #write(RoutesDir, String, String, String, Map)}, in a routes folder of a service's own. */
    public static void write(Path routes, String name, String template, String sources, Map<String, String> parameters)
            throws IOException {
        Files.createDirectories(routes.resolve("outputs"));
        Files.writeString(routes.resolve("outputs/" + name + ".camel.yaml"), file(name, template, sources, parameters));
    }

    private static String file(String name, String template, String sources, Map<String, String> parameters) {
        StringBuilder file = new StringBuilder("- templatedRoute:\n    routeTemplateRef: " + template
                + "\n    routeId: output-" + name + "\n    parameters:\n      - { name: name, value: " + name + " }\n"
                + "      - { name: sources, value: \"" + sources + "\" }\n");
        parameters.forEach((key, value) -> file.append("      - { name: ")
                .append(key)
                .append(", value: \"")
                .append(value)
                .append("\" }\n"));
        return file.toString();
    }

    /** The output's last failure as health shows it (code, message, attempts, …); empty when none. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> lastFailure(Health outputs, String output) {
        Map<String, Object> details = (Map<String, Object>) outputs.getDetails().get(output);
        Object failure = details == null ? null : details.get("lastFailure");
        return failure == null ? Map.of() : (Map<String, Object>) failure;
    }
}
