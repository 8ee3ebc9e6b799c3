package dev.socialticker.ticker.routefile;

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

    /** Builds a file's definitions without adding them, so they can be checked first. */
    public static RouteBuilder parse(CamelContext context, RouteFile file) throws Exception {
        Resource resource = ResourceHelper.resolveMandatoryResource(context, file.uri());
        Collection<RoutesBuilder> builders =
                PluginHelper.getRoutesLoader(context).findRoutesBuilders(List.of(resource));
        if (builders.size() != 1 || !(builders.iterator().next() instanceof RouteBuilder builder)) {
            throw new RouteFileException("not a Camel YAML DSL route file");
        }
        builder.configureRoutes(context);
        return builder;
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

    /** The innermost useful message, on one line: YAML errors carry the line and column there. */
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
