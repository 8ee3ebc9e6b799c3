package dev.socialticker.ticker.history;

import dev.socialticker.ticker.domain.Milestones;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.List;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Each source's history of counts ({@code ticker.history.*}).
 *
 * @param enabled         keep a history, and show growth and milestones; off: no history is read or written
 * @param rawRetention    how long every reading is kept (each change, one an hour while still)
 * @param hourlyRetention how long the last count of each hour is kept; days are kept for ever
 * @param compactEvery    how often readings and hours past their retention are dropped
 * @param maxPoints       the most points one history answer holds; a range with more is refused (400)
 * @param milestones      the milestones, ascending; empty: 10, 25, 50, 100, 250, 500, 1k, 2.5k, 5k, 10k, …
 * @param forecastHorizon a next milestone's estimated date is given only when it falls within this
 */
@Validated
@ConfigurationProperties("ticker.history")
public record HistoryProperties(
        @DefaultValue("true") boolean enabled,

        @DurationMin(hours = 1, message = "must be at least 1h") @DefaultValue("10d")
        Duration rawRetention,

        @DurationMin(days = 1, message = "must be at least 1d") @DefaultValue("90d")
        Duration hourlyRetention,

        @DurationMin(seconds = 1, message = "must be at least 1s") @DefaultValue("1h")
        Duration compactEvery,

        @Min(value = 10, message = "must be at least 10")
        @Max(value = 100_000, message = "must be at most 100000")
        @DefaultValue("5000")
        int maxPoints,

        List<@Min(value = 1, message = "must be positive") Long> milestones,

        @DurationMin(days = 1, message = "must be at least 1d") @DefaultValue("84d")
        Duration forecastHorizon) {

    public HistoryProperties {
        milestones = milestones == null ? List.of() : List.copyOf(milestones);
    }

    /** The defaults, as a test or a tool without Spring starts with them. */
    public static HistoryProperties defaults() {
        return new HistoryProperties(
                true,
                Duration.ofDays(10),
                Duration.ofDays(90),
                Duration.ofHours(1),
                5000,
                List.of(),
                Duration.ofDays(84));
    }

    public Milestones ladder() {
        return Milestones.of(milestones);
    }
}
