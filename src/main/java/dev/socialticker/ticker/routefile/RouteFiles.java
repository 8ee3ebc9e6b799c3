package dev.socialticker.ticker.routefile;

import dev.socialticker.ticker.routefile.problem.RouteFileException;
import dev.socialticker.ticker.routefile.problem.RouteFileProblem;
import dev.socialticker.ticker.routefile.problem.RouteFileText;
import java.io.FileNotFoundException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.Model;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;

/**
 * Parsing a route file without adding it, and installing it in place of the route it replaces:
 * shared by provider files and output files, so both are refused, replaced and restored alike.
 */
public final class RouteFiles {
    private RouteFiles() {}

    /**
     * Reads a file once, and its YAML: what is checked is then what is loaded, even when the file
     * changes in between.
     *
     * @throws RouteFileException when it cannot be read, is empty or is not YAML, saying where and why
     */
    public static RouteFileText read(CamelContext context, RouteFile file) throws RouteFileException {
        String text;
        try {
            Resource resource = ResourceHelper.resolveMandatoryResource(context, file.uri());
            try (InputStream in = resource.getInputStream()) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (FileNotFoundException gone) {
            throw new RouteFileException("the file is gone (deleted while it was being read)");
        } catch (Exception unreadable) {
            throw new RouteFileException("the file cannot be read: " + reason(unreadable));
        }
        return RouteFileText.of(file.location(), text);
    }

    /**
     * Builds a file's definitions from the text {@link #read} read, without adding them, so they can
     * be checked first.
     *
     * @throws RouteFileException with Camel's complaint at its line (an unknown key, a value of the
     *     wrong kind)
     */
    public static RouteBuilder parse(CamelContext context, RouteFile file, RouteFileText text)
            throws RouteFileException {
        Resource resource = ResourceHelper.fromString(file.uri(), text.text());
        try {
            Collection<RoutesBuilder> builders =
                    PluginHelper.getRoutesLoader(context).findRoutesBuilders(List.of(resource));
            if (builders.size() != 1 || !(builders.iterator().next() instanceof RouteBuilder builder)) {
                throw new RouteFileException("not a Camel YAML DSL route file");
            }
            builder.configureRoutes(context);
            return builder;
        } catch (RouteFileException refused) {
            throw refused;
        } catch (Exception failed) {
            RouteFileProblem placed = text.describe(failed);
            if (placed != null) {
                throw new RouteFileException(List.of(placed));
            }
            // Camel names the file by its URI, an absolute path: named as the integrator wrote it instead.
            throw new RouteFileException(reason(failed)
                    .replace("Error pre-parsing resource: " + file.uri() + ": ", "")
                    .replace(file.uri(), file.location()));
        }
    }

    /**
     * Adds a checked file's routes; a running route of the same id is replaced, and runs again as it
     * was when the new one cannot be added.
     *
     * @return true when a running route was replaced
     * @throws RouteFileException when the new route could not be added (the message says whether the
     *     previous one runs again)
     */
    public static boolean install(CamelContext context, String routeId, RouteBuilder builder)
            throws RouteFileException {
        Model model = context.getCamelContextExtension().getContextPlugin(Model.class);
        RouteDefinition previous = context.getRoute(routeId) == null ? null : model.getRouteDefinition(routeId);
        try {
            if (previous != null) {
                remove(context, routeId);
            }
            context.addRoutes(builder);
            context.addTemplatedRoutes(builder);
            return previous != null;
        } catch (Exception failed) {
            String reason = reason(failed);
            if (previous != null) {
                try {
                    remove(context, routeId);
                    model.addRouteDefinition(previous);
                } catch (Exception lost) {
                    throw new RouteFileException(
                            reason + "; the previous route could not be restored either: " + reason(lost));
                }
            }
            throw new RouteFileException(reason);
        }
    }

    /** Stops and removes a route, when it runs. */
    public static void remove(CamelContext context, String routeId) throws Exception {
        if (context.getRoute(routeId) != null) {
            context.getRouteController().stopRoute(routeId);
            context.removeRoute(routeId);
        }
    }

    /** Every message of a failure and its causes, on one line, each once. */
    public static String reason(Throwable failure) {
        StringBuilder reason = new StringBuilder();
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && !message.isBlank() && reason.indexOf(message.strip()) < 0) {
                if (!reason.isEmpty()) {
                    reason.append(": ");
                }
                reason.append(message.strip());
            }
        }
        String text = reason.isEmpty() ? failure.getClass().getSimpleName() : reason.toString();
        return text.replaceAll("\\s*\\R\\s*", " ").trim();
    }
}
