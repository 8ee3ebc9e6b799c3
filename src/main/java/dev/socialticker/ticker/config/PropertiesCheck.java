package dev.socialticker.ticker.config;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.BeanFactoryAnnotationUtils;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.ConfigurationPropertyState;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.validation.MessageInterpolatorFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * Checks every {@code ticker.*} property before any bean is made, and keeps every problem it finds
 * in the application's {@link ConfigurationProblems}: unknown names ({@link UnknownPropertyCheck}),
 * then each properties record of the service bound and validated as a whole, with its own rules
 * ({@link PropertyRecordCheck}). It refuses nothing itself: the start goes on to the provider check,
 * which adds what only the provider files can tell and refuses with everything found.
 */
@Component
class PropertiesCheck implements BeanFactoryPostProcessor, EnvironmentAware {
    private static final Logger log = LoggerFactory.getLogger(PropertiesCheck.class);
    private static final ConfigurationPropertyName TICKER = ConfigurationPropertyName.of("ticker");

    private ConfigurableEnvironment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = (ConfigurableEnvironment) environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        ConfigurationProblems problems = new ConfigurationProblems();
        check(environment, records(beanFactory), converters(beanFactory), problems);
        if (!problems.isEmpty()) {
            log.info(
                    "Configuration problems found in the properties ({}): the start goes on, without the refused"
                            + " values, to check the provider files too, then stops and lists them all",
                    problems.all().size());
        }
        // Registered as a definition whose supplier always hands out this one instance: after a failed
        // start has destroyed every bean, the failure analyzer still finds what was collected.
        RootBeanDefinition definition = new RootBeanDefinition(ConfigurationProblems.class, () -> problems);
        ((BeanDefinitionRegistry) beanFactory).registerBeanDefinition(ConfigurationProblems.BEAN, definition);
    }

    /**
     * Adds every problem the properties alone show to {@code problems}, and marks the refused values
     * there to be left out of binding.
     */
    static void check(
            ConfigurableEnvironment environment,
            List<PropertyRecordCheck.Target> records,
            List<Converter<?, ?>> converters,
            ConfigurationProblems problems) {
        Iterable<ConfigurationPropertySource> sources = ConfigurationPropertySources.get(environment);
        List<UnknownPropertyCheck.Unknown> unknown = UnknownPropertyCheck.find(sources);
        Set<String> misspelt =
                unknown.stream().map(UnknownPropertyCheck.Unknown::suggestion).collect(Collectors.toSet());
        ApplicationConversionService conversion = new ApplicationConversionService();
        converters.forEach(conversion::addConverter);
        Binder binder = new Binder(sources, new PropertySourcesPlaceholdersResolver(environment), conversion);
        List<ConfigurationProblem> refused =
                new PropertyRecordCheck(binder, sources, Validators.VALIDATOR).problems(records, misspelt);
        refused.forEach(problem -> leaveOut(problem.subject(), sources, problems));
        unknown.forEach(found -> problems.add(found.problem()));
        problems.addAll(refused);
    }

    /**
     * What binding leaves out while the start goes on to the provider check: a refused value (its
     * default applies), or, for a value that is missing, the group it belongs to (an e-mail channel
     * without a sender is no channel), unless that group is a list's element (a source without an
     * account stays in its place, so the sources after it keep their index; the catalog skips it).
     */
    private static void leaveOut(
            String property, Iterable<ConfigurationPropertySource> sources, ConfigurationProblems problems) {
        ConfigurationPropertyName name = ConfigurationPropertyName.ofIfValid(property);
        if (name == null || !TICKER.isAncestorOf(name)) {
            return;
        }
        if (set(name, sources)) {
            problems.leaveOut(name);
            return;
        }
        ConfigurationPropertyName group = name.getParent();
        if (group.getNumberOfElements() > 2 && !group.isLastElementIndexed()) {
            problems.leaveOut(group);
        }
    }

    private static boolean set(ConfigurationPropertyName name, Iterable<ConfigurationPropertySource> sources) {
        for (ConfigurationPropertySource source : sources) {
            if (source.getConfigurationProperty(name) != null
                    || source.containsDescendantOf(name) == ConfigurationPropertyState.PRESENT) {
                return true;
            }
        }
        return false;
    }

    /**
     * One validator for the JVM, as Boot's own binding uses (Boot's message interpolation): building
     * one reads every record's constraints anew, about 100 ms, and a test run starts many applications.
     */
    private static final class Validators {
        static final Validator VALIDATOR = Validation.byDefaultProvider()
                .configure()
                .messageInterpolator(new MessageInterpolatorFactory().getObject())
                .buildValidatorFactory()
                .getValidator();
    }

    /** The service's properties records this application binds, with their prefixes: from its bean definitions. */
    private static List<PropertyRecordCheck.Target> records(ConfigurableListableBeanFactory beanFactory) {
        Map<Class<?>, PropertyRecordCheck.Target> records = new LinkedHashMap<>();
        for (String name : beanFactory.getBeanDefinitionNames()) {
            BeanDefinition definition = beanFactory.getBeanDefinition(name);
            Class<?> type = type(definition, beanFactory);
            if (type != null) {
                target(type).ifPresent(target -> records.putIfAbsent(type, target));
            }
        }
        return new ArrayList<>(records.values());
    }

    /** The record and prefix to check, when the type is one of the service's {@code ticker.*} properties records. */
    static Optional<PropertyRecordCheck.Target> target(Class<?> type) {
        if (!type.isRecord()) {
            return Optional.empty();
        }
        MergedAnnotation<ConfigurationProperties> annotation =
                MergedAnnotations.from(type).get(ConfigurationProperties.class);
        if (!annotation.isPresent()) {
            return Optional.empty();
        }
        String prefix = annotation.getString("prefix");
        return prefix.equals(TICKER.toString()) || prefix.startsWith(TICKER + ".")
                ? Optional.of(new PropertyRecordCheck.Target(type, prefix))
                : Optional.empty();
    }

    private static Class<?> type(BeanDefinition definition, ConfigurableListableBeanFactory beanFactory) {
        String className = definition.getBeanClassName();
        if (className == null) {
            return null;
        }
        try {
            return ClassUtils.forName(className, beanFactory.getBeanClassLoader());
        } catch (ClassNotFoundException | LinkageError notLoadable) {
            return null;
        }
    }

    /**
     * The converters the service adds to binding ({@code @ConfigurationPropertiesBinding}, such as
     * dates or instants for a token's expiry), as Boot's own binder will use them.
     */
    private static List<Converter<?, ?>> converters(ConfigurableListableBeanFactory beanFactory) {
        List<Converter<?, ?>> converters = new ArrayList<>();
        for (String name : beanFactory.getBeanNamesForType(Converter.class, true, false)) {
            if (BeanFactoryAnnotationUtils.isQualifierMatch(
                    ConfigurationPropertiesBinding.VALUE::equals, name, beanFactory)) {
                converters.add(beanFactory.getBean(name, Converter.class));
            }
        }
        return converters;
    }
}
