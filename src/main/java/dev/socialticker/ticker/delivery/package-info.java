/**
 * What delivering outward shares, whatever is delivered (an output's push, an alert): where it goes
 * ({@link dev.socialticker.ticker.delivery.Destination}, named by host and port only) and why an
 * attempt failed ({@link dev.socialticker.ticker.delivery.DeliveryFailures}: one classifier, which
 * never quotes an exception's message nor a URL's path, query or user info, where secrets live).
 *
 * <p>Listens to nothing and publishes nothing: the outputs and the alert channels call it.
 */
package dev.socialticker.ticker.delivery;
