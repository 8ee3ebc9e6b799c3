package dev.socialticker.ticker.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.socialticker.ticker.refresh.RefreshProperties;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

/**
 * While a start with problems goes on to the provider check, Boot's binding of a record leaves the
 * refused values out (their defaults apply) instead of stopping at the first record; with no problem
 * found, Boot's own validating binding is left as it is.
 */
class RefusedPropertiesLeftOutTest {
    static final Map<String, String> SET = Map.of(
            "ticker.refresh.period", "0s",
            "ticker.refresh.min-interval", "10s");

    private final ValidatorFactory validation = Validation.buildDefaultValidatorFactory();

    @AfterEach
    void close() {
        validation.close();
    }

    @Test
    void aRefusedValueIsLeftOutAndTheRestOfTheRecordIsBound() {
        ConfigurationProblems problems = PropertiesCheckTest.check(SET);
        assertThat(problems.all()).extracting(ConfigurationProblem::subject).containsExactly("ticker.refresh.period");

        RefreshProperties bound = bind(new RefusedPropertiesLeftOut(problems).apply(validating()));

        assertThat(bound.period()).as("the default, not the refused 0s").isEqualTo(Duration.ofSeconds(60));
        assertThat(bound.minInterval()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void withNoProblemFoundBootsValidationStaysAsItIs() {
        BindHandler boots = validating();

        assertThat(new RefusedPropertiesLeftOut(new ConfigurationProblems()).apply(boots))
                .isSameAs(boots);
        assertThatThrownBy(() -> bind(boots)).isInstanceOf(BindException.class);
    }

    private RefreshProperties bind(BindHandler handler) {
        return new Binder(new MapConfigurationPropertySource(SET))
                .bindOrCreate("ticker.refresh", Bindable.of(RefreshProperties.class), handler);
    }

    private BindHandler validating() {
        return new ValidationBindHandler(new SpringValidatorAdapter(validation.getValidator()));
    }
}
