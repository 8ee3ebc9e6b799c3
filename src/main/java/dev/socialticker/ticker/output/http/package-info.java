/**
 * The HTTP output templates: {@code webhook}, {@code smiirl-push} and {@code awtrix-http}. Each is an
 * {@link dev.socialticker.ticker.output.OutputTemplate} that says what request a push makes; one route
 * template per output template sends it ({@link dev.socialticker.ticker.output.http.HttpOutputTemplates}).
 */
package dev.socialticker.ticker.output.http;
