package dev.socialticker.ticker.api;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors no route answers get the API's JSON shape ({@link ErrorBodies}): Spring's error path
 * ({@code /error}: unknown paths, methods not allowed) and Tomcat's own error report, which answers
 * requests refused before any application code runs (an encoded slash, a broken percent-encoding,
 * oversized headers) with an HTML page otherwise.
 */
@Configuration(proxyBeanMethods = false)
class JsonErrorPages {

    @Bean
    JsonErrorReports jsonErrorReports() {
        return new JsonErrorReports();
    }

    /** Spring's {@code /error}, whatever the client accepts (found by component scanning: it replaces Boot's). */
    @RestController
    static class JsonErrorController implements ErrorController {
        @RequestMapping("${server.error.path:/error}")
        ResponseEntity<String> error(HttpServletRequest request) {
            Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
            int status = code instanceof Integer value ? value : HttpStatus.INTERNAL_SERVER_ERROR.value();
            return ResponseEntity.status(status)
                    .contentType(MediaType.APPLICATION_JSON)
                    .header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .body(ErrorBodies.of(status));
        }
    }

    /** Replaces the error report valve Spring Boot puts on Tomcat's host: ordered last, so it runs after Boot's. */
    static final class JsonErrorReports implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {
        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost standardHost) {
                    // Otherwise the host adds Tomcat's own (HTML) valve at start: it looks for that exact class.
                    standardHost.setErrorReportValveClass("");
                }
                Pipeline host = context.getParent().getPipeline();
                for (Valve valve : host.getValves()) {
                    if (valve instanceof ErrorReportValve) {
                        host.removeValve(valve);
                    }
                }
                host.addValve(new JsonErrorReportValve());
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }

    /** Tomcat's error report, in JSON. */
    static final class JsonErrorReportValve extends ErrorReportValve {
        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            try {
                response.setContentType("application/json");
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                response.setHeader("X-Content-Type-Options", "nosniff");
                response.setHeader("Cache-Control", "no-store");
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(ErrorBodies.of(status));
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException ignored) {
                // the client is gone or the response is committed: nothing more to say
            }
        }
    }
}
