package dev.socialticker.ticker.domain;

/** A source after start-up resolution: its id is always set and unique. */
public record TickerSource(String id, String provider, String account) {}
