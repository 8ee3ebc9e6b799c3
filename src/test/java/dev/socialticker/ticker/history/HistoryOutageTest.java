package dev.socialticker.ticker.history;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.socialticker.ticker.config.SourceCatalog;
import dev.socialticker.ticker.config.SourceProperties;
import dev.socialticker.ticker.domain.Snapshot;
import dev.socialticker.ticker.domain.SourceChanged;
import dev.socialticker.ticker.domain.SourceState;
import dev.socialticker.ticker.domain.TickerSource;
import dev.socialticker.ticker.event.TickerEvents;
import dev.socialticker.ticker.state.StateKey;
import dev.socialticker.ticker.state.StateRepository;
import dev.socialticker.ticker.support.ForwardingStateRepository;
import dev.socialticker.ticker.support.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A shared store (the fleet's Redis) that stops answering for a while: the history keeps every
 * reading in memory, says so once per source (not once per reading), says once when it can read
 * again, and writes what it kept.
 */
class HistoryOutageTest {
    static final List<TickerSource> SOURCES =
            List.of(new TickerSource("github-a", "github", "a"), new TickerSource("github-b", "github", "b"));

    final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T10:00:00Z"));
    final Outage store = new Outage(StateRepository.memory(Map.of()));
    final HistoryBook book = new HistoryBook(
            store,
            new SourceCatalog(new SourceProperties(
                    SOURCES.stream()
                            .map(source ->
                                    new SourceProperties.Source(source.id(), source.provider(), source.account()))
                            .toList(),
                    null)),
            HistoryProperties.defaults(),
            provider -> false,
            clock,
            new TickerEvents(event -> {}, new SimpleMeterRegistry()));
    final Map<String, SourceState> states = new HashMap<>();
    final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    final Logger historyLog = (Logger) LoggerFactory.getLogger(HistoryBook.class);
    long sequence;

    @BeforeEach
    void captureLog() {
        logs.start();
        historyLog.addAppender(logs);
        historyLog.setLevel(Level.INFO);
    }

    @AfterEach
    void releaseLog() {
        historyLog.detachAppender(logs);
        historyLog.setLevel(null);
    }

    @Test
    void anOutageIsSaidOncePerSourceAndItsEndOnce() throws IOException {
        readEach(100);
        store.down = true;
        for (long count = 101; count <= 105; count++) {
            readEach(count);
        }

        assertThat(lines(Level.WARN))
                .as("five readings of two sources in the outage: said once for each source")
                .containsExactly(
                        "Could not read the stored history of github-a: Connection refused; this reading is kept in"
                                + " memory and written once it can be read (said once until it succeeds again)",
                        "Could not read the stored history of github-b: Connection refused; this reading is kept in"
                                + " memory and written once it can be read (said once until it succeeds again)");
        assertThat(book.points("github-a", Step.RAW, Instant.EPOCH, clock.instant()))
                .as("kept in memory")
                .hasSize(6);

        store.down = false;
        readEach(106);
        readEach(107);

        assertThat(lines(Level.INFO))
                .containsExactly(
                        "The history of github-a can be read again (memory)",
                        "The history of github-b can be read again (memory)");
        assertThat(lines(Level.WARN)).as("nothing more").hasSize(2);
        for (TickerSource source : SOURCES) {
            assertThat(HistoryCodec.decode(
                                    store.read(StateKey.history(source.id())).orElseThrow())
                            .points(Step.RAW, Instant.EPOCH, clock.instant()))
                    .as("%s: what the outage kept is written with the next reading", source.id())
                    .hasSize(8);
        }
    }

    private List<String> lines(Level level) {
        return logs.list.stream()
                .filter(event -> event.getLevel() == level)
                .map(ILoggingEvent::getFormattedMessage)
                .toList();
    }

    /** Each source read {@code count}, a minute after the last reading. */
    private void readEach(long count) {
        clock.advance(Duration.ofMinutes(1));
        for (TickerSource source : SOURCES) {
            SourceState before = states.getOrDefault(source.id(), SourceState.empty(source));
            SourceState after = before.withSnapshot(new Snapshot(count, source.account(), clock.instant(), null, null));
            book.record(new SourceChanged(before, after, SourceChanged.Cause.REFRESH, null, ++sequence));
            states.put(source.id(), after);
        }
    }

    /** The fleet's store, shared, that refuses every call while {@link #down}. */
    static final class Outage extends ForwardingStateRepository {
        volatile boolean down;

        Outage(StateRepository delegate) {
            super(delegate);
        }

        @Override
        public boolean shared() {
            return true;
        }

        @Override
        public Optional<byte[]> read(StateKey key) throws IOException {
            refuseWhileDown();
            return super.read(key);
        }

        @Override
        public void write(StateKey key, byte[] document) throws IOException {
            refuseWhileDown();
            super.write(key, document);
        }

        private void refuseWhileDown() throws IOException {
            if (down) {
                throw new ConnectException("Connection refused");
            }
        }
    }
}
