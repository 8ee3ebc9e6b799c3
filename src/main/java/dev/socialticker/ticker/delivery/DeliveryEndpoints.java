package dev.socialticker.ticker.delivery;

/** The delivery machinery's endpoints, named once here. */
public final class DeliveryEndpoints {
    /** A delivery given up after its retries (body: {@link DeadLetter}): route {@code delivery-dead-letter}. */
    public static final String DEAD_LETTER = "direct:delivery-dead-letter";

    /** The route configuration of every route that makes one attempt: failures return to its courier. */
    public static final String ATTEMPT_CONFIGURATION = "delivery-attempt";

    private DeliveryEndpoints() {}
}
