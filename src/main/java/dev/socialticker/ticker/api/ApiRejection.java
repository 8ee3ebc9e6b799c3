package dev.socialticker.ticker.api;

/** A request the API refuses: answered as {@code {"error": {"code", "message"}}} with the status. */
class ApiRejection extends RuntimeException {
    private final int status;
    private final String code;

    ApiRejection(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }
}
