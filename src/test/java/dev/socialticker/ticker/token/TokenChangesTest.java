package dev.socialticker.ticker.token;

import static org.assertj.core.api.Assertions.assertThat;

import dev.socialticker.ticker.config.SourceCatalog;
import dev.socialticker.ticker.config.SourceProperties;
import dev.socialticker.ticker.domain.TickerEvent;
import dev.socialticker.ticker.domain.TokenChanged;
import dev.socialticker.ticker.event.TickerEvents;
import dev.socialticker.ticker.provider.contract.ProviderProperties;
import dev.socialticker.ticker.state.StateRepository;
import dev.socialticker.ticker.support.TestJson;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.mock.env.MockEnvironment;

/**
 * What the token feature tells the hub: what it knows at its first run, a refresh and a failed one
 * at once, each change once and never the token itself.
 */
class TokenChangesTest {
    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    static final Instant EXPIRES = NOW.plusSeconds(60L * 24 * 3600);

    final List<TickerEvent> published = new ArrayList<>();
    final TokenStatus status = new TokenStatus(
            new SourceCatalog(
                    new SourceProperties(List.of(new SourceProperties.Source(null, "threads", "141981764")), null)),
            Binder.get(new MockEnvironment()
                            .withProperty(
                                    "ticker.providers.threads.token-expires-at",
                                    NOW.plusSeconds(3600).toString()))
                    .bindOrCreate("ticker", ProviderProperties.class),
            TestJson.MAPPER,
            StateRepository.memory(Map.of()),
            Clock.fixed(NOW, ZoneOffset.UTC),
            new TickerEvents(published::add, new SimpleMeterRegistry()));

    @Test
    void whatIsKnownIsToldOnceAtTheFirstRun() {
        status.publishChanges();
        status.publishChanges();

        assertThat(published).containsExactly(new TokenChanged("threads", NOW.plusSeconds(3600), null));
    }

    @Test
    void aRefreshAndAFailedOneAreToldAtOnceWithoutTheToken() throws IOException {
        status.publishChanges();
        published.clear();

        status.refreshed("threads", "THQ-rotated-secret", EXPIRES);
        status.refreshFailed("threads", "Threads answered HTTP 400");
        status.refreshFailed("threads", "Threads answered HTTP 400");
        status.publishChanges();

        assertThat(published)
                .containsExactly(
                        new TokenChanged("threads", EXPIRES, null),
                        new TokenChanged("threads", EXPIRES, "Threads answered HTTP 400"));
        assertThat(published.toString()).doesNotContain("THQ-rotated-secret");
    }
}
