package dev.socialticker.ticker.api;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.servlet.ServletRestHttpBinding;

/**
 * Camel's REST binding for the servlet, with one change: a body already in bytes (every answer the
 * read API renders ahead of time) is written as it is, after its {@code Content-Length}. Camel's
 * own path turns the bytes into a stream and copies it into a per-request cache to learn its length
 * (or, with chunking on, its default, sends it chunked); that copy was a tenth of the read path's
 * CPU in a profile (src/test/bench/benchmark.sh). Every other body takes Camel's path.
 *
 * <p>Camel applies an endpoint's binding options ({@code mapHttpMessage*}) only to a binding it makes
 * itself, so this one's are set here. The API takes no form: a POST whose type says
 * {@code application/x-www-form-urlencoded} (curl's default for {@code --data-binary}) is not parsed
 * into headers, where Camel's parser failed on any body that is not {@code name=value} pairs, with a
 * 500 and the body in a logged exception; the operation answers it as it answers any type it does not
 * take (the backfill: 415). Tomcat reads no such body as parameters either: the message takes the
 * request's stream before the query is read, and Tomcat parses a body only when its stream is unused.
 */
class ApiHttpBinding extends ServletRestHttpBinding {
    /** The bean name the REST configuration refers to ({@code httpBinding=#apiHttpBinding}). */
    static final String BEAN = "apiHttpBinding";

    ApiHttpBinding(ApiHeaderFilterStrategy headers) {
        setHeaderFilterStrategy(headers);
        // An unexpected failure answers 500 without a stack trace in the body.
        setMuteException(true);
        setMapHttpMessageFormUrlEncodedBody(false);
    }

    @Override
    protected void doWriteDirectResponse(Message message, HttpServletResponse response, Exchange exchange)
            throws IOException {
        if (message.getBody() instanceof byte[] bytes) {
            response.setContentLength(bytes.length);
            response.getOutputStream().write(bytes);
            return;
        }
        super.doWriteDirectResponse(message, response, exchange);
    }
}
