package dev.socialticker.ticker.provider.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.camel.Exchange;
import org.apache.hc.client5.http.classic.ExecChain;
import org.apache.hc.client5.http.classic.ExecChainHandler;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.io.entity.HttpEntityWrapper;

/**
 * Reads at most {@link #MAX_BYTES} of an upstream's answer (after decompression): camel-http keeps
 * the whole body in memory, and a follower count never needs more, whereas a misbehaving upstream, a
 * proxy's error page or a decompression bomb could fill the heap. Past the limit the connection is
 * dropped at once instead of being drained, and the exchange property {@link #CUT} says the body
 * was cut, so the answer is judged by its status and headers only ({@link JsonAnswerReader}).
 * Registered as an HttpClient exec interceptor for every upstream call by the refresh's HTTP set-up.
 */
public final class AnswerSizeLimit implements ExecChainHandler {
    /** Name of the HttpClient exec interceptor. */
    public static final String NAME = "ticker-answer-size-limit";
    /** 1 MiB: hundreds of times a profile answer, small beside the heap. */
    public static final int MAX_BYTES = 1024 * 1024;
    /** Exchange property, true when the answer was longer than {@link #MAX_BYTES} and was cut. */
    static final String CUT = "TickerAnswerCut";

    @Override
    public ClassicHttpResponse execute(ClassicHttpRequest request, ExecChain.Scope scope, ExecChain chain)
            throws IOException, HttpException {
        ClassicHttpResponse response = chain.proceed(request, scope);
        HttpEntity entity = response.getEntity();
        if (entity != null) {
            Object exchange = scope.clientContext.getAttribute(Exchange.class.getName());
            response.setEntity(new CappedEntity(entity, () -> {
                // Closing the stream would read the rest to keep the connection: drop it instead.
                scope.execRuntime.discardEndpoint();
                if (exchange instanceof Exchange camel) {
                    camel.setProperty(CUT, true);
                }
            }));
        }
        return response;
    }

    private static final class CappedEntity extends HttpEntityWrapper {
        private final Runnable onCut;
        private CappedStream content;

        CappedEntity(HttpEntity wrapped, Runnable onCut) {
            super(wrapped);
            this.onCut = onCut;
        }

        @Override
        public long getContentLength() {
            long length = super.getContentLength();
            return length > MAX_BYTES ? -1 : length;
        }

        @Override
        public boolean isRepeatable() {
            return false;
        }

        @Override
        public synchronized InputStream getContent() throws IOException {
            // One stream, however often asked: camel-http and HttpClient both close "the" content.
            if (content == null) {
                content = new CappedStream(super.getContent(), onCut);
            }
            return content;
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            getContent().transferTo(out);
        }

        @Override
        public void close() throws IOException {
            if (content == null || !content.cut) {
                super.close();
            }
        }
    }

    private static final class CappedStream extends FilterInputStream {
        private final Runnable onCut;
        private long count;
        private boolean cut;

        CappedStream(InputStream in, Runnable onCut) {
            super(in);
            this.onCut = onCut;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (cut || in == null) {
                return -1;
            }
            if (count >= MAX_BYTES) {
                if (in.read() >= 0) {
                    cut = true;
                    onCut.run();
                }
                return -1;
            }
            int read = in.read(buffer, offset, (int) Math.min(length, MAX_BYTES - count));
            if (read > 0) {
                count += read;
            }
            return read;
        }

        @Override
        public long skip(long n) throws IOException {
            return super.skip(Math.min(n, Math.max(0, MAX_BYTES - count)));
        }

        @Override
        public int available() throws IOException {
            return cut ? 0 : (int) Math.min(super.available(), Math.max(0, MAX_BYTES - count));
        }

        @Override
        public void close() throws IOException {
            if (!cut) {
                super.close();
            }
        }
    }
}
