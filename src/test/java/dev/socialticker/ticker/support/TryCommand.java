package dev.socialticker.ticker.support;

import dev.socialticker.ticker.trial.ProviderTrialCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The try command as a user runs it ({@code --try routes/x.camel.yaml --account y --setting=value}),
 * through the same entry point as the command line, in the test's JVM: what it prints and the exit
 * code it answers. A class that runs it gives the JVM its logging back after
 * ({@link InProcessCommand#restoreLogging}).
 */
public final class TryCommand {
    private TryCommand() {}

    public record Run(int exitCode, String output) {}

    /** Runs the command with these arguments, as {@code java -jar … <args>} would, minus the exit. */
    public static Run run(String... args) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int code;
        try (PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
            code = ProviderTrialCommand.run(args, out);
        }
        return new Run(code, printed.toString(StandardCharsets.UTF_8));
    }
}
