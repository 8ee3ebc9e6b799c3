package dev.socialticker.ticker.trial;

import dev.socialticker.ticker.command.CommandLine;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * The command line of the try command:
 * {@code --try <file> --account <account> [--property=value ...]}. Parses its own two options,
 * passes every other argument to Spring as usual (so {@code --ticker.providers.x.base-url=...} and
 * environment variables work as for the service), starts {@link ProviderTrialApplication}, runs
 * one {@link ProviderTrial} and answers the exit code: {@value #COUNT} with a count,
 * {@value #FAILED} with a classified failure, {@value #USAGE} when it could not try at all.
 */
public final class ProviderTrialCommand {
    public static final int COUNT = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    static final String TRY = "--try";
    static final String ACCOUNT = "--account";
    static final String USAGE_LINE =
            "usage: --try <provider file> --account <account> [--ticker.providers.<name>.<setting>=value ...]";

    private ProviderTrialCommand() {}

    /** True when the command line asks for the try command instead of the service. */
    public static boolean requested(String[] args) {
        return CommandLine.requested(args, TRY);
    }

    /** Runs the command; everything it prints goes to {@code out}. */
    public static int run(String[] args, PrintStream out) {
        CommandLine line = CommandLine.parse(args, Set.of(TRY, ACCOUNT), Set.of());
        String file = line.value(TRY);
        String account = line.value(ACCOUNT);
        if (file.isEmpty()) {
            return usage(out, "--try needs the provider file to try, for example routes/github.camel.yaml");
        }
        Path path = Path.of(file);
        if (!Files.isRegularFile(path)) {
            return usage(out, "no such provider file: " + path.toAbsolutePath().normalize());
        }
        if (account.isEmpty()) {
            return usage(out, "--account is required: the account to read at the provider, for example octocat");
        }
        String name = ProviderTrial.providerName(path);
        if (name == null) {
            return usage(
                    out,
                    path.getFileName() + " is not a provider file name: <provider>.camel.yaml"
                            + " (lower-case letters, digits and '-')");
        }
        ConfigurableApplicationContext context;
        try {
            context = application(path, name, account).run(line.spring());
        } catch (RuntimeException failed) {
            return usage(out, CommandLine.reasons(failed, "try"));
        }
        try (context) {
            return context.getBean(ProviderTrial.class).run(out);
        }
    }

    private static SpringApplicationBuilder application(Path file, String name, String account) {
        // Settings the command needs whatever else is configured: this source alone, nothing kept.
        Map<String, Object> forced = new LinkedHashMap<>();
        forced.put("ticker.sources[0].provider", name);
        forced.put("ticker.sources[0].account", account);
        forced.put("ticker.store.type", "memory");
        forced.put("ticker.routes.reload", "false");
        return CommandLine.quietApplication(ProviderTrialApplication.class).initializers(context -> {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("ticker-try", forced));
            ((GenericApplicationContext) context)
                    .registerBean(TrialFileLoading.Target.class, () -> new TrialFileLoading.Target(file));
        });
    }

    private static int usage(PrintStream out, String message) {
        return usage(out, List.of(message));
    }

    private static int usage(PrintStream out, List<String> messages) {
        return CommandLine.usage(out, messages, USAGE_LINE, USAGE);
    }
}
