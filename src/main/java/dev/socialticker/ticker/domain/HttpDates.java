package dev.socialticker.ticker.domain;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * HTTP dates as RFC 9110 §5.6.7 defines them. The service writes only IMF-fixdate
 * ({@code Thu, 03 Dec 2026 10:00:00 GMT}); it reads that and the two obsolete forms recipients must
 * accept: RFC 850 ({@code Thursday, 03-Dec-26 10:00:00 GMT}) and asctime ({@code Thu Dec  3 10:00:00 2026}).
 *
 * <p>Written by hand because the usual helpers get a detail wrong: {@code RFC_1123_DATE_TIME} writes a
 * one-digit day, and the parsers of Spring and HttpClient reject asctime's space-padded day and read a
 * two-digit year without the "not more than 50 years ahead" rule.
 */
public final class HttpDates {
    private static final DateTimeFormatter IMF_FIXDATE = DateTimeFormatter.ofPattern(
                    "EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ASCTIME =
            DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.US).withResolverStyle(ResolverStyle.SMART);

    private HttpDates() {}

    /** IMF-fixdate, whole seconds, always a two-digit day. */
    public static String format(Instant instant) {
        return IMF_FIXDATE.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /** Any of the three forms, or empty when the value is none of them. */
    public static Optional<Instant> parse(String value, Clock clock) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String trimmed = value.trim();
        for (DateTimeFormatter form : List.of(IMF_FIXDATE, rfc850(clock), ASCTIME)) {
            try {
                return Optional.of(LocalDateTime.parse(trimmed, form).toInstant(ZoneOffset.UTC));
            } catch (DateTimeException notThisForm) {
                // try the next form
            }
        }
        return Optional.empty();
    }

    /**
     * RFC 850 with its two-digit year read as RFC 9110 asks: a year that would lie more than 50
     * years in the future is the most recent past year with the same last two digits.
     */
    private static DateTimeFormatter rfc850(Clock clock) {
        int latest = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).getYear() + 50;
        return new DateTimeFormatterBuilder()
                .appendPattern("EEEE, dd-MMM-")
                .appendValueReduced(ChronoField.YEAR, 2, 2, latest - 99)
                .appendPattern(" HH:mm:ss 'GMT'")
                .toFormatter(Locale.US);
    }
}
