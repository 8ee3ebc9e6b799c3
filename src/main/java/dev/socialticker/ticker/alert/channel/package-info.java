/**
 * The built-in alert channel templates, each a bean beside its Camel route template: {@code slack},
 * {@code email}, {@code discord}, {@code microsoft-teams}, {@code ntfy}, {@code telegram} and
 * {@code webhook} (Alertmanager's payload). Each says the same facts of an alert
 * ({@code alert.AlertMessages}) in its service's documented form, and makes one attempt per message:
 * retries, dead letters and health are the delivery machinery's ({@code delivery.Courier}).
 */
package dev.socialticker.ticker.alert.channel;
