package dev.socialticker.ticker.state;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where snapshots live besides the in-memory cache ({@code ticker.store.*}).
 *
 * @param type      where the service's state (each source's state, open incidents and undelivered
 *                  alerts, rotated tokens) lives. file: on disk as well, durable on this machine, so a
 *                  restart serves the last good count at once and repeats no alert (the default);
 *                  memory: lost on restart (rotated tokens still in their token-file); redis: shared
 *                  by a fleet of instances, which then alerts once
 * @param dir       the file store's folder; relative paths are resolved against the working directory
 * @param keyPrefix redis mode: prefix of every Redis key and channel, so several fleets can share one
 *                  Redis
 */
@Validated
@ConfigurationProperties("ticker.store")
public record StoreProperties(
        @NotNull @DefaultValue("file") StoreType type,

        @NotBlank(message = "must not be blank") @DefaultValue("data")
        String dir,

        @Pattern(regexp = KEY_PREFIX_PATTERN, message = "must match " + KEY_PREFIX_PATTERN) @DefaultValue("ticker:")
        String keyPrefix) {

    /** Printable, no spaces: a prefix ends up in every key an operator types into redis-cli. */
    public static final String KEY_PREFIX_PATTERN = "[A-Za-z0-9:_.{}-]{1,64}";

    public enum StoreType {
        FILE,
        MEMORY,
        REDIS
    }
}
