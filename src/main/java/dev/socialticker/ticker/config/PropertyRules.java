package dev.socialticker.ticker.config;

import java.util.function.BiConsumer;

/**
 * The rules of a properties record that its constraint annotations cannot say: those that span
 * several of its settings (a mail host needs a sender) or judge values together (two sources with
 * one id). Checked at start-up with the constraints, before any bean is made ({@link PropertiesCheck}),
 * so they join the same report; the record states them, no bean repeats them.
 */
public interface PropertyRules {
    /**
     * @param problems takes each breach: the full property name (as docs/configuration.md writes it,
     *                 with the real index or key) and the reason, never a secret's value
     */
    void check(BiConsumer<String, String> problems);
}
