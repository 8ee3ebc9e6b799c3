package dev.socialticker.ticker.delivery;

import java.time.Instant;

/**
 * A delivery given up after its retries: what the one dead-letter channel (route
 * {@code delivery-dead-letter}) logs and records for health, an output's push and an alert alike.
 *
 * @param destination the output's or the channel's name
 * @param about       what it was about: a source's id, an alert's incident
 * @param told        how the log line names it: {@code demo (count 16651)}, {@code ALERT demo/auth}
 * @param failure     why, in the one classifier's words ({@link DeliveryFailures})
 * @param attempts    calls made
 */
public record DeadLetter(
        DeliveryMeters.Kind kind,
        String destination,
        String about,
        String told,
        DeliveryFailure failure,
        Instant at,
        int attempts) {

    /**
     * The line an operator reads: {@code Output 'office' failed to deliver demo (count 16651) after 3
     * attempt(s): UNREACHABLE, the output 'office' at hooks.example.com:443 is unreachable (connection refused)}.
     */
    public String line() {
        String noun = kind.noun();
        return Character.toUpperCase(noun.charAt(0)) + noun.substring(1) + " '" + destination + "' failed to deliver "
                + told + " after " + attempts + " attempt(s): " + failure.code() + ", " + failure.reason();
    }
}
