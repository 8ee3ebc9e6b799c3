package dev.socialticker.ticker.api;

import dev.socialticker.ticker.config.SourceCatalog;
import dev.socialticker.ticker.domain.TickerSource;
import dev.socialticker.ticker.history.HistoryArchive;
import dev.socialticker.ticker.history.SourceHistory.Backfilled;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code POST /api/admin/history/{id}}: a source's daily counts from another tool ({@link BackfillCsv}),
 * all or nothing. Days on or after the source's first live reading are left as the service read
 * them; sending the same file again changes nothing and says so ({@code unchanged}).
 */
@Component
class HistoryBackfiller {
    private static final Logger log = LoggerFactory.getLogger(HistoryBackfiller.class);
    /** How long an upload of at most 4 MiB may take to arrive, however slowly it trickles. */
    private static final Duration UPLOAD_PATIENCE = Duration.ofSeconds(60);

    private final HistoryArchive book;
    private final SourceCatalog catalog;
    private final Clock clock;

    HistoryBackfiller(HistoryArchive book, SourceCatalog catalog, Clock clock) {
        this.book = book;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** Stores the days; the answer, a {@link BackfillDocument}, is left in the body for the route to marshal. */
    void backfill(Exchange exchange) {
        Message in = exchange.getIn();
        String id = in.getHeader("id", String.class);
        if (!ApiProblems.isValidId(id)) {
            throw ApiProblems.invalidId();
        }
        TickerSource source = catalog.find(id).orElseThrow(() -> ApiProblems.unknownId(id));
        if (!book.enabled()) {
            throw ApiProblems.historyDisabled();
        }
        String type = in.getHeader(Exchange.CONTENT_TYPE, "", String.class).toLowerCase(Locale.ROOT);
        if (!type.startsWith("text/csv") && !type.startsWith("text/plain")) {
            throw new ApiRejection(
                    415, "UNSUPPORTED_MEDIA_TYPE", "Send the days as Content-Type: text/csv (lines date,count)");
        }
        Long length = in.getHeader("Content-Length", Long.class);
        if (length != null && length > BackfillCsv.MAX_BYTES) {
            throw BackfillCsv.tooLarge();
        }
        Map<LocalDate, Long> days =
                BackfillCsv.parse(read(exchange), LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        Map<Backfilled, Integer> outcome;
        try {
            outcome = book.backfill(source, days);
        } catch (IOException unreachable) {
            log.warn("Backfill of {} not stored: {}", id, unreachable.getMessage());
            throw new ApiRejection(
                    503,
                    "STORE_UNAVAILABLE",
                    "The history could not be stored (the state store is unreachable); send the file again later");
        }
        log.info("Backfilled {} days of {}: {}", days.size(), id, outcome);
        BackfillDocument answer = new BackfillDocument(
                id,
                days.size(),
                outcome.get(Backfilled.ADDED),
                outcome.get(Backfilled.UPDATED),
                outcome.get(Backfilled.UNCHANGED),
                outcome.get(Backfilled.LIVE));
        Message message = exchange.getMessage();
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        message.setHeader("Cache-Control", "no-store");
        message.setBody(answer);
    }

    /**
     * The request's body, read here to its bound ({@link BackfillCsv#read}) after the token and the
     * type were judged: nothing reads it ahead ({@link RequestBody}). A body that breaks off (the
     * client hung up, a broken chunk) or stalls is the client's failure: a 400, not a logged stack trace.
     */
    private static String read(Exchange exchange) {
        try {
            return BackfillCsv.read(RequestBody.read(exchange, BackfillCsv.MAX_BYTES, UPLOAD_PATIENCE));
        } catch (IOException broken) {
            throw new ApiRejection(
                    400, "INVALID_BACKFILL", "The body broke off before its end; nothing was stored: send it again");
        }
    }
}
