package dev.socialticker.ticker.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;

/**
 * Every configuration problem one start finds, so that one refusal lists them all instead of one
 * per start. {@link PropertiesCheck} fills it with what the properties alone tell, before any bean
 * is made; the provider check adds what needs the provider files (a source's provider, credentials,
 * accounts, each provider's settings) and then refuses with everything ({@link #refuseIfAny()}).
 * Any other start-up check that runs before it (in a bean, or a {@code CamelContextConfiguration}
 * ordered ahead of the provider check) reports here too, a file's problems with the file as their
 * subject, rather than throwing on the first problem; one that cannot go on (a store folder that
 * cannot be written) throws {@link TickerConfigurationException}, and the report still lists what
 * was collected before. One instance per application, the bean {@value #BEAN}.
 *
 * <p>When the properties alone showed a problem, the start goes on as far as the provider check, so
 * that its problems join the same report; the values already refused are then left out of binding
 * ({@link RefusedPropertiesLeftOut}): nothing runs on them.
 */
public class ConfigurationProblems {
    static final String BEAN = "tickerConfigurationProblems";

    private final Set<ConfigurationProblem> problems = new LinkedHashSet<>();
    private final Set<ConfigurationPropertyName> leftOut = new HashSet<>();

    public synchronized void add(String subject, String reason) {
        problems.add(new ConfigurationProblem(subject, reason));
    }

    public synchronized void add(ConfigurationProblem problem) {
        problems.add(problem);
    }

    public synchronized void addAll(Collection<ConfigurationProblem> found) {
        problems.addAll(found);
    }

    public synchronized List<ConfigurationProblem> all() {
        return new ArrayList<>(problems);
    }

    public synchronized boolean isEmpty() {
        return problems.isEmpty();
    }

    /**
     * Stops the start when anything was found: called once every start-up check has reported.
     *
     * @throws TickerConfigurationException listing every problem, in the order found
     */
    public void refuseIfAny() {
        List<ConfigurationProblem> found = all();
        if (!found.isEmpty()) {
            throw new TickerConfigurationException(found);
        }
    }

    /** A refused property (or group of them) that binding leaves out, so its default applies instead. */
    synchronized void leaveOut(ConfigurationPropertyName name) {
        leftOut.add(name);
    }

    synchronized boolean leftOut(ConfigurationPropertyName name) {
        return leftOut.contains(name);
    }
}
