/**
 * The mqtt output's broker side: {@link dev.socialticker.ticker.output.mqtt.MqttPublisher} (one
 * connection, bounded waits, reconnect on the next publish) and
 * {@link dev.socialticker.ticker.output.mqtt.MqttMessages} (the retained state message, Home
 * Assistant discovery and availability, AWTRIX 3's custom-app topic), both configured by
 * {@link dev.socialticker.ticker.output.mqtt.MqttSettings}. The outputs framework decides when to
 * publish; this package only says what and how.
 */
package dev.socialticker.ticker.output.mqtt;
