package dev.socialticker.ticker.provider.file;

/** A provider file that cannot be used; the message says why, for the operator reading the log. */
class ProviderFileException extends Exception {
    ProviderFileException(String message) {
        super(message);
    }
}
