package dev.socialticker.ticker.delivery;

import java.util.List;

/**
 * One kind of destination as an operator reads it (the status console): each running one, with the
 * template it was made from and what waits for it, and each file refused, with why. The outputs and
 * the alert channels have one each; what each destination did is its {@link DeliveryDesk} record.
 */
public interface Destinations {

    DeliveryMeters.Kind kind();

    /**
     * Whether this instance delivers to them now: always alone; in the shared mode one instance of the
     * fleet does at a time, and the others' records show only what they delivered before.
     */
    boolean deliveredHere();

    /** The destinations running now, in their names' order. */
    List<Running> running();

    /** The files refused, with the reason their health component gives (file, line, never a secret). */
    List<Refused> refused();

    /**
     * @param pending deliveries waiting for it now
     */
    record Running(String name, String template, int pending) {}

    record Refused(String file, String reason) {}
}
