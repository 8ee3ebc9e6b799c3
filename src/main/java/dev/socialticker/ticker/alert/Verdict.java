package dev.socialticker.ticker.alert;

/**
 * A rule's judgement of one source at one moment.
 *
 * @param observed  what was seen, in words (kept for the message)
 * @param threshold the rule's threshold, in words
 */
record Verdict(AlertRule rule, boolean holds, String observed, String threshold) {}
