/**
 * What is known of each provider's token (a rotated token, its expiry, a failed refresh), the
 * routes that refresh it, and where its file is ({@code TokenFiles}, told to the state repository).
 *
 * <p><b>Publishes</b> nothing on the hub, and <b>listens to</b> nothing: the providers ask it for a
 * rotated token, and the alerts read its expiry at their check (see docs/how-it-works.md, "The hub").
 */
package dev.socialticker.ticker.token;
