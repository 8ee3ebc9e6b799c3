package dev.socialticker.ticker.api;

import dev.socialticker.ticker.api.ApiHttpServer.PortUnavailableException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * A port that cannot be bound, said in the property an operator sets: the service has two servers
 * (the API's, {@code server.port}, and Spring Boot's management server, {@code
 * management.server.port}), and Boot's own report ("Port 8081 was already in use") names neither.
 * Spring Boot's main web server never listens here ({@link ApiServer}): a port Boot reports in use
 * is the management port's.
 */
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class PortClashAnalyzer implements FailureAnalyzer {
    @Override
    public FailureAnalysis analyze(Throwable failure) {
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof PortUnavailableException api) {
                return clash(
                        api.getMessage(),
                        api.port(),
                        "server.port (SERVER_PORT), or server.address",
                        "the page, the screen and the API",
                        failure);
            }
            if (t instanceof PortInUseException management) {
                return clash(
                        "Cannot serve the actuator on port " + management.getPort()
                                + " (management.server.port): it is already in use",
                        management.getPort(),
                        "management.server.port (MANAGEMENT_SERVER_PORT)",
                        "health, the probes and the Prometheus scrape",
                        failure);
            }
        }
        return null;
    }

    private static FailureAnalysis clash(String what, int port, String property, String serves, Throwable failure) {
        return new FailureAnalysis(
                what,
                "Stop what listens on port " + port + " (another instance, or another service), or set " + property
                        + " to a free port; that port serves " + serves + ".",
                failure);
    }
}
