/**
 * The hub: the one publish-subscribe endpoint on which every feature tells the others what happened
 * ({@code domain.TickerEvent}), and its publisher, which never loses an event silently. Publishes
 * nothing of its own; knows no publisher and no subscriber.
 */
package dev.socialticker.ticker.event;
