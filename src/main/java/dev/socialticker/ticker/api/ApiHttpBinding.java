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
 */
class ApiHttpBinding extends ServletRestHttpBinding {
    /** The bean name the REST configuration refers to ({@code httpBinding=#apiHttpBinding}). */
    static final String BEAN = "apiHttpBinding";

    ApiHttpBinding(ApiHeaderFilterStrategy headers) {
        setHeaderFilterStrategy(headers);
        // An unexpected failure answers 500 without a stack trace in the body.
        setMuteException(true);
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
