package dev.socialticker.ticker.trial;

import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.component.http.HttpActivityListener;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;

/**
 * What the provider route really sent and received, as camel-http hands it to Apache HttpClient:
 * the refresh's call control installs this listener instead of its silent one (see
 * {@code refresh.UpstreamCallControl}). Values are kept as they are; the printer masks them.
 */
class UpstreamCallRecorder implements HttpActivityListener {

    record Call(String method, String uri, List<String[]> headers, Integer status, List<String[]> answerHeaders) {
        String answerHeader(String name) {
            return answerHeaders.stream()
                    .filter(header -> header[0].equalsIgnoreCase(name))
                    .map(header -> header[1])
                    .findFirst()
                    .orElse(null);
        }
    }

    private final List<Call> calls = new ArrayList<>();

    synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    @Override
    public synchronized void onRequestSubmitted(
            Object source, Exchange exchange, HttpHost host, HttpRequest request, HttpEntity entity) {
        String uri = request.getRequestUri();
        if (!uri.startsWith("http")) {
            uri = host.toURI() + uri;
        }
        calls.add(new Call(request.getMethod(), uri, pairs(request.getHeaders()), null, List.of()));
    }

    @Override
    public synchronized void onResponseReceived(
            Object source, Exchange exchange, HttpHost host, HttpResponse response, HttpEntity entity, long elapsed) {
        if (!calls.isEmpty()) {
            Call last = calls.remove(calls.size() - 1);
            calls.add(new Call(
                    last.method(), last.uri(), last.headers(), response.getCode(), pairs(response.getHeaders())));
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
