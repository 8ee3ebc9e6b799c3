package dev.socialticker.ticker.api;

import java.nio.charset.StandardCharsets;

/**
 * The JSON body of an error that no route answered itself (a path nobody serves, a method not
 * allowed, a request Tomcat refused before any code ran): the same shape as the API's own problems,
 * {@code {"error": {"code", "message"}}}, never an HTML page or a stack trace.
 */
final class ErrorBodies {
    private ErrorBodies() {}

    static String of(int status) {
        return new String(ProblemDocument.json(code(status), message(status)), StandardCharsets.UTF_8);
    }

    static String code(int status) {
        return switch (status) {
            case 400 -> "BAD_REQUEST";
            case 401 -> "UNAUTHORIZED";
            case 403 -> "FORBIDDEN";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 406 -> "NOT_ACCEPTABLE";
            case 413, 431 -> "REQUEST_TOO_LARGE";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            case 503 -> "UNAVAILABLE";
            default -> status >= 500 ? "INTERNAL_ERROR" : "HTTP_" + status;
        };
    }

    private static String message(int status) {
        return switch (status) {
            case 400 -> "The request is malformed (its path, query or headers)";
            case 401 -> "Credentials are required";
            case 403 -> "Not allowed";
            case 404 -> "Nothing is served at this path";
            case 405 -> "This method is not allowed on this path";
            case 406 -> "No representation matches the Accept header";
            case 413, 431 -> "The request is too large";
            case 415 -> "This content type is not accepted";
            case 503 -> "The service is unavailable; try again shortly";
            default -> status >= 500 ? "The service failed to answer; the failure is logged" : "HTTP status " + status;
        };
    }
}
