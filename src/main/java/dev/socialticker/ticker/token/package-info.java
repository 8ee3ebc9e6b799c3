/**
 * What is known of each provider's token (a rotated token, its expiry, a failed refresh), the
 * routes that refresh it, and where its file is ({@code TokenFiles}, told to the state repository).
 *
 * <p><b>Publishes</b> {@code TokenChanged} on the hub: a token refreshed or its refresh failed, at
 * once; what is known at start-up and a token another instance rotated, by route
 * {@code token-status}. <b>Listens to</b> nothing: the providers ask it for a rotated token.
 */
package dev.socialticker.ticker.token;
