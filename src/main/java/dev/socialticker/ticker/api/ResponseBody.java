package dev.socialticker.ticker.api;

import java.nio.ByteBuffer;
import org.apache.camel.Message;

/**
 * How a route hands the bytes of its answer to the web server: wrapped as a {@link ByteBuffer},
 * which Camel's Vert.x writer sends as one buffer with a {@code Content-Length}. A {@code byte[]} it
 * converts to a stream and sends chunked, piece by piece: a third fewer reads per second
 * (src/test/bench/read-ab.sh, docs/performance.md).
 */
final class ResponseBody {
    private ResponseBody() {}

    static void set(Message message, byte[] bytes) {
        message.setBody(bytes == null ? null : ByteBuffer.wrap(bytes));
    }
}
