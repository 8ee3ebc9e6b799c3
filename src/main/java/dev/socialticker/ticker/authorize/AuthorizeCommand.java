package dev.socialticker.ticker.authorize;

import dev.socialticker.ticker.command.CommandLine;
import dev.socialticker.ticker.logging.SecretMasking;
import dev.socialticker.ticker.provider.contract.ProviderDisplays;
import dev.socialticker.ticker.token.Connection;
import dev.socialticker.ticker.token.SignIn;
import dev.socialticker.ticker.token.SignInPage;
import dev.socialticker.ticker.token.TokenKeeper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.camel.CamelContext;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * The command line of the authorize command:
 * {@code --authorize <provider> [--port <n>] [--no-browser] [--property=value ...]}. Starts
 * {@link AuthorizeApplication} with the service's configuration (so the tokens go where the service
 * reads them), prints the provider's sign-in address (and opens it in the browser when there is a
 * desktop), waits for the browser's return on the loopback redirect or for the address pasted in
 * (a machine without a browser), exchanges the code and prints what it obtained: the scopes and the
 * expiries, never a token. Exit code {@value #CONNECTED} when the account is connected,
 * {@value #NOT_CONNECTED} when the sign-in was declined or refused, {@value #USAGE} when it could not
 * start.
 */
public final class AuthorizeCommand {
    public static final int CONNECTED = 0;
    public static final int NOT_CONNECTED = 1;
    public static final int USAGE = 2;

    static final String AUTHORIZE = "--authorize";
    static final String PORT = "--port";
    static final String NO_BROWSER = "--no-browser";
    static final String USAGE_LINE = "usage: --authorize <provider> [--port <loopback port, registered with the"
            + " provider>] [--no-browser] [--ticker.<property>=value ...]";
    /** How long a person has to sign in. */
    static final Duration SIGN_IN_WAIT = Duration.ofMinutes(10);

    private AuthorizeCommand() {}

    /** True when the command line asks for the authorize command instead of the service. */
    public static boolean requested(String[] args) {
        return CommandLine.requested(args, AUTHORIZE);
    }

    /** Runs the command: reads a pasted address from {@code in}, prints to {@code out}. */
    public static int run(String[] args, InputStream in, PrintStream out) {
        CommandLine line = CommandLine.parse(args, Set.of(AUTHORIZE, PORT), Set.of(NO_BROWSER));
        String provider = line.value(AUTHORIZE);
        if (!provider.matches("[a-z0-9][a-z0-9-]*")) {
            return usage(out, "--authorize needs the provider to connect, for example tiktok");
        }
        int port;
        try {
            port = line.has(PORT) ? Integer.parseInt(line.value(PORT)) : 0;
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException notAPort) {
            return usage(out, "--port must be a port number (0 to 65535), not '" + line.value(PORT) + "'");
        }
        ConfigurableApplicationContext context;
        try {
            context = application().run(line.spring());
        } catch (RuntimeException failed) {
            return usage(out, CommandLine.reasons(failed, "authorize"));
        }
        try (context;
                LoopbackCallback callback = new LoopbackCallback(port)) {
            return signIn(context, provider, callback, !line.has(NO_BROWSER), in, out);
        } catch (IOException portTaken) {
            return usage(
                    out,
                    "the loopback redirect cannot listen on 127.0.0.1:" + port + " ("
                            + portTaken.getClass().getSimpleName() + "): choose another --port");
        }
    }

    private static int signIn(
            ConfigurableApplicationContext context,
            String provider,
            LoopbackCallback callback,
            boolean browser,
            InputStream in,
            PrintStream out) {
        TokenKeeper keeper = context.getBean(TokenKeeper.class);
        CamelContext camel = context.getBean(CamelContext.class);
        String title = context.getBean(ProviderDisplays.class).of(provider).name();
        SignIn signIn;
        try {
            signIn = keeper.signIn(provider, callback.redirectUri());
        } catch (IllegalArgumentException none) {
            return usage(out, none.getMessage());
        }
        out.println("Connect " + title + ": open this address in a browser and sign in:");
        out.println();
        out.println("  " + signIn.address());
        out.println();
        out.println("Waiting up to " + SIGN_IN_WAIT.toMinutes() + " minutes for " + title + " to send the browser to "
                + callback.redirectUri());
        out.println("(The browser is on another machine? Paste here the address it was sent to, then press Enter.)");
        if (browser) {
            Browser.open(signIn.address().toString());
        }
        String returned;
        try {
            returned = CompletableFuture.anyOf(callback.received(), pasted(in))
                    .get(SIGN_IN_WAIT.toSeconds(), TimeUnit.SECONDS)
                    .toString();
        } catch (TimeoutException | ExecutionException late) {
            out.println("Not connected: no sign-in came back within " + SIGN_IN_WAIT.toMinutes() + " minutes.");
            return NOT_CONNECTED;
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
            return NOT_CONNECTED;
        }
        Connection connection = keeper.complete(signIn, returned, camel);
        callback.tell(SignInPage.sentence(title, connection));
        if (!connection.connected()) {
            out.println("Not connected: " + SecretMasking.mask(connection.problem()));
            return NOT_CONNECTED;
        }
        out.println("Connected " + title + ".");
        out.println("  scopes granted:        "
                + Optional.ofNullable(connection.scope()).orElse("(not said)"));
        out.println("  access token expires:  " + when(connection.expiresAt()) + " (renewed by the service)");
        out.println("  refresh token expires: " + when(connection.refreshExpiresAt()));
        out.println("  kept in:               " + connection.keptIn());
        out.println("A running service uses them within a minute; no token is printed here or logged.");
        return CONNECTED;
    }

    /** The first line a person pastes (a daemon thread: the command ends without it). */
    private static CompletableFuture<String> pasted(InputStream in) {
        CompletableFuture<String> line = new CompletableFuture<>();
        Thread reader = new Thread(
                () -> {
                    try {
                        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                        for (String read = lines.readLine(); read != null; read = lines.readLine()) {
                            if (!read.isBlank()) {
                                line.complete(read.strip());
                                return;
                            }
                        }
                    } catch (IOException closed) {
                        // nothing pasted: the loopback redirect may still answer
                    }
                },
                "authorize-paste");
        reader.setDaemon(true);
        reader.start();
        return line;
    }

    private static String when(Instant instant) {
        return instant == null ? "(not said)" : instant.toString();
    }

    private static SpringApplicationBuilder application() {
        Map<String, Object> forced = Map.of("ticker.routes.reload", "false");
        return CommandLine.quietApplication(AuthorizeApplication.class)
                .initializers(context -> context.getEnvironment()
                        .getPropertySources()
                        .addFirst(new MapPropertySource("ticker-authorize", forced)));
    }

    private static int usage(PrintStream out, String message) {
        return usage(out, List.of(message));
    }

    private static int usage(PrintStream out, List<String> messages) {
        return CommandLine.usage(out, messages, USAGE_LINE, USAGE);
    }
}
