/**
 * The one machinery that delivers outward, whatever is delivered (an output's push, an alert
 * channel's message): one worker per destination ({@link dev.socialticker.ticker.delivery.Courier}),
 * made and accounted for by {@link dev.socialticker.ticker.delivery.DeliveryDesk} (the metric, the
 * health records, the one dead-letter channel {@code delivery-dead-letter}); one retry policy
 * ({@link dev.socialticker.ticker.delivery.RetryBackoff}); one way to make an HTTP call
 * ({@link dev.socialticker.ticker.delivery.HttpCall}); where a delivery goes
 * ({@link dev.socialticker.ticker.delivery.Destination}, named by host and port only) and why an
 * attempt failed ({@link dev.socialticker.ticker.delivery.DeliveryFailures}: one classifier, which
 * never quotes an exception's message nor a URL's path, query or user info, where secrets live).
 *
 * <p>Listens to nothing and publishes nothing on the hub: the outputs and the alert channels call it.
 */
package dev.socialticker.ticker.delivery;
