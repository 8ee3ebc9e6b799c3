package dev.socialticker.ticker.provider;

import static dev.socialticker.ticker.TickerHeaders.ACCOUNT;
import static dev.socialticker.ticker.TickerHeaders.ETAG;
import static dev.socialticker.ticker.TickerHeaders.NOT_MODIFIED;
import static dev.socialticker.ticker.TickerHeaders.PROFILE;
import static dev.socialticker.ticker.TickerHeaders.QUOTA;
import static dev.socialticker.ticker.TickerHeaders.RAW_TOTAL;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.spi.json.JacksonJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import dev.socialticker.ticker.store.AccountNotFoundException;
import dev.socialticker.ticker.store.PayloadRejectedException;
import java.time.Clock;
import java.util.Collection;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * Reads the upstream's answer for a "JSON over HTTP" provider into the provider contract's result
 * headers: the raw count and profile by JSONPath, the entity tag, quota facts, and "not modified".
 * It only extracts: whether the count is a usable number is the store's decision, shared by all.
 */
final class JsonAnswerReader implements Processor {
    /** Jackson, not the JSONPath library's lenient default parser: HTML must not pass for JSON. */
    private static final Configuration JSON = Configuration.builder()
            .jsonProvider(new JacksonJsonProvider(new ObjectMapper()))
            .mappingProvider(new JacksonMappingProvider(new ObjectMapper()))
            .options(Option.SUPPRESS_EXCEPTIONS).build();

    private final JsonOverHttpSpec spec;
    private final Clock clock;

    JsonAnswerReader(JsonOverHttpSpec spec, Clock clock) {
        this.spec = spec;
        this.clock = clock;
    }

    @Override
    public void process(Exchange exchange) {
        Message in = exchange.getIn();
        in.removeHeader("Authorization");
        in.setHeader(QUOTA, QuotaHeaders.read(name -> in.getHeader(name, String.class), clock.instant()));
        String etag = in.getHeader("ETag", String.class);
        if (etag != null && !etag.isBlank()) {
            in.setHeader(ETAG, etag.trim());
        } else {
            in.removeHeader(ETAG);
        }
        if (in.getHeader(Exchange.HTTP_RESPONSE_CODE, 200, Integer.class) == 304) {
            in.setHeader(NOT_MODIFIED, true);
            in.setBody(null);
            return;
        }
        String body = in.getBody(String.class);
        if (body == null || body.isBlank()) {
            throw new PayloadRejectedException("the answer was empty");
        }
        DocumentContext answer = JsonPath.using(JSON).parse(body);
        if (!spec.accountPath().isEmpty() && isNothing(answer.read(spec.accountPath()))) {
            throw new AccountNotFoundException("the provider has no account '" + in.getHeader(ACCOUNT, String.class)
                    + "'");
        }
        if (!spec.hiddenFlag().isEmpty() && isTrue(answer.read(spec.hiddenFlag()))) {
            throw new PayloadRejectedException("the account hides its follower count (not zero: no public count)");
        }
        in.setHeader(RAW_TOTAL, answer.read(spec.count()));
        if (!spec.profile().isEmpty()) {
            in.setHeader(PROFILE, answer.read(spec.profile()));
        }
        in.setBody(null);
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
