package dev.socialticker.ticker.output;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import org.apache.camel.http.base.HttpOperationFailedException;

/** Why one push attempt failed, in the few words an operator acts on. */
record PushFailure(String code, Integer httpStatus, String message) {

    static PushFailure of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof HttpOperationFailedException http) {
                int status = http.getStatusCode();
                return new PushFailure(
                        status >= 500 ? "UNAVAILABLE" : "REJECTED", status, "the output answered HTTP " + status);
            }
            if (t instanceof ConnectException || t instanceof UnknownHostException) {
                return new PushFailure("UNREACHABLE", null, "the output could not be reached: " + t.getMessage());
            }
            if (t instanceof SocketTimeoutException
                    || t.getClass().getSimpleName().contains("Timeout")) {
                return new PushFailure("TIMEOUT", null, "the output did not answer in time");
            }
        }
        return new PushFailure("ERROR", null, failure.getClass().getSimpleName() + ": " + failure.getMessage());
    }
}
