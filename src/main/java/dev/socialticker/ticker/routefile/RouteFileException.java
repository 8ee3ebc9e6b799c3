package dev.socialticker.ticker.routefile;

/** A route file that cannot be used; the message says why, for the operator reading the log. */
public class RouteFileException extends Exception {
    public RouteFileException(String message) {
        super(message);
    }
}
