/**
 * Template {@code mqtt}: {@code MqttOutput} (its declaration and settings), its route template, and
 * its one step, {@code MqttPush}, which owns the output's connection for as long as its route runs.
 * The broker side: {@link dev.socialticker.ticker.output.mqtt.MqttPublisher} (one connection,
 * bounded waits, reconnect on the next publish) and
 * {@link dev.socialticker.ticker.output.mqtt.MqttMessages} (the retained state message, Home
 * Assistant discovery and availability, AWTRIX 3's custom-app topic), both configured by
 * {@link dev.socialticker.ticker.output.mqtt.MqttSettings}. The outputs framework decides when to
 * publish, retries and dead-letters; this package only says what and how.
 */
package dev.socialticker.ticker.output.mqtt;
