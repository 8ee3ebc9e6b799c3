package dev.socialticker.ticker.command;

import dev.socialticker.ticker.config.TickerConfigurationException;
import dev.socialticker.ticker.logging.SecretMasking;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * A one-shot command's command line: its own options, and every other argument passed to Spring as
 * usual (so {@code --ticker.providers.x.base-url=...} and environment variables work as for the
 * service); its quiet application; its usage and refusal lines.
 */
public final class CommandLine {
    private final Map<String, String> own;
    private final List<String> spring;

    private CommandLine(Map<String, String> own, List<String> spring) {
        this.own = own;
        this.spring = spring;
    }

    /**
     * Splits the arguments: an option of {@code valued} takes a value ({@code --x v} or {@code --x=v}),
     * one of {@code flags} none; the others are Spring's.
     */
    public static CommandLine parse(String[] args, Set<String> valued, Set<String> flags) {
        Map<String, String> own = new LinkedHashMap<>();
        List<String> spring = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String option = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (flags.contains(option)) {
                own.put(option, "");
            } else if (valued.contains(option)) {
                String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : null;
                if (value == null && i + 1 < args.length && !args[i + 1].startsWith("--")) {
                    value = args[++i];
                }
                own.put(option, value == null ? "" : value.trim());
            } else {
                spring.add(arg);
            }
        }
        return new CommandLine(own, spring);
    }

    /** True when {@code option} is on the command line. */
    public static boolean requested(String[] args, String option) {
        for (String arg : args) {
            if (arg.equals(option) || arg.startsWith(option + "=")) {
                return true;
            }
        }
        return false;
    }

    /** The option's value; empty when it has none or is absent. */
    public String value(String option) {
        return own.getOrDefault(option, "");
    }

    public boolean has(String option) {
        return own.containsKey(option);
    }

    /** The arguments that are Spring's. */
    public String[] spring() {
        return spring.toArray(String[]::new);
    }

    /**
     * The command's application: no web server, no banner, warnings and errors only (a
     * {@code --logging.level.root=INFO} argument still wins), none of the start-up failure reports the
     * command prints in a line of its own.
     */
    public static SpringApplicationBuilder quietApplication(Class<?> source) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("logging.level.root", "WARN");
        defaults.put("logging.level.org.springframework.boot.SpringApplication", "OFF");
        defaults.put("logging.level.org.springframework.boot.diagnostics", "OFF");
        // The context's own line about the refused start: the problems are printed, one a line.
        defaults.put("logging.level.org.springframework.context.annotation.AnnotationConfigApplicationContext", "OFF");
        defaults.put("logging.level.dev.socialticker.ticker.provider.file.ProviderRouteLoader", "OFF");
        // Camel's advice that a context running under a second should be kept running: it is meant to stop.
        defaults.put("logging.level.org.apache.camel.spring.boot.SpringBootCamelContext", "ERROR");
        defaults.put("spring.jmx.enabled", "false");
        return new SpringApplicationBuilder(source)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .registerShutdownHook(false)
                .properties(defaults);
    }

    /** Prints each problem as {@code error: …} (masked), then the usage line; answers {@code code}. */
    public static int usage(PrintStream out, List<String> messages, String usageLine, int code) {
        messages.forEach(message -> out.println("error: " + SecretMasking.mask(message)));
        out.println(usageLine);
        return code;
    }

    /**
     * The configuration problems that stopped the command's start, a line each, as the service would
     * report them; else what stopped it.
     */
    public static List<String> reasons(Throwable failed, String command) {
        Throwable deepest = failed;
        for (Throwable t = failed; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof TickerConfigurationException refused) {
                return refused.problems().stream().map(Object::toString).toList();
            }
            deepest = t;
        }
        return List.of("the " + command + " command could not start: "
                + deepest.getClass().getSimpleName() + ": " + deepest.getMessage());
    }
}
