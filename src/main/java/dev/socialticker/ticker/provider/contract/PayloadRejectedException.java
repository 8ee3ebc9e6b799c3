package dev.socialticker.ticker.provider.contract;

/** The upstream answered, but not with a usable follower count. Retrying does not help. */
public class PayloadRejectedException extends RuntimeException {
    public PayloadRejectedException(String message) {
        super(message);
    }
}
