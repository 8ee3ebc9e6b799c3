package dev.socialticker.ticker.provider.http;

import static dev.socialticker.ticker.provider.contract.TickerHeaders.ACCOUNT;
import static dev.socialticker.ticker.provider.contract.TickerHeaders.ETAG;
import static dev.socialticker.ticker.provider.contract.TickerHeaders.NOT_MODIFIED;
import static dev.socialticker.ticker.provider.contract.TickerHeaders.PROFILE;
import static dev.socialticker.ticker.provider.contract.TickerHeaders.QUOTA;
import static dev.socialticker.ticker.provider.contract.TickerHeaders.RAW_TOTAL;

import com.jayway.jsonpath.DocumentContext;
import dev.socialticker.ticker.provider.contract.AccountNotFoundException;
import dev.socialticker.ticker.provider.contract.PayloadRejectedException;
import dev.socialticker.ticker.provider.contract.ProviderFailure;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.http.base.HttpOperationFailedException;

/**
 * Reads the upstream's answer for a "JSON over HTTP" provider into the provider contract's result
 * headers: the raw count and profile by JSONPath, the entity tag, quota facts, and "not modified".
 * First, the provider file's own error rules judge the answer, whatever its status; an error answer
 * no rule recognises goes to the shared classifier as camel-http would report it. It only
 * extracts: whether the count is a usable number is the store's decision, shared by all.
 */
final class JsonAnswerReader implements Processor {
    private final JsonOverHttpSpec spec;
    private final Clock clock;

    JsonAnswerReader(JsonOverHttpSpec spec, Clock clock) {
        this.spec = spec;
        this.clock = clock;
    }

    @Override
    public void process(Exchange exchange) throws HttpOperationFailedException {
        Message in = exchange.getIn();
        in.removeHeader("Authorization");
        // What the file's headers sent (a client id) is not part of the answer.
        spec.headers().names().forEach(in::removeHeader);
        int status = in.getHeader(Exchange.HTTP_RESPONSE_CODE, 200, Integer.class);
        // Read once per answer: a retry of the same exchange gets an answer of its own.
        boolean cut = Boolean.TRUE.equals(exchange.removeProperty(AnswerSizeLimit.CUT));
        // A cut body is not the upstream's document: no rule reads it, the status and headers still count.
        String body = status == 304 || cut ? null : in.getBody(String.class);
        Function<String, String> headers = name -> in.getHeader(name, String.class);
        Supplier<DocumentContext> parsed = once(() -> JsonAnswers.parse(body));
        Optional<ProviderFailure> recognised = spec.errors().match(status, headers, parsed, clock.instant());
        if (recognised.isPresent()) {
            // Without the body: what the classifier may still want is the status and the headers.
            throw recognised.get().answeredBy(failedCall(exchange, status, null));
        }
        if (status >= 300 && status != 304) {
            throw failedCall(exchange, status, body);
        }
        in.setHeader(QUOTA, QuotaHeaders.read(headers, clock.instant()));
        String etag = in.getHeader("ETag", String.class);
        if (etag != null && !etag.isBlank()) {
            in.setHeader(ETAG, etag.trim());
        } else {
            in.removeHeader(ETAG);
        }
        if (status == 304) {
            in.setHeader(NOT_MODIFIED, true);
            in.setBody(null);
            return;
        }
        if (cut) {
            throw new PayloadRejectedException("the answer was longer than " + AnswerSizeLimit.MAX_BYTES / 1024
                    + " KiB, far more than a profile; it was not read");
        }
        if (body == null || body.isBlank()) {
            throw new PayloadRejectedException("the answer was empty");
        }
        DocumentContext answer = JsonAnswers.strict(body);
        if (!spec.accountPath().isEmpty() && isNothing(JsonAnswers.find(answer, spec.accountPath()))) {
            throw new AccountNotFoundException(
                    "the provider has no account '" + in.getHeader(ACCOUNT, String.class) + "'");
        }
        if (!spec.hiddenFlag().isEmpty() && isTrue(JsonAnswers.find(answer, spec.hiddenFlag()))) {
            throw new PayloadRejectedException("the account hides its follower count (not zero: no public count)");
        }
        in.setHeader(RAW_TOTAL, JsonAnswers.find(answer, spec.count()));
        if (!spec.profile().isEmpty()) {
            in.setHeader(PROFILE, JsonAnswers.find(answer, spec.profile()));
        }
        in.setBody(null);
    }

    /** The answer as camel-http would report a failed call, without the query (it may hold the credential). */
    private static HttpOperationFailedException failedCall(Exchange exchange, int status, String body) {
        Message in = exchange.getIn();
        String uri = exchange.getProperty(JsonOverHttpRequest.UPSTREAM_URI, String.class)
                .replaceFirst("\\?.*$", "");
        return new HttpOperationFailedException(
                uri, status, in.getHeader(Exchange.HTTP_RESPONSE_TEXT, String.class), null, responseHeaders(in), body);
    }

    /** The upstream's response headers (camel-http copied them into the message), without our own. */
    private static Map<String, String> responseHeaders(Message in) {
        Map<String, String> headers = new LinkedHashMap<>();
        in.getHeaders().forEach((name, value) -> {
            if (!name.startsWith("Camel")
                    && !name.startsWith("Ticker")
                    && !name.equalsIgnoreCase("Authorization")
                    && value != null) {
                headers.put(name, String.valueOf(value));
            }
        });
        return headers;
    }

    private static <T> Supplier<T> once(Supplier<T> supplier) {
        Object[] value = {null};
        return () -> {
            if (value[0] == null) {
                value[0] = supplier.get();
            }
            @SuppressWarnings("unchecked")
            T result = (T) value[0];
            return result;
        };
    }

    private static boolean isNothing(Object found) {
        return found == null || found instanceof Collection<?> list && list.isEmpty();
    }

    private static boolean isTrue(Object flag) {
        if (flag instanceof Collection<?> list) {
            return list.stream().anyMatch(JsonAnswerReader::isTrue);
        }
        return Boolean.TRUE.equals(flag) || "true".equals(flag);
    }
}
