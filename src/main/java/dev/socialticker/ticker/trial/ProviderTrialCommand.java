package dev.socialticker.ticker.trial;

import dev.socialticker.ticker.config.TickerConfigurationException;
import dev.socialticker.ticker.logging.SecretMasking;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
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
        for (String arg : args) {
            if (arg.equals(TRY) || arg.startsWith(TRY + "=")) {
                return true;
            }
        }
        return false;
    }

    /** Runs the command; everything it prints goes to {@code out}. */
    public static int run(String[] args, PrintStream out) {
        Map<String, String> own = new LinkedHashMap<>();
        List<String> spring = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String option = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (option.equals(TRY) || option.equals(ACCOUNT)) {
                String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : null;
                if (value == null && i + 1 < args.length && !args[i + 1].startsWith("--")) {
                    value = args[++i];
                }
                own.put(option, value == null ? "" : value.trim());
            } else {
                spring.add(arg);
            }
        }
        String file = own.getOrDefault(TRY, "");
        String account = own.getOrDefault(ACCOUNT, "");
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
            context = application(path, name, account).run(spring.toArray(String[]::new));
        } catch (RuntimeException failed) {
            return usage(out, reasons(failed));
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
        // Quiet by default (a --logging.level.root=INFO argument still wins): warnings and errors only,
        // and none of the start-up failure reports this command prints in a line of its own.
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("logging.level.root", "WARN");
        defaults.put("logging.level.org.springframework.boot.SpringApplication", "OFF");
        defaults.put("logging.level.org.springframework.boot.diagnostics", "OFF");
        // The context's own line about the refused start: the problems are printed below, one a line.
        defaults.put("logging.level.org.springframework.context.annotation.AnnotationConfigApplicationContext", "OFF");
        defaults.put("logging.level.dev.socialticker.ticker.provider.file.ProviderRouteLoader", "OFF");
        // Camel's advice that a context running under a second should be kept running: it is meant to stop.
        defaults.put("logging.level.org.apache.camel.spring.boot.SpringBootCamelContext", "ERROR");
        defaults.put("spring.jmx.enabled", "false");
        return new SpringApplicationBuilder(ProviderTrialApplication.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .registerShutdownHook(false)
                .properties(defaults)
                .initializers(context -> {
                    context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("ticker-try", forced));
                    ((GenericApplicationContext) context)
                            .registerBean(TrialFileLoading.Target.class, () -> new TrialFileLoading.Target(file));
                });
    }

    private static int usage(PrintStream out, String message) {
        return usage(out, List.of(message));
    }

    private static int usage(PrintStream out, List<String> messages) {
        messages.forEach(message -> out.println("error: " + SecretMasking.mask(message)));
        out.println(USAGE_LINE);
        return USAGE;
    }

    /** The configuration problems that stopped the start, a line each, as the service would report them. */
    private static List<String> reasons(Throwable failed) {
        Throwable deepest = failed;
        for (Throwable t = failed; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof TickerConfigurationException refused) {
                return refused.problems().stream().map(Object::toString).toList();
            }
            deepest = t;
        }
        return List.of(
                "the try command could not start: " + deepest.getClass().getSimpleName() + ": " + deepest.getMessage());
    }
}
