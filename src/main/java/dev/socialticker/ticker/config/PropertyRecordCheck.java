package dev.socialticker.ticker.config;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import org.springframework.boot.context.properties.bind.AbstractBindHandler;
import org.springframework.boot.context.properties.bind.BindContext;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.validation.annotation.Validated;

/**
 * Binds each properties record as Boot will, and reports every value it refuses at once: a value
 * that cannot be read (a duration of {@code abc}), every constraint of the record and its nested
 * records that fails (Boot's own validation stops at the first record, and within it at the first
 * nested object), and the record's own {@link PropertyRules}. Each problem names the property with
 * its real index or key, says what is allowed, and where the value was set.
 */
final class PropertyRecordCheck {
    /** A record to check: its type and the prefix it binds ({@code ticker.refresh}). */
    record Target(Class<?> type, String prefix) {}

    private final Binder binder;
    private final Iterable<ConfigurationPropertySource> sources;
    private final Validator validator;

    PropertyRecordCheck(Binder binder, Iterable<ConfigurationPropertySource> sources, Validator validator) {
        this.binder = binder;
        this.sources = sources;
        this.validator = validator;
    }

    /**
     * @param misspelt properties an unknown one most likely stands for: a constraint on them (a
     *                 required account) says nothing the "did you mean" line does not
     */
    List<ConfigurationProblem> problems(List<Target> targets, Set<String> misspelt) {
        List<ConfigurationProblem> problems = new ArrayList<>();
        for (Target target : targets) {
            check(target, misspelt, problems);
        }
        return problems;
    }

    private void check(Target target, Set<String> misspelt, List<ConfigurationProblem> problems) {
        Object bound;
        try {
            bound = binder.bindOrCreate(target.prefix(), Bindable.of(target.type()), new Unreadable(problems));
        } catch (RuntimeException unbindable) {
            problems.add(new ConfigurationProblem(target.prefix(), "cannot be read: " + innermost(unbindable)));
            return;
        }
        if (AnnotationUtils.findAnnotation(target.type(), Validated.class) != null) {
            for (ConstraintViolation<Object> violation : validator.validate(bound)) {
                String property = target.prefix() + propertyPath(violation.getPropertyPath());
                if (!misspelt.contains(property)) {
                    problems.add(new ConfigurationProblem(property, violation.getMessage() + where(property)));
                }
            }
        }
        if (bound instanceof PropertyRules rules) {
            BiConsumer<String, String> report =
                    (property, reason) -> problems.add(new ConfigurationProblem(property, reason + where(property)));
            rules.check(report);
        }
    }

    /** {@code (set to 0s on the command line)}, or nothing for a property that is not set. */
    private String where(String property) {
        ConfigurationPropertyName name = ConfigurationPropertyName.ofIfValid(property);
        return name == null
                ? ""
                : ConfiguredProperty.find(sources, name)
                        .map(configured -> " (" + configured.describe() + ")")
                        .orElse("");
    }

    /**
     * A violation's path as a property: {@code sources[0].id}, {@code tickers.lobby.sources},
     * {@code milestones[2]}, in the dashed form docs/configuration.md uses.
     */
    static String propertyPath(Path path) {
        StringBuilder property = new StringBuilder();
        for (Path.Node node : path) {
            if (node.isInIterable()) {
                property.append(node.getIndex() != null ? "[" + node.getIndex() + "]" : "." + node.getKey());
            }
            if (node.getKind() != ElementKind.CONTAINER_ELEMENT && node.getName() != null) {
                property.append('.').append(DataObjectPropertyName.toDashedForm(node.getName()));
            }
        }
        return property.toString();
    }

    /**
     * Reports a value binding cannot read (a duration of {@code abc}) and goes on with the default,
     * so the rest of the record is still judged.
     */
    private final class Unreadable extends AbstractBindHandler {
        private final List<ConfigurationProblem> problems;

        Unreadable(List<ConfigurationProblem> problems) {
            this.problems = problems;
        }

        @Override
        public Object onFailure(
                ConfigurationPropertyName name, Bindable<?> target, BindContext context, Exception error) {
            ConfiguredProperty configured =
                    ConfiguredProperty.find(sources, name).orElse(null);
            String type = target.getType().resolve(Object.class).getSimpleName();
            boolean secret = ConfiguredProperty.secret(name.toString());
            // The converter's own words quote the value: not for a secret.
            String reason = secret ? "cannot be read as a " + type : innermost(error);
            problems.add(new ConfigurationProblem(
                    configured == null ? name.toString() : configured.written(),
                    reason + (configured == null ? "" : " (" + configured.describe() + ")")));
            return null;
        }
    }

    private static String innermost(Throwable failure) {
        String message = failure.getMessage();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
                message = cause.getMessage();
            }
        }
        return message == null ? failure.getClass().getSimpleName() : message.strip();
    }
}
