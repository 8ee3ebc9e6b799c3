package dev.socialticker.ticker.trial;

import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.component.http.HttpActivityListener;
import org.apache.camel.component.http.HttpEndpoint;
import org.apache.camel.component.http.helper.HttpMethodHelper;
import org.apache.camel.http.common.HttpHelper;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;

/**
 * What the provider route really sent and received. Each call is recorded when the route sends to
 * an HTTP endpoint, with the URL and method camel-http resolves for it (its own helpers, from the
 * endpoint and the exchange's headers): so a call that never got a connection (refused, unknown
 * host) still shows where it went. What Apache HttpClient then sends and receives completes it,
 * through the activity listener the refresh's call control installs instead of its silent one (see
 * {@code refresh.UpstreamCallControl}). Values are kept as they are; the printer masks them.
 */
class UpstreamCallRecorder extends EventNotifierSupport implements HttpActivityListener {

    /**
     * @param submitted true once HttpClient has sent it (its headers are then the ones sent)
     * @param status    the answer's status; null while there is none
     */
    record Call(
            String method,
            String uri,
            boolean submitted,
            List<String[]> headers,
            Integer status,
            List<String[]> answerHeaders) {
        String answerHeader(String name) {
            return answerHeaders.stream()
                    .filter(header -> header[0].equalsIgnoreCase(name))
                    .map(header -> header[1])
                    .findFirst()
                    .orElse(null);
        }
    }

    private final List<Call> calls = new ArrayList<>();

    UpstreamCallRecorder() {
        setIgnoreCamelContextEvents(true);
        setIgnoreCamelContextInitEvents(true);
        setIgnoreRouteEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreStepEvents(true);
        setIgnoreExchangeCreatedEvent(true);
        setIgnoreExchangeCompletedEvent(true);
        setIgnoreExchangeFailedEvents(true);
        setIgnoreExchangeRedeliveryEvents(true);
        setIgnoreExchangeSentEvents(true);
        setIgnoreExchangeAsyncProcessingStartedEvents(true);
    }

    synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof CamelEvent.ExchangeSendingEvent sending
                && sending.getEndpoint() instanceof HttpEndpoint;
    }

    /** The route is about to call an HTTP endpoint: where camel-http will send the request. */
    @Override
    public void notify(CamelEvent event) {
        CamelEvent.ExchangeSendingEvent sending = (CamelEvent.ExchangeSendingEvent) event;
        HttpEndpoint endpoint = (HttpEndpoint) sending.getEndpoint();
        Exchange exchange = sending.getExchange();
        String uri;
        String method;
        try {
            uri = HttpHelper.createURI(exchange, HttpHelper.createURL(exchange, endpoint), endpoint)
                    .toASCIIString();
            method = HttpMethodHelper.createMethod(exchange, endpoint).name();
        } catch (URISyntaxException | RuntimeException unresolvable) {
            // camel-http will fail on it too, and the failure is printed; show the endpoint's address.
            uri = endpoint.getHttpUri().toString();
            method = "?";
        }
        synchronized (this) {
            calls.add(new Call(method, uri, false, List.of(), null, List.of()));
        }
    }

    @Override
    public synchronized void onRequestSubmitted(
            Object source, Exchange exchange, HttpHost host, HttpRequest request, HttpEntity entity) {
        String uri = request.getRequestUri();
        if (!uri.startsWith("http")) {
            uri = host.toURI() + uri;
        }
        Call sent = new Call(request.getMethod(), uri, true, pairs(request.getHeaders()), null, List.of());
        int last = calls.size() - 1;
        if (last >= 0 && !calls.get(last).submitted()) {
            calls.set(last, sent); // the call recorded when the route sent it, as HttpClient sends it
        } else {
            calls.add(sent); // another request of the same call: a redirect
        }
    }

    @Override
    public synchronized void onResponseReceived(
            Object source, Exchange exchange, HttpHost host, HttpResponse response, HttpEntity entity, long elapsed) {
        if (!calls.isEmpty()) {
            Call last = calls.remove(calls.size() - 1);
            calls.add(new Call(
                    last.method(),
                    last.uri(),
                    last.submitted(),
                    last.headers(),
                    response.getCode(),
                    pairs(response.getHeaders())));
        }
    }

    private static List<String[]> pairs(Header[] headers) {
        List<String[]> pairs = new ArrayList<>();
        for (Header header : headers) {
            pairs.add(new String[] {header.getName(), header.getValue()});
        }
        return pairs;
    }
}
