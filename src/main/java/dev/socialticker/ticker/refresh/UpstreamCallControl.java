package dev.socialticker.ticker.refresh;

import dev.socialticker.ticker.provider.http.AnswerSizeLimit;
import org.apache.camel.Exchange;
import org.apache.camel.Ordered;
import org.apache.camel.component.http.HttpActivityListener;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.hc.client5.http.classic.ExecChain;
import org.apache.hc.client5.http.classic.ExecChainHandler;
import org.apache.hc.core5.concurrent.Cancellable;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts every upstream HTTP call under the refresh that makes it, for every provider (templated or
 * hand-written), since they all use camel-http:
 * <ul>
 *   <li><b>No retries of its own.</b> Apache HttpClient 5 re-executes a 429/503 by itself and sleeps
 *       its {@code Retry-After} inside the call (an hour, for a provider in maintenance). Retrying is
 *       the refresh route's {@code retryWhile}, and only there ({@link RetryPolicy}).</li>
 *   <li><b>Abortable.</b> Each call registers with its {@link RefreshRun}, which aborts it when the
 *       budget runs out or the service stops. Socket timeouts alone cannot bound a call: a body that
 *       trickles one byte a second never trips a read timeout.</li>
 *   <li><b>Bounded in size.</b> No answer is read past {@link AnswerSizeLimit#MAX_BYTES}.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class UpstreamCallControl {
    /** Name of the HttpClient exec interceptor. */
    static final String INTERCEPTOR = "ticker-refresh-run";

    /**
     * @param listener an activity listener of the application's, if any (the try command prints the
     *                 request it sees); else one that does nothing
     */
    @Bean
    ComponentCustomizer upstreamCallsUnderTheRefresh(ObjectProvider<HttpActivityListener> listener) {
        HttpActivityListener activity = listener.getIfAvailable(() -> EXCHANGE_IN_CONTEXT);
        // Last, after camel-http-starter's own customizer, which copies every camel.component.http.*
        // property onto the component, defaults included: at the same order it may run after this one
        // and switch the retries back on (it did, in the packaged jar).
        return ComponentCustomizer.builder(HttpComponent.class)
                .withOrder(Ordered.LOWEST)
                .build(http -> {
                    http.setAutomaticRetriesDisabled(true);
                    http.setHttpClientConfigurer(
                            builder -> builder.addExecInterceptorFirst(INTERCEPTOR, new RunBoundCalls())
                                    // Outermost, so the limit counts the decompressed body.
                                    .addExecInterceptorFirst(AnswerSizeLimit.NAME, new AnswerSizeLimit()));
                    // With an activity listener set, camel-http puts the exchange into each call's HttpContext,
                    // which is how RunBoundCalls finds the run; the listener itself has nothing to do.
                    http.setHttpActivityListener(activity);
                });
    }

    private static final HttpActivityListener EXCHANGE_IN_CONTEXT = new HttpActivityListener() {
        @Override
        public void onRequestSubmitted(
                Object source, Exchange exchange, HttpHost host, HttpRequest request, HttpEntity entity) {
            // nothing to record: see above
        }

        @Override
        public void onResponseReceived(
                Object source,
                Exchange exchange,
                HttpHost host,
                HttpResponse response,
                HttpEntity entity,
                long elapsed) {
            // nothing to record: see above
        }
    };

    /**
     * Registers the request with the run of the exchange that sends it. The request object the caller
     * holds is HttpClient's own cancellation handle: cancelling it closes the connection, which ends
     * a blocked connect, TLS handshake or body read at once.
     */
    static final class RunBoundCalls implements ExecChainHandler {
        @Override
        public ClassicHttpResponse execute(ClassicHttpRequest request, ExecChain.Scope scope, ExecChain chain)
                throws java.io.IOException, org.apache.hc.core5.http.HttpException {
            Object exchange = scope.clientContext.getAttribute(Exchange.class.getName());
            if (exchange instanceof Exchange camel && scope.originalRequest instanceof Cancellable call) {
                RefreshRun run = camel.getProperty(RefreshRun.PROPERTY, RefreshRun.class);
                if (run != null) {
                    run.register(call);
                }
            }
            return chain.proceed(request, scope);
        }
    }
}
