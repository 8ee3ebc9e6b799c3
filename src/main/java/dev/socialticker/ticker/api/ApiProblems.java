package dev.socialticker.ticker.api;

import dev.socialticker.ticker.config.SourceProperties;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;

/** Writes the API's answers that carry no metrics: rejections (JSON) and empty successes. */
@Component
class ApiProblems {
    private static final Pattern ID = Pattern.compile(SourceProperties.ID_PATTERN);

    static ApiRejection invalidId() {
        return new ApiRejection(400, "INVALID_SOURCE_ID", "A source id matches " + SourceProperties.ID_PATTERN);
    }

    static ApiRejection unknownId(String id) {
        return new ApiRejection(404, "SOURCE_NOT_FOUND", "No source has the id '" + id + "'");
    }

    static ApiRejection invalidTickerName() {
        return new ApiRejection(400, "INVALID_TICKER_NAME", "A ticker's name matches " + SourceProperties.ID_PATTERN);
    }

    static ApiRejection unknownTicker(String name) {
        return new ApiRejection(404, "TICKER_NOT_FOUND", "No ticker is named '" + name + "' (ticker.tickers)");
    }

    static ApiRejection unknownFormat() {
        return new ApiRejection(400, "INVALID_FORMAT", "format must be smiirl, or absent for the standard JSON");
    }

    static boolean isValidId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    void reject(Exchange exchange) {
        ApiRejection rejection = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, ApiRejection.class);
        Message message = exchange.getMessage();
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, rejection.status());
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        message.setHeader("Cache-Control", "no-store");
        if (rejection.status() == 401) {
            message.setHeader("WWW-Authenticate", "Bearer realm=\"social-ticker-admin\"");
        }
        message.setBody(ProblemDocument.json(rejection.code(), rejection.getMessage()));
    }

    static void empty(Exchange exchange, int status) {
        Message message = exchange.getMessage();
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        message.setHeader("Cache-Control", "no-store");
        message.setBody(null);
    }
}
