package dev.socialticker.ticker.provider.contract;

/** The upstream answered, and its answer says the account does not exist. Retrying does not help. */
public class AccountNotFoundException extends RuntimeException {
    public AccountNotFoundException(String message) {
        super(message);
    }
}
