/**
 * Alert rules, incidents and their messages to Slack and email.
 *
 * <p><b>Listens to</b> the hub (route {@code alert-events}): {@code SourceChanged} (each refresh's
 * outcome is judged; the last count of each source is kept for the {@code data-age} rule and the
 * messages), {@code TokenChanged} (each provider's token expiry and refresh problem, for the
 * {@code token-expiry} rule) and {@code MilestoneReached} (the celebratory message).
 * <b>Publishes</b> nothing.
 */
package dev.socialticker.ticker.alert;
