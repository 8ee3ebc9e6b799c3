package dev.socialticker.ticker.api;

import dev.socialticker.ticker.format.MetricsDocument.ErrorDocument;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The JSON of {@code GET /api/status}: every source as an operator reads it on the status console
 * (/status). Made only of what the metrics bodies and {@code /actuator/health} already show, plus the
 * refresher's plan and the quota: no setting, no secret, no upstream text.
 *
 * @param generatedAt   when the service wrote it
 * @param sources       every configured source, in the configuration's order
 * @param outputs       every output, running or refused, by name
 * @param alertChannels every alert channel, running or refused, by name
 * @param fleet         the shared mode's instances; null for an instance alone
 */
record StatusDocument(
        @Schema(format = "date-time") String generatedAt,
        List<SourceStatus> sources,
        List<DestinationStatus> outputs,
        List<DestinationStatus> alertChannels,
        @Schema(nullable = true) FleetStatus fleet) {

    /**
     * One source.
     *
     * @param state            {@code live}, {@code stale}, {@code failing} (the last good count, the
     *                         latest refresh failed) or {@code no-data}
     * @param nextAttemptAt    the earliest a refresh of it may start (its min-interval, or the wait an
     *                         upstream asked for)
     * @param refreshing       a refresh of it is running now
     * @param quotaUsedPercent the highest share of its upstream's quota the last answer said was used;
     *                         null when the upstream says none
     * @param days             the last count of each of the recent UTC days, oldest first
     */
    record SourceStatus(
            String id,
            String provider,
            @Schema(nullable = true) String profile,

            @Schema(allowableValues = {"live", "stale", "failing", "no-data"})
            String state,

            @Schema(nullable = true) Long total,
            @Schema(nullable = true, format = "date-time") String refreshedAt,
            @Schema(format = "date-time") String nextAttemptAt,
            boolean refreshing,
            @Schema(nullable = true) ErrorDocument error,
            @Schema(nullable = true) Integer quotaUsedPercent,
            List<Long> days) {}

    /**
     * An output or an alert channel.
     *
     * @param name           the destination's name; a refused file's name
     * @param template       the template it runs; null for a refused file
     * @param state          {@code delivering}, {@code idle} (nothing sent to it since this instance started), {@code failing}
     *                       (its latest delivery failed for good), {@code recovered} (delivering again,
     *                       its last failure kept) or {@code refused} (its file has a mistake)
     * @param lastDelivered  what its last delivery was about: a source's id, an alert's incident
     * @param lastFailure    its last failure for good; null when none
     * @param pending        deliveries waiting for it now
     * @param reason         why its file was refused: file, line and mistake; null unless refused
     */
    record DestinationStatus(
            String name,
            @Schema(nullable = true) String template,

            @Schema(allowableValues = {"delivering", "idle", "failing", "recovered", "refused"})
            String state,

            @Schema(nullable = true, format = "date-time") String lastDeliveredAt,
            @Schema(nullable = true) String lastDelivered,
            @Schema(nullable = true) FailedDelivery lastFailure,
            int pending,
            @Schema(nullable = true) String reason) {}

    /**
     * A delivery given up after its retries.
     *
     * @param about    what it was about: a source's id, an alert's incident
     * @param code     why, as a code: {@code REJECTED}, {@code UNAVAILABLE}, {@code UNREACHABLE},
     *                 {@code TIMEOUT}, {@code UNEXPECTED} or {@code ERROR}
     * @param message  why, in words that name a host, a port or a status, never a secret
     * @param attempts the calls made
     */
    record FailedDelivery(
            String about,
            String code,
            String message,
            @Schema(format = "date-time") String at,
            @Schema(nullable = true) Integer httpStatus,
            int attempts) {}

    /**
     * The fleet in the shared mode.
     *
     * @param reachable whether this instance reached Redis just now
     * @param members   the instances heard from in the last 15 seconds, the longest running first;
     *                  empty while Redis is unreachable
     */
    record FleetStatus(boolean reachable, List<Member> members) {}

    /**
     * @param instance  its name in the fleet's messages and leases, a random id per start
     * @param host      its host name (a container's is its id)
     * @param seenAt    when it last said it is alive (every 5 seconds)
     * @param answering true for the instance that wrote this document
     * @param delivers  what it delivers to now ({@code outputs}, {@code alertChannels}): one instance of
     *                  the fleet pushes to the outputs and one sends the alerts, and only its records
     *                  above are current
     */
    record Member(
            String instance,
            String host,
            @Schema(format = "date-time") String startedAt,
            @Schema(format = "date-time") String seenAt,
            boolean answering,

            @ArraySchema(schema = @Schema(allowableValues = {"outputs", "alertChannels"}))
            List<String> delivers) {}
}
