package dev.socialticker.ticker.provider.http;

import static dev.socialticker.ticker.provider.contract.TickerHeaders.ACCOUNT;
import static dev.socialticker.ticker.provider.contract.TickerHeaders.ETAG;
import static dev.socialticker.ticker.provider.contract.TickerHeaders.NOT_MODIFIED;
import static dev.socialticker.ticker.provider.contract.TickerHeaders.PROFILE;
import static dev.socialticker.ticker.provider.contract.TickerHeaders.QUOTA;
import static dev.socialticker.ticker.provider.contract.TickerHeaders.RAW_TOTAL;

import com.fasterxml.jackson.core.JacksonException;
import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.InvalidJsonException;
import dev.socialticker.ticker.provider.contract.AccountNotFoundException;
import dev.socialticker.ticker.provider.contract.PayloadRejectedException;
import dev.socialticker.ticker.provider.contract.ProviderFailure;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.camel.spi.DataFormat;

/**
 * Reads the upstream's answer for a "JSON over HTTP" provider into the provider contract's result
 * headers: the raw count and profile by JSONPath, the entity tag, quota facts, and "not modified".
 * First, the provider file's own error rules judge the answer, whatever its status; an error answer
 * no rule recognises goes to the shared classifier as camel-http would report it. It only
 * extracts: whether the count is a usable number is the store's decision, shared by all.
 *
 * <p>The answer is parsed once, by the service's JSON data format, into the document the JSONPath
 * expressions read. This step calls the data format rather than follow an {@code .unmarshal()}
 * step: an answer that is not JSON (a proxy's HTML page, an empty body) is no failure before its
 * status and the error rules have judged it, and a provider's route may not catch one itself
 * (ProviderContract refuses a {@code doTry}); such an answer simply has no document.
 */
final class JsonAnswerReader implements Processor {

    private final JsonOverHttpSpec spec;
    private final Clock clock;
    private final DataFormat json;

    JsonAnswerReader(JsonOverHttpSpec spec, Clock clock, DataFormat json) {
        this.spec = spec;
        this.clock = clock;
        this.json = json;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Message in = exchange.getIn();
        in.removeHeader("Authorization");
        // What the file's headers sent (a client id) is not part of the answer.
        spec.headers().names().forEach(in::removeHeader);
        int status = in.getHeader(Exchange.HTTP_RESPONSE_CODE, 200, Integer.class);
        // Read once per answer: a retry of the same exchange gets an answer of its own.
        boolean cut = Boolean.TRUE.equals(exchange.removeProperty(AnswerSizeLimit.CUT));
        // A cut body is not the upstream's document: no rule reads it, the status and headers still count.
        String text = status == 304 || cut ? null : in.getBody(String.class);
        Parsed parsed = parse(exchange, text);
        Object document = parsed.document();
        Function<String, String> headers = name -> in.getHeader(name, String.class);
        DocumentContext answer = JsonAnswers.of(document);
        Optional<ProviderFailure> recognised = spec.errors().match(status, headers, () -> answer, clock.instant());
        if (recognised.isPresent()) {
            // Without the body: what the classifier may still want is the status and the headers.
            throw recognised.get().answeredBy(failedCall(exchange, status));
        }
        if (status >= 300 && status != 304) {
            throw failedCall(exchange, status);
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
        if (text == null || text.isBlank()) {
            throw new PayloadRejectedException("the answer was empty");
        }
        if (parsed.notJson() != null) {
            throw parsed.notJson();
        }
        if (document == null) {
            throw new InvalidJsonException("the answer is JSON null");
        }
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

    /**
     * The answer's document; none, with why, when it is not JSON (its parser's exception, which the
     * shared classifier calls an invalid payload where a count was expected), and none without a
     * body or for JSON {@code null}.
     */
    private record Parsed(Object document, Exception notJson) {}

    private Parsed parse(Exchange exchange, String text) throws Exception {
        if (text == null || text.isBlank()) {
            return new Parsed(null, null);
        }
        try {
            return new Parsed(json.unmarshal(exchange, (Object) text), null);
        } catch (JacksonException notJson) {
            return new Parsed(null, notJson);
        }
    }

    /**
     * The answer as camel-http would report a failed call, without the query (it may hold the
     * credential) and without the body (nothing reads it: the rules read the document, the shared
     * classifier the status and headers).
     */
    private static HttpOperationFailedException failedCall(Exchange exchange, int status) {
        Message in = exchange.getIn();
        String uri = exchange.getProperty(JsonOverHttpRequest.UPSTREAM_URI, String.class)
                .replaceFirst("\\?.*$", "");
        return new HttpOperationFailedException(
                uri, status, in.getHeader(Exchange.HTTP_RESPONSE_TEXT, String.class), null, responseHeaders(in), null);
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
