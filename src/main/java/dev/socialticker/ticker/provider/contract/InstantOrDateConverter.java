package dev.socialticker.ticker.provider.contract;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/**
 * Binds an instant property ({@code ticker.providers.<name>.token-expires-at}) from an instant or a
 * date, read as UTC midnight: an operator copies an expiry date from a provider's console. Boot's
 * start-up report names the property and quotes this message when neither fits.
 */
@Component
@ConfigurationPropertiesBinding
class InstantOrDateConverter implements Converter<String, Instant> {
    @Override
    public Instant convert(String value) {
        String text = value.trim();
        if (text.isEmpty()) {
            return null;
        }
        try {
            return text.length() == 10
                    ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(text);
        } catch (DateTimeParseException bad) {
            throw new IllegalArgumentException(
                    "'" + value + "' is not a date (2026-12-31) or an instant (2026-12-31T12:00:00Z)");
        }
    }
}
