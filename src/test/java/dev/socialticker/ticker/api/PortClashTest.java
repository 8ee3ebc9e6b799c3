package dev.socialticker.ticker.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.socialticker.ticker.TickerApplication;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A port already taken stops the start with one report naming the property that moves it: the
 * API's (server.port) and the actuator's (management.server.port) each.
 */
@ExtendWith(OutputCaptureExtension.class)
class PortClashTest {

    @Test
    void aTakenApiPortNamesServerPort(CapturedOutput output) throws IOException {
        try (ServerSocket taken = takenPort()) {
            assertThatThrownBy(
                            () -> start("--server.port=" + taken.getLocalPort()).close())
                    .isInstanceOf(Exception.class);
            assertThat(output.getAll())
                    .contains("APPLICATION FAILED TO START")
                    .contains("Cannot serve on 127.0.0.1:" + taken.getLocalPort() + " (server.address, server.port)")
                    .contains("set server.port (SERVER_PORT), or server.address")
                    .doesNotContainPattern("\\R\\tat ");
        }
    }

    @Test
    void aTakenManagementPortNamesManagementServerPort(CapturedOutput output) throws IOException {
        try (ServerSocket taken = takenPort()) {
            assertThatThrownBy(() -> start("--server.port=0", "--management.server.port=" + taken.getLocalPort())
                            .close())
                    .isInstanceOf(Exception.class);
            assertThat(output.getAll())
                    .contains("APPLICATION FAILED TO START")
                    .contains("Cannot serve the actuator on port " + taken.getLocalPort()
                            + " (management.server.port): it is already in use")
                    .contains("set management.server.port (MANAGEMENT_SERVER_PORT) to a free port")
                    .doesNotContainPattern("\\R\\tat ");
        }
    }

    private static ServerSocket takenPort() throws IOException {
        return new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    }

    private static AutoCloseable start(String... ports) {
        String[] args = new String[ports.length + 2];
        System.arraycopy(ports, 0, args, 0, ports.length);
        args[ports.length] = "--server.address=127.0.0.1";
        args[ports.length + 1] = "--ticker.store.type=memory";
        return new SpringApplicationBuilder(TickerApplication.class).run(args);
    }
}
