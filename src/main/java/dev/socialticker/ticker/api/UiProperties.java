package dev.socialticker.ticker.api;

import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings the ticker page reads from {@code GET /api/ui-config} ({@code ticker.ui.*}).
 *
 * @param pollInterval    how often the ticker page polls (at least 2s: below that a ticker only adds
 *                        load, the data changes at most once per refresh period)
 * @param fallbackMessage what the page shows before any data exists
 */
@Validated
@ConfigurationProperties("ticker.ui")
record UiProperties(
        @DurationMin(seconds = 2, message = "must be at least 2s") @DefaultValue("10s")
        Duration pollInterval,

        @NotBlank(message = "must not be blank") @DefaultValue("Follower count coming soon")
        String fallbackMessage) {}
