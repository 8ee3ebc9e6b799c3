package dev.socialticker.ticker.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.socialticker.ticker.support.SharedServiceTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bad requests, sent as raw bytes (no client library fixes them up first), get a JSON problem with
 * the right status: never an HTML page, a stack trace or an exception's name, including what
 * Tomcat refuses before any application code runs.
 */
class BadInputTest extends SharedServiceTest {
    @ParameterizedTest(name = "{0} {1} -> {2} {3}")
    @CsvSource({
        "GET,    /api/metrics/a%2Fb,              400, INVALID_SOURCE_ID",
        "GET,    /api/metrics/%zz,                400, BAD_REQUEST",
        "GET,    /api/metrics/Not_An_Id,          400, INVALID_SOURCE_ID",
        "GET,    /api/metrics/no-such-source,     404, SOURCE_NOT_FOUND",
        "GET,    /api/metrics?format=xml,         400, INVALID_FORMAT",
        "GET,    /api/nothing-here,               404, NOT_FOUND",
        "GET,    /api/%2e%2e/actuator/health,     404, NOT_FOUND",
        "GET,    /no-such-page,                   404, NOT_FOUND",
        "DELETE, /api/metrics,                    405, METHOD_NOT_ALLOWED",
        "POST,   /api/admin/refresh,              401, UNAUTHORIZED",
        "GET,    /api/admin/refresh,              405, METHOD_NOT_ALLOWED"
    })
    void aBadRequestGetsAJsonProblem(String method, String path, int status, String code) throws IOException {
        assertJsonProblem(
                raw(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"), status, code);
    }

    @org.junit.jupiter.api.Test
    void oversizedHeadersGetAJsonProblem() throws IOException {
        String big = "a".repeat(20_000);
        assertJsonProblem(
                raw("GET /api/metrics HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + big + "\r\nConnection: close\r\n\r\n"),
                400,
                "BAD_REQUEST");
    }

    private void assertJsonProblem(String response, int status, String code) {
        String head = response.substring(0, Math.max(0, response.indexOf("\r\n\r\n")));
        String body = response.substring(response.indexOf("\r\n\r\n") + 4);
        assertThat(head).as(response).startsWith("HTTP/1.1 " + status);
        assertThat(head.toLowerCase())
                .as(response)
                .contains("content-type: application/json")
                .contains("x-content-type-options: nosniff");
        assertThat(body)
                .as(response)
                .contains("\"code\":\"" + code + "\"")
                .doesNotContain("<html", "Exception", "\tat ", "tomcat", "Tomcat");
    }

    /** One request as bytes on a fresh connection; the whole answer as text. */
    private String raw(String request) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            // A chunked body: keep the JSON, drop the chunk sizes.
            return answer.replaceAll("\r\n[0-9a-fA-F]+\r\n", "\r\n");
        }
    }
}
