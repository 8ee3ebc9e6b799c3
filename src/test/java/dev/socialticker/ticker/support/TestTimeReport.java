package dev.socialticker.ticker.support;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.LoggerFactory;

/**
 * What the build prints at its end (pom.xml, execution {@code test-time-report}): the ten slowest
 * test classes and how many application contexts the tests started, read from Surefire's and
 * Failsafe's reports, so a test that grows slow, or a new context, is seen the day it lands.
 *
 * <p>A context is counted by the line Spring Boot logs once one has started ("Started X in 2.1
 * seconds"), in the test JVMs' output; the packaged jar's own processes are not counted. How many of
 * them are distinct test configurations ({@link TestConfigurations}) is printed after.
 */
public final class TestTimeReport {
    private static final Pattern SUITE = Pattern.compile("<testsuite\\b([^>]*)>");
    private static final Pattern ATTRIBUTE = Pattern.compile("(\\w+)=\"([^\"]*)\"");
    private static final Pattern STARTED = Pattern.compile("Started \\S+ in [0-9.]+ seconds");

    /** One test class and the seconds its tests took. */
    record TestClass(String name, double seconds) {}

    private TestTimeReport() {}

    /** @param args the report folders (target/surefire-reports, target/failsafe-reports) */
    public static void main(String[] args) {
        List<Path> folders =
                Stream.of(args).map(Path::of).filter(Files::isDirectory).toList();
        System.out.println(report(folders, 10));
        // Spring's test bootstrap logs each class it reads at INFO; the build's last lines are the report.
        ((Logger) LoggerFactory.getLogger("org.springframework")).setLevel(Level.WARN);
        System.out.printf(
                Locale.ROOT,
                "[test report] distinct test context configurations: %d (at most %d: TestConfigurationsTest)%n",
                TestConfigurations.distinct().size(),
                TestConfigurationsTest.BUDGET);
    }

    static String report(List<Path> folders, int slowest) {
        List<TestClass> classes = new ArrayList<>();
        int contexts = 0;
        for (Path folder : folders) {
            classes.addAll(classes(folder));
            contexts += contexts(folder);
        }
        if (classes.isEmpty()) {
            return "[test report] no test reports";
        }
        classes.sort(Comparator.comparingDouble(TestClass::seconds).reversed());
        double total = classes.stream().mapToDouble(TestClass::seconds).sum();
        StringBuilder text = new StringBuilder(String.format(
                Locale.ROOT,
                "[test report] %d test classes, %.0f s of test time; the %d slowest:%n",
                classes.size(),
                total,
                Math.min(slowest, classes.size())));
        for (TestClass test : classes.subList(0, Math.min(slowest, classes.size()))) {
            text.append(String.format(Locale.ROOT, "[test report] %7.1f s  %s%n", test.seconds(), test.name()));
        }
        text.append(String.format(
                Locale.ROOT, "[test report] application contexts started in the test JVMs: %d", contexts));
        return text.toString();
    }

    /** Each class of a report folder, from its {@code TEST-*.xml}. */
    static List<TestClass> classes(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            List<TestClass> classes = new ArrayList<>();
            for (Path file : files.filter(TestTimeReport::isSuite).toList()) {
                Matcher suite = SUITE.matcher(head(file));
                if (!suite.find()) {
                    continue;
                }
                String name = null;
                String time = null;
                Matcher attribute = ATTRIBUTE.matcher(suite.group(1));
                while (attribute.find()) {
                    switch (attribute.group(1)) {
                        case "name" -> name = attribute.group(2);
                        case "time" -> time = attribute.group(2);
                        default -> {}
                    }
                }
                if (name != null && time != null) {
                    String simple = name.substring(name.lastIndexOf('.') + 1);
                    classes.add(new TestClass(simple, Double.parseDouble(time.replace(",", ""))));
                }
            }
            return classes;
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    /** The contexts the output files of a report folder say were started. */
    static int contexts(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            int started = 0;
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith("-output.txt"))
                    .toList()) {
                // Not Files.readString: a test may print bytes that are not UTF-8.
                Matcher line = STARTED.matcher(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
                while (line.find()) {
                    started++;
                }
            }
            return started;
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    private static boolean isSuite(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith("TEST-") && name.endsWith(".xml");
    }

    /** The start of a report, where its {@code <testsuite>} element is. */
    private static String head(Path file) throws IOException {
        try (var in = Files.newInputStream(file)) {
            return new String(in.readNBytes(4096), StandardCharsets.UTF_8);
        }
    }
}
