package dev.socialticker.ticker.routefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.socialticker.ticker.support.MutableClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Camel's file watcher on a real folder, with the settling on a test clock: a file saved with a
 * shell redirect ({@code >} empties it, then writes it) is loaded once, whole, never empty; a deleted
 * file is unloaded once it is gone for the quiet period.
 */
class RouteFolderWatcherTest {
    static final Duration QUIET = Duration.ofMillis(500);

    @TempDir
    Path dir;

    final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T10:00:00Z"));
    final Recorder loader = new Recorder();
    CamelContext context;
    RouteFolderWatcher watch;

    @BeforeEach
    void watch() throws Exception {
        loader.folder = new RouteFolder(dir);
        context = new DefaultCamelContext();
        context.start();
        watch = RouteFolderWatcher.watch(context, loader, "test files", clock, QUIET);
    }

    @AfterEach
    void stop() {
        context.stop();
    }

    @Test
    void aFileSavedWithAShellRedirectIsLoadedOnceWhole() throws IOException {
        Path file = dir.resolve("acme.camel.yaml");
        Files.writeString(file, "- route: {}\n");
        await().until(() -> watch.waiting().contains(file));
        settle(() -> loader.loaded.size() == 1);
        loader.loaded.clear();

        // echo … > acme.camel.yaml: emptied, then written, in two steps the watcher sees one by one.
        Files.write(file, new byte[0]);
        await().until(() -> watch.waiting().contains(file));
        Files.writeString(file, "- route:\n    id: provider-acme\n");
        settle(() -> !loader.loaded.isEmpty());

        assertThat(loader.loaded).containsExactly("- route:\n    id: provider-acme\n");
    }

    @Test
    void aDeletedFileIsUnloaded() throws IOException {
        Path file = dir.resolve("acme.camel.yaml");
        Files.writeString(file, "- route: {}\n");
        await().until(() -> watch.waiting().contains(file));
        settle(() -> loader.loaded.size() == 1);

        Files.delete(file);
        await().until(() -> watch.waiting().contains(file));
        settle(() -> loader.unloaded.contains("acme"));

        assertThat(loader.loaded).hasSize(1);
    }

    /** Moves the clock on until the condition holds: a file applies once it has been still on that clock. */
    private void settle(java.util.concurrent.Callable<Boolean> done) {
        await().until(() -> {
            clock.advance(QUIET);
            return done.call();
        });
    }

    /** A loader that keeps what it was given: the text of each file it loaded, the names it unloaded. */
    static final class Recorder implements RouteFolderWatcher.Loader {
        RouteFolder folder;
        final RouteFileCatalog<String> catalog = new RouteFileCatalog<>();
        final List<String> loaded = new CopyOnWriteArrayList<>();
        final List<String> unloaded = new CopyOnWriteArrayList<>();

        @Override
        public RouteFolder folder() {
            return folder;
        }

        @Override
        public RouteFileCatalog<?> catalog() {
            return catalog;
        }

        @Override
        public String noun() {
            return "test";
        }

        @Override
        public boolean load(CamelContext context, RouteFile file) {
            try {
                loaded.add(Files.readString(Path.of(file.uri().replaceFirst("^file:", ""))));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return true;
        }

        @Override
        public void unload(CamelContext context, String name) {
            unloaded.add(name);
        }

        @Override
        public void refuseMisnamed(Path path) {
            throw new AssertionError("no misnamed file here: " + path);
        }
    }
}
