package dev.socialticker.ticker.authorize;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * Opens an address in the person's browser when the machine has a desktop: the platform's own
 * opener ({@code xdg-open}, {@code open}, Windows' URL handler). Without a display (a server, an SSH
 * session, CI) it does nothing: the command prints the address anyway.
 */
final class Browser {
    private Browser() {}

    static void open(String address) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        List<String> command;
        if (os.contains("mac")) {
            command = List.of("open", address);
        } else if (os.contains("win")) {
            command = List.of("rundll32", "url.dll,FileProtocolHandler", address);
        } else if (System.getenv("DISPLAY") != null || System.getenv("WAYLAND_DISPLAY") != null) {
            command = List.of("xdg-open", address);
        } else {
            return;
        }
        try {
            new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException noOpener) {
            // the address is printed: the person opens it
        }
    }
}
