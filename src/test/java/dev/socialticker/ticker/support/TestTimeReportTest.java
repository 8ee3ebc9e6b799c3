package dev.socialticker.ticker.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build's closing report, read from report folders written the way Surefire and Failsafe write them. */
class TestTimeReportTest {
    @TempDir
    Path unit;

    @TempDir
    Path integration;

    @Test
    void listsTheSlowestClassesFirstAndCountsTheContextsStarted() throws IOException {
        suite(unit, "dev.socialticker.ticker.api.FastTest", "0.25");
        suite(unit, "dev.socialticker.ticker.fleet.SharedModeTest", "56.1");
        suite(integration, "dev.socialticker.ticker.frontend.ScreenBrowserIT", "1,310.5");
        Files.writeString(
                unit.resolve("dev.socialticker.ticker.fleet.SharedModeTest-output.txt"),
                "INFO Started TickerApplication in 3.2 seconds (process running for 9.1)\n"
                        + "INFO Started TickerApplication in 2.9 seconds (process running for 12.0)\n"
                        + "INFO Starting TickerApplication using Java 17\n");
        Files.writeString(
                integration.resolve("dev.socialticker.ticker.frontend.ScreenBrowserIT-output.txt"),
                "INFO Started ScreenBrowserIT in 4.0 seconds (process running for 5.0)\n");
        Files.writeString(unit.resolve("dev.socialticker.ticker.api.FastTest.txt"), "Tests run: 1");

        String report = TestTimeReport.report(List.of(unit, integration), 2);

        assertThat(report.lines())
                .containsExactly(
                        "[test report] 3 test classes, 1367 s of test time; the 2 slowest:",
                        "[test report]  1310.5 s  ScreenBrowserIT",
                        "[test report]    56.1 s  SharedModeTest",
                        "[test report] application contexts started in the test JVMs: 3");
    }

    @Test
    void saysSoWhenThereAreNoReports() {
        assertThat(TestTimeReport.report(List.of(), 10)).isEqualTo("[test report] no test reports");
    }

    private static void suite(Path folder, String name, String seconds) throws IOException {
        Files.writeString(
                folder.resolve("TEST-" + name + ".xml"),
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
                        + " name=\"" + name + "\" time=\"" + seconds + "\" tests=\"1\" errors=\"0\" skipped=\"0\""
                        + " failures=\"0\">\n<properties/>\n</testsuite>\n");
    }
}
