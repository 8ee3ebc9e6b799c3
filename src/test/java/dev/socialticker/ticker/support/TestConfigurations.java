package dev.socialticker.ticker.support;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.test.context.BootstrapUtils;
import org.springframework.test.context.BootstrapWith;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.util.ClassUtils;

/**
 * The distinct application context configurations of the test classes, as Spring's test context
 * cache tells them apart ({@link MergedContextConfiguration#equals}): each one is a context that
 * starts at least once per test JVM, so their number is what a new test costs. Worked out from the
 * classes alone, without starting anything. Applications a test starts itself (a fleet, a restart,
 * a refused start) are not among them: they are the whole application where the whole is the point.
 */
public final class TestConfigurations {
    private static final String BASE_PACKAGE = "dev.socialticker.ticker";

    private TestConfigurations() {}

    /** Each distinct configuration, with the test classes that share it (by simple name, sorted). */
    public static List<List<String>> distinct() {
        Map<MergedContextConfiguration, List<String>> shared = new LinkedHashMap<>();
        for (Class<?> test : testClasses()) {
            MergedContextConfiguration configuration =
                    BootstrapUtils.resolveTestContextBootstrapper(test).buildMergedContextConfiguration();
            shared.computeIfAbsent(configuration, any -> new ArrayList<>()).add(test.getSimpleName());
        }
        List<List<String>> groups = new ArrayList<>();
        for (List<String> classes : shared.values()) {
            classes.sort(Comparator.naturalOrder());
            groups.add(List.copyOf(classes));
        }
        groups.sort(Comparator.comparing(classes -> classes.get(0)));
        return groups;
    }

    /** The concrete test classes that run in a Spring test context (@SpringBootTest and the like). */
    static List<Class<?>> testClasses() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                return definition.getMetadata().isIndependent()
                        && definition.getMetadata().isConcrete();
            }
        };
        // @SpringBootTest and every other test context annotation are meta-annotated with
        // @BootstrapWith, on the class itself or on a class it extends.
        scanner.addIncludeFilter((reader, factory) -> MergedAnnotations.from(
                        load(reader.getClassMetadata().getClassName()), SearchStrategy.TYPE_HIERARCHY)
                .isPresent(BootstrapWith.class));
        List<Class<?>> tests = new ArrayList<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents(BASE_PACKAGE)) {
            tests.add(load(candidate.getBeanClassName()));
        }
        tests.sort(Comparator.comparing(Class::getName));
        return tests;
    }

    private static Class<?> load(String name) {
        return ClassUtils.resolveClassName(name, TestConfigurations.class.getClassLoader());
    }
}
