/**
 * The {@code json-over-http} route template most provider files fill in: its one declaration of
 * parameters, the upstream request, the reading of the answer (count, profile, entity tag, quota),
 * the file's own error rules, and the HTTP header hygiene every provider's calls share.
 */
package dev.socialticker.ticker.provider.http;
