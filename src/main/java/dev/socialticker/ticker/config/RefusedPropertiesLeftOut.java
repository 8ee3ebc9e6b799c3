package dev.socialticker.ticker.config;

import org.springframework.boot.context.properties.ConfigurationPropertiesBindHandlerAdvisor;
import org.springframework.boot.context.properties.bind.AbstractBindHandler;
import org.springframework.boot.context.properties.bind.BindContext;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.stereotype.Component;

/**
 * When the properties already showed problems, lets the start go on to the provider check, so its
 * problems join the same report: Boot's binding of the {@code ticker.*} records then leaves out the
 * values {@link PropertiesCheck} refused (their defaults apply; nothing runs on a refused value) and
 * skips the validation that check has already made, which would otherwise stop the start at the
 * first record with a problem. With no problem found, Boot's binding is left exactly as it is.
 */
@Component
class RefusedPropertiesLeftOut implements ConfigurationPropertiesBindHandlerAdvisor {
    private static final ConfigurationPropertyName TICKER = ConfigurationPropertyName.of("ticker");

    private final ConfigurationProblems problems;

    RefusedPropertiesLeftOut(ConfigurationProblems problems) {
        this.problems = problems;
    }

    @Override
    public BindHandler apply(BindHandler bindHandler) {
        return problems.isEmpty() ? bindHandler : new LeftOut(bindHandler);
    }

    private final class LeftOut extends AbstractBindHandler {
        LeftOut(BindHandler parent) {
            super(parent);
        }

        @Override
        public <T> Bindable<T> onStart(ConfigurationPropertyName name, Bindable<T> target, BindContext context) {
            return problems.leftOut(name) ? null : super.onStart(name, target, context);
        }

        @Override
        public Object onFailure(
                ConfigurationPropertyName name, Bindable<?> target, BindContext context, Exception error)
                throws Exception {
            // Reported by the check already; the default stands in.
            return ticker(name) ? null : super.onFailure(name, target, context, error);
        }

        @Override
        public void onFinish(ConfigurationPropertyName name, Bindable<?> target, BindContext context, Object result)
                throws Exception {
            if (!ticker(name)) {
                super.onFinish(name, target, context, result);
            }
        }
    }

    private static boolean ticker(ConfigurationPropertyName name) {
        return TICKER.equals(name) || TICKER.isAncestorOf(name);
    }
}
